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

describe('a customer’s fail, from posting to "me too" and an edit', () => {
  let postUrl = '';
  const title = `Refund promised in March, still waiting ${Date.now()}`;

  it('posts a fail about a demo brand, keeping everything typed when a field is wrong', async () => {
    const author = await pageFor('customer@demo.example');
    await author.goto(`${baseUrl}/new?q=larkspire`);
    expect(await accessibilityViolations(author)).toEqual([]);
    await author.getByRole('button', { name: /Larkspire Bank/ }).click();
    await author.getByText('About Larkspire Bank').waitFor();
    await author.getByLabel(/^Fail/).check();
    await author.getByLabel('Title').fill(title);
    await author.getByLabel('Your story').fill('Too short');
    await author.getByLabel('What was it about?').selectOption('billing');
    await author.getByLabel('How did you contact them?').selectOption('email');
    await author.getByLabel('Time you waited, in minutes').fill('20');
    await author.getByRole('button', { name: 'Publish' }).click();
    await author.getByText('Tell what happened in at least 20 characters.').waitFor();
    expect(await author.getByLabel('Title').inputValue()).toBe(title);
    expect(await author.getByLabel('How did you contact them?').inputValue()).toBe('email');
    expect(await author.getByLabel('Time you waited, in minutes').inputValue()).toBe('20');
    expect(await accessibilityViolations(author)).toEqual([]);

    await author
      .getByLabel('Your story')
      .fill(
        'I closed my savings account in March. The bank confirmed a refund of the fees within ten days.\n\nIt is June.',
      );
    await author.getByRole('button', { name: 'Publish' }).click();
    await author.waitForURL(/\/posts\/\d+\?done=posted$/);
    postUrl = author.url().replace(/\?.*$/, '');
    expect(await author.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await author.getByText('Waiting for the brand').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(author)).toEqual([]);

    await author.getByLabel('What happened since?').fill('Called again today: “the refund is in progress”.');
    await author.getByRole('button', { name: 'Add follow-up' }).click();
    await author.waitForURL(/done=follow-up/);
    expect(await author.locator('.thread').getByText('the refund is in progress').count()).toBe(1);

    await author.goto(`${baseUrl}/`);
    expect(await author.getByRole('link', { name: title }).count()).toBe(1);
    await author.context().close();
  });

  it('lets a second customer say "me too", once', async () => {
    const other = await pageFor('customer1@demo.example');
    await other.goto(postUrl);
    await other.getByRole('button', { name: /Me too/ }).click();
    await other.waitForURL(/done=me-too/);
    expect(await other.getByText('1 person says this happened to them too').count()).toBe(1);
    expect(await other.getByRole('button', { name: /Me too/ }).count()).toBe(0);
    await other.context().close();
  });

  it('lets the author edit, with the earlier version behind "edited"', async () => {
    const author = await pageFor('customer@demo.example');
    await author.goto(postUrl);
    await author.getByRole('link', { name: 'Edit your post' }).click();
    await author.getByLabel('Title').fill(`${title} (update)`);
    await author.getByRole('button', { name: 'Save changes' }).click();
    await author.waitForURL(postUrl);
    expect(await author.getByRole('heading', { level: 1 }).textContent()).toBe(`${title} (update)`);
    await author.getByRole('link', { name: /edited \(1 earlier version\)/ }).click();
    expect(await author.getByRole('heading', { name: `Version 1: ${title}` }).count()).toBe(1);
    await author.context().close();
  });
});

describe('the brand picker', () => {
  it('suggests brands while typing when JavaScript runs, with no console errors (CSP allows the script)', async () => {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${baseUrl}/new?kind=fail`);
    await page.getByLabel('Find the brand by name').pressSequentially('ferro', { delay: 30 });
    const suggestion = page
      .getByRole('list', { name: 'Suggested brands' })
      .getByRole('button', { name: /Ferrovale Rail/ });
    await suggestion.waitFor();
    await suggestion.click();
    await page.getByText('About Ferrovale Rail').waitFor();
    expect(await page.getByLabel(/^Fail/).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a brand member', () => {
  it('is refused when posting about their own brand, and keeps the text', async () => {
    const member = await pageFor('brand@demo.example');
    await member.goto(`${baseUrl}/new?brand=northwind-telecom&kind=like`);
    expect(
      await member.getByText('Members of a brand’s team cannot post about their own brand.').count(),
    ).toBe(1);
    await member.getByLabel('Title').fill('Our team is wonderful');
    await member
      .getByLabel('Your story')
      .fill('Honestly the best support team in the whole country, trust me.');
    await member.getByLabel('What was it about?').selectOption('attitude');
    await member.getByLabel('How did you contact them?').selectOption('phone');
    const [response] = await Promise.all([
      member.waitForResponse((r) => r.request().method() === 'POST'),
      member.getByRole('button', { name: 'Publish' }).click(),
    ]);
    expect(response.status()).toBe(403);
    expect(await member.getByLabel('Title').inputValue()).toBe('Our team is wonderful');
    await member.context().close();
  });
});
