/** Comparing brands in Chromium, without JavaScript, the way a reader on a phone would. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  page = await context.newPage();
});
afterAll(() => browser?.close());

const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('compare', () => {
  it('starts from a brand page with the brand picked, resolves typed names, and lands on the shareable address', async () => {
    await page.goto(`${baseUrl}/brands/northwind-telecom`);
    await page.getByRole('link', { name: 'Compare Northwind Telecom with other brands' }).click();
    expect(await page.getByLabel(/^Brand 1/).inputValue()).toBe('Northwind Telecom');
    expect(await page.getByText('Add at least one more brand to compare it with.').count()).toBe(1);

    await page.getByLabel(/^Brand 2/).fill('vantrel mobile');
    await page.getByLabel(/^Brand 3/).fill('Glintwell Electronics');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForURL(`${baseUrl}/compare?brands=northwind-telecom,vantrel-mobile,glintwell-electronics`);
    expect(await page.getByRole('columnheader', { name: 'Vantrel Mobile' }).count()).toBe(1);
    expect(await page.locator('.best-mark').count()).toBeGreaterThan(0);
    expect(await page.locator('figure.chart').count()).toBe(6);
    // axe needs JavaScript in the page: reading.test.ts and every-route.test.ts check these pages with it.
    expect(await overflow()).toBeLessThanOrEqual(0);
  });

  it('refuses a fifth brand beside its input, keeping it, and fits a phone', async () => {
    await page.goto(
      `${baseUrl}/compare?brands=northwind-telecom,vantrel-mobile,glintwell-electronics,aldermoor-audio,Bluefjord Air`,
    );
    expect(await page.getByLabel(/^Brand 5/).inputValue()).toBe('Bluefjord Air');
    expect(
      await page.getByText('At most 4 brands side by side: remove one to add Bluefjord Air.').count(),
    ).toBe(1);
    expect(await overflow()).toBeLessThanOrEqual(0);
  });

  it('links every rankings row to a comparison that starts with that brand', async () => {
    await page.goto(`${baseUrl}/rankings`);
    const link = page.getByRole('link', { name: /^compare .* with other brands$/ }).first();
    await link.click();
    await page.waitForURL(/\/compare\?brands=[a-z0-9-]+$/);
    expect(await page.getByLabel(/^Brand 1/).inputValue()).not.toBe('');
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
