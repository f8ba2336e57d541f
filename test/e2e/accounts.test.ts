import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const outbox = path.join(inject('dataDir'), 'outbox');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(() => browser?.close());

/** The first link in the newest .eml written for `to` (the server's offline outbox). */
function linkFromOutbox(to: string): string {
  const files = fs
    .readdirSync(outbox)
    .filter((file) => file.includes(to.replace(/[^a-z0-9@.-]/gi, '_')))
    .sort();
  const eml = fs
    .readFileSync(path.join(outbox, files.at(-1)!), 'utf8')
    .replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=');
  const match = /https?:\/\/\S+?token=[a-z2-7]+\.[a-z2-7]+/.exec(eml);
  if (!match) throw new Error(`No link in the mail to ${to}`);
  return match[0];
}

describe('a new customer', () => {
  const email = `e2e-${Date.now()}@test.example`;
  const password = 'a calm harbour at dawn';

  it('signs up, keeps what they typed after an error, follows the emailed link, logs out and in again', async () => {
    await page.goto(`${baseUrl}/signup`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Display name').fill('Erin E2E');
    await page.getByLabel('Password').fill('qwertyuiop');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The common password is refused beside the field; the rest is kept.
    await expect(page.getByText('This password is among the most common ones').isVisible()).resolves.toBe(
      true,
    );
    expect(await page.getByLabel('E-mail address').inputValue()).toBe(email);
    expect(await page.getByLabel('Display name').inputValue()).toBe('Erin E2E');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your inbox.').waitFor();

    await page.goto(linkFromOutbox(email));
    await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
    await page.waitForURL(/\/account\?done=welcome$/);
    await page.getByText('Your e-mail address is confirmed').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    await page.getByRole('button', { name: 'Log out' }).first().click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByRole('link', { name: 'Log in' }).count()).toBe(1);
    expect((await context.cookies()).filter((c) => c.name === 'session' && c.value !== '')).toHaveLength(0);

    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.getByRole('link', { name: 'Erin E2E' }).count()).toBe(1);
  });

  it('gets a readable 429 page after repeated wrong passwords', async () => {
    const fresh = await browser.newContext();
    const attacker = await fresh.newPage();
    let status = 0;
    for (let attemptNumber = 0; attemptNumber < 12 && status !== 429; attemptNumber++) {
      await attacker.goto(`${baseUrl}/login`);
      await attacker.getByLabel('E-mail address').fill(email);
      await attacker.getByLabel('Password').fill(`wrong password ${attemptNumber}`);
      const [response] = await Promise.all([
        attacker.waitForResponse((r) => r.request().method() === 'POST'),
        attacker.getByRole('button', { name: 'Log in' }).click(),
      ]);
      status = response.status();
      if (status !== 429) expect(status).toBe(400);
    }
    expect(status).toBe(429);
    await attacker.getByText(/Too many attempts\. Try again in \d+ minutes\./).waitFor();
    expect(await attacker.getByLabel('E-mail address').inputValue()).toBe(email);
    await fresh.close();
  });
});

describe('cross-site requests', () => {
  it.each(['login', 'signup', 'logout', 'changePassword', 'deleteAccount'])(
    'to the %s action are refused with 403',
    async (name) => {
      for (const contentType of ['application/x-www-form-urlencoded', 'application/json']) {
        const response = await fetch(`${baseUrl}/_actions/${name}`, {
          method: 'POST',
          headers: { Origin: 'https://evil.example', 'Content-Type': contentType },
          body: contentType === 'application/json' ? '{}' : 'email=a%40b.example',
        });
        expect(response.status).toBe(403);
      }
    },
  );

  it('send the security headers on every page', async () => {
    const response = await fetch(`${baseUrl}/about`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
  });
});

describe('no account enumeration', () => {
  it('answers a password reset for a known and an unknown address with the same page', async () => {
    const pageFor = async (email: string) => {
      const fresh = await browser.newContext();
      const p = await fresh.newPage();
      await p.goto(`${baseUrl}/reset-password`);
      await p.getByLabel('E-mail address').fill(email);
      await p.getByRole('button', { name: 'Send me a link' }).click();
      const text = (await p.locator('main').innerText()).replace(email, '<email>');
      await fresh.close();
      return text;
    };
    expect(await pageFor('customer@demo.example')).toBe(await pageFor('nobody-here@demo.example'));
  });
});
