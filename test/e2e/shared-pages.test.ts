/**
 * Pages that are the same for everyone come from the shared cache for
 * signed-in readers too, with their own header put in: each reader sees only
 * their own name and links, a log-out shows at once, and no response that
 * names a reader is ever stored for another.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * Whether a signed-out reader gets the page from the shared cache within a few tries: other tests'
 * writes (and the figures refresher after them) may evict it between two requests.
 */
async function servedFromCache(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await fetch(url)).headers.get('x-cache') === 'HIT') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const accountNav = (page: import('playwright-core').Page) =>
  page.getByRole('navigation', { name: 'Account' }).innerText();

describe('shared pages for signed-in readers', () => {
  it('show each reader their own header on the same cached page, and the log-in link after log-out', async () => {
    // A signed-out visit first, so the page is in the shared cache.
    const warm = await fetch(`${baseUrl}/rankings`);
    expect(warm.status).toBe(200);
    expect(await servedFromCache(`${baseUrl}/rankings`)).toBe(true);

    const camille = await (await browser.newContext()).newPage();
    const alex = await (await browser.newContext()).newPage();
    await logIn(camille, baseUrl, 'customer@demo.example');
    await logIn(alex, baseUrl, 'brand@demo.example');
    await camille.goto(`${baseUrl}/rankings`);
    await alex.goto(`${baseUrl}/rankings`);
    expect(await accountNav(camille)).toContain('Camille R.');
    expect(await accountNav(camille)).not.toContain('Alex');
    expect(await accountNav(alex)).toContain('Alex');
    expect(await accountNav(alex)).toContain('Inbox · Northwind Telecom');
    expect(await accountNav(alex)).not.toContain('Camille');

    // What a signed-out reader gets afterwards names nobody.
    const anonymous = await (await fetch(`${baseUrl}/rankings`)).text();
    expect(anonymous).not.toContain('Camille R.');
    expect(anonymous).toContain('Log in');

    // The signed-in copy is private.
    const response = await camille.goto(`${baseUrl}/rankings`);
    expect(response?.headers()['cache-control']).toBe('private, no-store');

    // A change evicts the page (any like or fail changes the rankings); the next signed-in reader
    // renders it once as everyone sees it, which refills the cache for signed-out readers too.
    const listing = (await (
      await fetch(`${baseUrl}/api/v1/brands/glintwell-electronics/posts?kind=fail`)
    ).json()) as {
      data: { id: number; author: string }[];
    };
    const fail = listing.data.find((item) => item.author !== 'Camille R.')!;
    await camille.goto(`${baseUrl}/posts/${fail.id}`);
    const meToo = camille.getByRole('button', { name: 'Me too: this happened to me' });
    if ((await meToo.count()) > 0) {
      await meToo.click();
      await camille.waitForLoadState();
    }
    const evicted = await alex.goto(`${baseUrl}/rankings`);
    expect(evicted?.status()).toBe(200);
    expect(await accountNav(alex)).toContain('Alex');
    expect(await servedFromCache(`${baseUrl}/rankings`)).toBe(true);

    await camille.getByRole('button', { name: 'Log out' }).click();
    await camille.goto(`${baseUrl}/rankings`);
    expect(await accountNav(camille)).toContain('Log in');
    expect(await accountNav(camille)).not.toContain('Camille R.');
  });
});
