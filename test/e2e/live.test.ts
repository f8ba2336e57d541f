/**
 * Live updates in Chromium (decision 008): pages open in one browser context
 * follow what another context writes, within 2 seconds, and say so in their
 * polite live region; the stream's bound answers 503 on a server started with
 * a small one.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, logIn, withoutDatabaseUrl } from './browser.ts';

const baseUrl = inject('baseUrl');
const BRAND = 'northwind-telecom';
/** Live updates must show within this long after the write is acknowledged. */
const LIVE_WITHIN_MILLISECONDS = 2_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Console errors of every page opened here (a script refused by the CSP would log one). */
const consoleErrors: string[] = [];

async function pageFor(email: string | null): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('console', (message) => {
    // The pages link /favicon.svg; a browser asking for /favicon.ico anyway is not the page's doing.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
      consoleErrors.push(`${message.location().url}: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });
  if (email) await logIn(page, baseUrl, email);
  return page;
}

/** Opens a page and waits until its event stream is open. */
async function following(page: Page, url: string): Promise<Page> {
  const stream = page.waitForResponse((response) => new URL(response.url()).pathname === '/live');
  await page.goto(url);
  expect((await stream).status()).toBe(200);
  return page;
}

/** Publishes a fail about Northwind through the real form, as a demo customer; returns its URL. */
async function publishFail(author: Page, title: string): Promise<string> {
  await author.goto(`${baseUrl}/new?brand=${BRAND}&kind=fail`);
  await author.getByLabel('Title').fill(title);
  await author
    .getByLabel('Your story')
    .fill('The fibre line has been down for nine days and every call ends with a promised callback.');
  await author.getByLabel('What was it about?').selectOption('responsiveness');
  await author.getByLabel('How did you contact them?').selectOption('phone');
  await author.getByRole('button', { name: 'Publish' }).click();
  await author.waitForURL(/\/posts\/\d+\?done=posted$/);
  return author.url().replace(/\?.*$/, '');
}

const announcer = (page: Page) => page.locator('[data-live-announcer]');

describe('a post published elsewhere', () => {
  it('shows on the open home page and brand page within 2 s, behind a button, announced politely', async () => {
    const home = await following(await pageFor(null), `${baseUrl}/`);
    const brand = await following(await pageFor(null), `${baseUrl}/brands/${BRAND}`);
    const author = await pageFor('customer7@demo.example');
    const title = `Nine days without fibre, case ${Date.now()}`;
    const scrollBefore = await home.evaluate(() => window.scrollY);

    await publishFail(author, title);
    const published = Date.now();

    for (const page of [home, brand]) {
      await page
        .getByRole('button', { name: '1 new post — show' })
        .waitFor({ timeout: LIVE_WITHIN_MILLISECONDS - (Date.now() - published) + 500 });
      await expect.poll(() => announcer(page).textContent()).toBe('1 new post');
      // Not inserted above what the reader is reading until asked.
      expect(await page.getByRole('link', { name: title }).count()).toBe(0);
    }
    expect(Date.now() - published).toBeLessThan(LIVE_WITHIN_MILLISECONDS + 500);
    expect(await home.evaluate(() => window.scrollY)).toBe(scrollBefore);

    await home.getByRole('button', { name: '1 new post — show' }).click();
    const link = home.getByRole('link', { name: title });
    await link.waitFor();
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await home.getByRole('button', { name: /new post/ }).count()).toBe(0);
    expect(await accessibilityViolations(home)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    for (const page of [home, brand, author]) await page.context().close();
  });
});

describe('a brand reply', () => {
  it('appears on the open post page within 2 s, announced as "The brand replied"', async () => {
    const author = await pageFor('customer8@demo.example');
    const postUrl = await publishFail(author, `Callback promised three times, case ${Date.now()}`);
    const reader = await following(await pageFor(null), postUrl);
    const owner = await pageFor('brand@demo.example');
    await owner.goto(postUrl);
    const reply = `Sam for Northwind here: a technician comes tomorrow morning, ${Date.now()}.`;

    await owner.getByLabel('Your public reply').fill(reply);
    await owner.getByRole('button', { name: 'Publish reply' }).click();
    await owner.waitForURL(/done=reply/);
    const replied = Date.now();

    await reader
      .locator('.thread')
      .getByText(reply)
      .waitFor({ timeout: LIVE_WITHIN_MILLISECONDS + 500 });
    expect(Date.now() - replied).toBeLessThan(LIVE_WITHIN_MILLISECONDS + 500);
    await expect.poll(() => announcer(reader).textContent()).toBe('The brand replied');
    expect(await reader.getByText('Nobody has taken this case yet').count()).toBeLessThanOrEqual(1);
    for (const page of [author, reader, owner]) await page.context().close();
  });
});

describe('the brand inbox', () => {
  it("shows a new fail to the brand's team within 2 s", async () => {
    const team = await pageFor('brand@demo.example');
    await following(team, `${baseUrl}/brand/${BRAND}/inbox`);
    const author = await pageFor('customer9@demo.example');
    const title = `Router swap refused in store, case ${Date.now()}`;

    await publishFail(author, title);
    const published = Date.now();

    await team.getByRole('link', { name: title }).waitFor({ timeout: LIVE_WITHIN_MILLISECONDS + 500 });
    expect(Date.now() - published).toBeLessThan(LIVE_WITHIN_MILLISECONDS + 500);
    await expect.poll(() => announcer(team).textContent()).toBe('1 new fail in the inbox');
    for (const page of [team, author]) await page.context().close();
  });

  it('is not streamed to readers', async () => {
    const response = await fetch(`${baseUrl}/live?inbox=${BRAND}`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/error|stack|select /i);
  });
});

describe('the bound on open streams', () => {
  const port = Number(process.env['E2E_PORT'] ?? 4329) + 1;
  const smallUrl = `http://127.0.0.1:${port}`;
  let dataDir = '';
  let server: ReturnType<typeof spawn> | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-e2e-live-'));
    server = spawn(process.execPath, ['dist/server/entry.mjs'], {
      env: {
        ...withoutDatabaseUrl(process.env),
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        SITE_URL: smallUrl,
        LIVE_MAX_STREAMS: '1',
      },
      stdio: 'ignore',
    });
    for (let attempt = 0; attempt < 240; attempt++) {
      const up = await fetch(`${smallUrl}/about`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('The second server did not start.');
  });
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After and a readable sentence past it, and opens again once one closes', async () => {
    // A HEAD takes no place (it would never be read).
    for (let i = 0; i < 3; i++)
      expect((await fetch(`${smallUrl}/live`, { method: 'HEAD' })).status).toBe(200);
    const first = new AbortController();
    const open = await fetch(`${smallUrl}/live`, { signal: first.signal });
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');

    const refused = await fetch(`${smallUrl}/live`);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/Too many people are following live updates/);

    first.abort();
    await expect
      .poll(async () => {
        const again = await fetch(`${smallUrl}/live`);
        await again.body?.cancel();
        return again.status;
      })
      .toBe(200);
  });
});
