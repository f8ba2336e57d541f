/**
 * Issue #11's end-to-end story in Chromium: a customer flags a post and it
 * stays visible; the moderator removes it with a reason; the public notice,
 * /transparency and the audit log show it; a restore brings it back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, logIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
const pageFor = async (email: string | null): Promise<Page> => {
  const page = await (await browser.newContext()).newPage();
  if (email) await logIn(page, baseUrl, email);
  return page;
};

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** True when the page fits a 360 px wide screen without scrolling sideways. */
async function fitsNarrowScreen(page: Page): Promise<boolean> {
  await page.setViewportSize({ width: 360, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 800 });
  return width <= 360;
}

/** This month's counts on /transparency: flags for "Fake experience" by customers, and removals. */
async function transparencyCounts(page: Page) {
  const month = new Date().toISOString().slice(0, 7);
  await page.goto(`${baseUrl}/transparency`);
  const cell = async (table: string, rowText: string[], column: number) => {
    let rows = page.locator(`${table} tbody tr`);
    for (const text of rowText) rows = rows.filter({ hasText: text });
    if ((await rows.count()) === 0) return 0;
    return Number((await rows.first().locator('td').nth(column).innerText()).trim());
  };
  return {
    fakeFlagsByCustomers: await cell('#flags-table', [month, 'Fake experience'], 2),
    removed: await cell('#decisions-table', [month], 2),
    restored: await cell('#decisions-table', [month], 3),
  };
}

describe('flags and moderation', () => {
  it('a flagged post stays up; a moderator removes it with a public reason, it is counted and logged, then restored', async () => {
    // A post by someone other than the customer: the brand owner writes about another brand.
    const writer = await pageFor('brand@demo.example');
    await writer.goto(`${baseUrl}/new?brand=ferrovale-rail&kind=fail`);
    const title = `Seat sold twice on the morning flight, case ${Math.random().toString(36).slice(2, 7)}`;
    const story =
      'At the gate two of us had the same seat number and the crew said to sort it out ourselves.';
    await writer.getByLabel('Title').fill(title);
    await writer.getByLabel('Your story').fill(story);
    await writer.getByLabel('What was it about?').selectOption('attitude');
    await writer.getByLabel('How did you contact them?').selectOption('store');
    await writer.getByRole('button', { name: 'Publish' }).click();
    await writer.waitForURL(/\/posts\/\d+\?done=posted$/);
    const postUrl = writer.url().replace(/\?.*$/, '');

    const reader = await pageFor(null);
    const before = await transparencyCounts(reader);

    // The customer flags it; it stays visible.
    const customer = await pageFor('customer@demo.example');
    await customer.goto(postUrl);
    await customer.getByText('Flag this post').click();
    await customer.getByLabel('What is wrong with it?').selectOption('fake');
    await customer.getByLabel('Note for the moderators').fill('The same story is on two other airlines.');
    expect(await accessibilityViolations(customer)).toEqual([]);
    expect(await fitsNarrowScreen(customer)).toBe(true);
    await customer.getByRole('button', { name: 'Send the flag' }).click();
    await customer.waitForURL(/done=flagged/);
    expect(await customer.getByRole('status').first().innerText()).toContain('A moderator will look at it');
    expect(await customer.locator('.story').innerText()).toContain(story);
    expect(await customer.locator('.flag-done').first().innerText()).toContain(
      'You flagged this post (Fake experience): under review',
    );
    await reader.goto(postUrl);
    expect(await reader.locator('.story').innerText()).toContain(story);

    // The moderator finds it in the queue and removes it with a reason.
    const moderator = await pageFor('moderator@demo.example');
    await moderator.goto(`${baseUrl}/moderation`);
    expect(await accessibilityViolations(moderator)).toEqual([]);
    expect(await fitsNarrowScreen(moderator)).toBe(true);
    const item = moderator.locator('li[id^="queue-"]').filter({ hasText: title });
    expect(await item.innerText()).toContain('The same story is on two other airlines.');
    await item.getByText(/^Remove.*with a public reason$/).click();
    await item.getByLabel('Reason').selectOption('fake');
    await item
      .getByLabel(/Public explanation/)
      .fill('The same text was posted about three airlines by one account.');
    await item.getByRole('button', { name: 'Remove with this reason' }).click();
    await moderator.waitForURL(/done=decision/);
    expect(await moderator.locator('li[id^="queue-"]').filter({ hasText: title }).count()).toBe(0);

    // Readers see the notice in its place, with the reason and the guidelines link.
    await reader.goto(postUrl);
    const notice = await reader.locator('.removal-notice').innerText();
    expect(notice).toMatch(
      /Removed by a moderator on .+: Fake experience: The same text was posted about three airlines by one account\. — see the guidelines/,
    );
    expect(await reader.locator('.removal-notice a').getAttribute('href')).toBe('/guidelines#fake');
    expect(await reader.locator('body').innerText()).not.toContain(story);
    expect(await accessibilityViolations(reader)).toEqual([]);
    await reader.locator('.removal-notice a').click();
    await reader.waitForURL(/\/guidelines#fake$/);

    // /transparency counts the flag and the removal.
    const afterRemoval = await transparencyCounts(reader);
    expect(afterRemoval.fakeFlagsByCustomers).toBe(before.fakeFlagsByCustomers + 1);
    expect(afterRemoval.removed).toBe(before.removed + 1);
    expect(await accessibilityViolations(reader)).toEqual([]);
    expect(await fitsNarrowScreen(reader)).toBe(true);

    // The audit log has it, newest first.
    await moderator.goto(`${baseUrl}/moderation`);
    const postPath = new URL(postUrl).pathname;
    const firstEntry = moderator.locator('#audit-title ~ .table-wrap tbody tr').first();
    expect(await firstEntry.innerText()).toContain('Post removed');
    expect(await firstEntry.innerText()).toContain('The same text was posted about three airlines');
    expect(await firstEntry.locator('a').getAttribute('href')).toBe(postPath);

    // A restore brings it back.
    const removed = moderator.locator('li[id^="removed-"]').filter({ hasText: title });
    await removed.locator('summary').click();
    await removed.getByLabel(/Why it comes back/).fill('Appeal: the author showed the boarding passes.');
    await removed.getByRole('button', { name: 'Restore it' }).click();
    await moderator.waitForURL(/done=decision/);
    await reader.goto(postUrl);
    expect(await reader.locator('.story').innerText()).toContain(story);
    expect(await reader.locator('.removal-notice').count()).toBe(0);
    expect((await transparencyCounts(reader)).restored).toBe(before.restored + 1);
  });
});
