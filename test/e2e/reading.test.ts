import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, withoutDatabaseUrl } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext()).newPage();
});
afterAll(() => browser?.close());

describe('a reader with no account', () => {
  it('goes from the home feed to a brand, then to one of its posts and its thread', async () => {
    await page.goto(baseUrl);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'customer service',
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    const firstCard = page.locator('.post-card').first();
    const brandName = (await firstCard.locator('.meta a').first().textContent())!.trim();
    await firstCard.locator('.meta a').first().click();
    await page.waitForURL(/\/brands\/[a-z0-9-]+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(brandName);
    expect(await page.getByRole('heading', { name: 'Official contact channels' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    const postLink = page.locator('.post-card__title a').first();
    const title = (await postLink.textContent())!.trim();
    await postLink.click();
    await page.waitForURL(/\/posts\/\d+$/);
    expect((await page.getByRole('heading', { level: 1 }).textContent())!.trim()).toBe(title);
    expect(await page.getByRole('heading', { name: 'Thread' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('filters a brand feed to its fails with a plain form (no JavaScript needed)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${baseUrl}/brands/northwind-telecom`);
    await noJs.getByLabel('Kind').selectOption('fail');
    await noJs.getByRole('button', { name: 'Filter' }).click();
    await noJs.waitForURL(/kind=fail/);
    const kinds = await noJs.locator('.post-card .badge--like, .post-card .badge--fail').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((kind) => kind.trim() === 'Fail')).toBe(true);
    await context.close();
  });

  it.each([
    '/rankings',
    '/rankings?sort=responseRate&window=all',
    '/methodology',
    '/search?q=technician',
    '/compare?brands=northwind-telecom,vantrel-mobile',
    '/about',
    '/transparency',
    '/signup',
    '/login',
    '/new',
  ])('finds %s accessible (WCAG 2.1 AA)', async (path) => {
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('gets the 404 page for an unknown brand or post', async () => {
    for (const path of ['/brands/no-such-brand', '/posts/987654']) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('We could not find that page');
    }
  });

  it('reads a post on a phone without sideways scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const small = await phone.newPage();
    await small.goto(`${baseUrl}/posts/1`);
    const overflow = await small.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});

describe('the embedded database', () => {
  it('refuses a second server on the same data directory, and says why', () => {
    const second = spawnSync(process.execPath, ['dist/server/entry.mjs'], {
      env: {
        ...withoutDatabaseUrl(process.env),
        DATA_DIR: inject('dataDir'),
        PORT: '4339',
        HOST: '127.0.0.1',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('already using the embedded database');
  });
});
