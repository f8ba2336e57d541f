/**
 * Two built servers on one PostgreSQL behind nginx, configured by
 * deploy/nginx.conf (docs/deploy.md): forms work through the proxy, a session
 * made on one instance is valid on the other, rate limits count across both,
 * a queued mail is sent once, maintenance runs one round between them, and a
 * post made through one instance is on the other's pages at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm, publishFail, sessionCookieOf, signedOutPageShows } from '../helpers/board-pages.ts';
import { NGINX, startProxiedInstances, type ProxiedBoard } from '../helpers/proxied-instances.ts';
import type { ReplicatedPostgres } from '../helpers/throw-away-postgres.ts';
import { startDemoPostgres } from './demo-postgres.ts';
import { DEMO_PASSWORD, launchBrowser, logIn } from './browser.ts';

const BASE_PORT = Number(process.env['E2E_PORT'] ?? 4329);
const canRun = fs.existsSync(NGINX) && fs.existsSync('/usr/lib/postgresql/15/bin/initdb');

let database: ReplicatedPostgres;
let board: ProxiedBoard;
let browser: Browser;
let sql: ReturnType<typeof postgres>;

const [a, b] = [0, 1];
const instanceUrl = (index: number) => board.instances[index]!.url;

/** Mail files written by either instance to `to`. */
function mailsTo(to: string): string[] {
  return board.instances.flatMap((instance) => {
    const outbox = path.join(instance.dataDir, 'outbox');
    if (!fs.existsSync(outbox)) return [];
    return fs.readdirSync(outbox).filter((file) => file.includes(to));
  });
}

describe.skipIf(!canRun)('two instances on one PostgreSQL behind nginx', () => {
  beforeAll(async () => {
    const started = await startDemoPostgres({ primaryPort: BASE_PORT + 4, replicaPort: null });
    database = started.database;
    const env = started.env;
    sql = postgres(database.primaryUrl, { max: 1, onnotice: () => {} });
    await sql`select pg_stat_statements_reset()`;
    board = await startProxiedInstances({
      proxyPort: BASE_PORT + 6,
      instancePorts: [BASE_PORT + 7, BASE_PORT + 8],
      env,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await sql?.end();
    await board?.stop();
    await database?.stop();
  });

  it('takes forms through nginx: log-in passes the origin check and lands on the account', async () => {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, board.url, 'customer@demo.example');
    await page.goto(`${board.url}/account`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account');
    await page.context().close();
  });

  it('refuses through nginx a form posted from another site', async () => {
    const response = await fetch(`${board.url}/login?_action=login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'customer@demo.example', password: DEMO_PASSWORD, next: '/' }),
    });
    expect(response.status).toBe(403);
  });

  it('accepts on one instance a session made on the other', async () => {
    const response = await postForm(instanceUrl(a), '/login', 'login', {
      email: 'customer1@demo.example',
      password: DEMO_PASSWORD,
      next: '/',
    });
    expect(response.status).toBe(303);
    const cookie = sessionCookieOf(response);
    expect(cookie).not.toBeNull();
    const onB = await fetch(`${instanceUrl(b)}/account`, {
      headers: { Cookie: cookie! },
      redirect: 'manual',
    });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain('customer1@demo.example');
    const signedOut = await fetch(`${instanceUrl(b)}/account`, { redirect: 'manual' });
    expect(signedOut.status).not.toBe(200);
  });

  it('counts a rate limit across both instances', async () => {
    // Log-in allows 10 attempts per account in 15 minutes: 5 on each instance, then both refuse.
    const attempt = (index: number) =>
      postForm(instanceUrl(index), '/login', 'login', {
        email: 'customer2@demo.example',
        password: 'not the password at all',
        next: '/',
      });
    for (let i = 0; i < 10; i++) expect((await attempt(i % 2)).status).not.toBe(429);
    expect((await attempt(a)).status).toBe(429);
    expect((await attempt(b)).status).toBe(429);
  });

  it('sends a queued mail once, whichever instance picks it up', async () => {
    const to = 'customer3@demo.example';
    expect(mailsTo(to)).toEqual([]);
    const response = await postForm(board.url, '/reset-password', 'requestPasswordReset', { email: to });
    expect(response.status).toBeLessThan(400);
    for (let waited = 0; waited < 15_000 && mailsTo(to).length === 0; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(mailsTo(to)).toHaveLength(1);
    // Both instances look for due jobs every 5 seconds: give each another turn.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(mailsTo(to)).toHaveLength(1);
  });

  it('runs one maintenance round between the two instances, not one each', async () => {
    // Both instances have asked for the round at start and every 5 seconds since (they started more
    // than 6 seconds ago); only maintenance reads overdue promises, once per round.
    const [row] = await sql<{ calls: string | null }[]>`
      select sum(calls)::text as calls from pg_stat_statements
      where query ilike '%from "promises"%' and query ilike '%"due_on" <%'`;
    expect(Number(row?.calls ?? 0)).toBe(1);
  });

  it('shows on instance B, at once, a fail published through instance A', async () => {
    const brandPageOnB = `${instanceUrl(b)}/brands/aldermoor-audio`;
    expect(await signedOutPageShows(brandPageOnB, 'Aldermoor Audio', 0)).toBe(true); // cached on B
    const reader = await (await browser.newContext()).newPage();
    // The page open on B follows its live updates (its stream is served by B).
    const stream = reader.waitForResponse((response) => new URL(response.url()).pathname === '/live');
    await reader.goto(brandPageOnB);
    expect((await stream).status()).toBe(200);
    const title = `Published on one instance, read on the other ${Date.now()}`;
    expect(await reader.getByText(title).count()).toBe(0);

    const author = await (await browser.newContext()).newPage();
    await logIn(author, instanceUrl(a), 'customer@demo.example');
    await publishFail(author, instanceUrl(a), title);
    const publishedAt = Date.now();
    await author.context().close();

    // A's notification reaches B's listener, B's stream tells the open page, which offers the post.
    const show = reader.getByRole('button', { name: '1 new post — show' });
    await show.waitFor({ timeout: 2_000 });
    expect(Date.now() - publishedAt).toBeLessThan(2_000);
    await show.click();
    await reader.getByRole('link', { name: title }).waitFor();
    await reader.context().close();
    expect(await signedOutPageShows(brandPageOnB, title, 0)).toBe(true);
  });
});
