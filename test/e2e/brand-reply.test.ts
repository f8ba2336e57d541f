import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, logIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
const pageFor = async (email: string): Promise<Page> => {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, baseUrl, email);
  return page;
};

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a brand answers in the open', () => {
  it('replies with a promise, proposes a resolution, and the customer confirms it; the thread tells it in order', async () => {
    const customer = await pageFor('customer@demo.example');
    await customer.goto(`${baseUrl}/new?brand=northwind-telecom&kind=fail`);
    const title = `Modem fee after the storm, case ${Math.random().toString(36).slice(2, 7)}`;
    await customer.getByLabel('Title').fill(title);
    await customer
      .getByLabel('Your story')
      .fill('The storm destroyed our house and Northwind still bills the modem fee.');
    await customer.getByLabel('What was it about?').selectOption('billing');
    await customer.getByLabel('How did you contact them?').selectOption('phone');
    await customer.getByRole('button', { name: 'Publish' }).click();
    await customer.waitForURL(/\/posts\/\d+\?done=posted$/);
    const postUrl = customer.url().replace(/\?.*$/, '');

    const owner = await pageFor('brand@demo.example');
    await owner.goto(postUrl);
    expect(await accessibilityViolations(owner)).toEqual([]);
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await owner
      .getByLabel('Your public reply')
      .fill('Alex here. I am sorry: we are waiving the fee. I will confirm once billing has done it.');
    await owner.getByLabel('Promise a date').fill(due);
    await owner.getByRole('button', { name: 'Publish reply' }).click();
    await owner.waitForURL(/done=reply/);
    await owner
      .getByLabel('Your public reply')
      .fill('Billing removed the modem fee and refunded the last invoice. Can you confirm?');
    await owner.getByLabel(/proposes a resolution/).check();
    await owner.getByRole('button', { name: 'Publish reply' }).click();
    await owner.waitForURL(/done=reply/);

    await customer.goto(postUrl);
    await customer.getByLabel('Yes, it was resolved').check();
    await customer
      .getByRole('group', { name: /buy from Northwind Telecom again/ })
      .getByLabel('Yes')
      .check();
    await customer.getByRole('button', { name: 'Publish my verdict' }).click();
    await customer.waitForURL(/done=verdict/);
    expect(await customer.locator('article .badge--status').first().innerText()).toContain('Resolved');

    const steps = (await customer.locator('.thread > li').allInnerTexts()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
    const expected = [
      /^Alex for Northwind Telecom .*we are waiving the fee/,
      /^Alex from Northwind Telecom took this case/,
      /^Alex from Northwind Telecom promised a fix by/,
      /^Alex for Northwind Telecom .*Billing removed the modem fee/,
      /^Alex from Northwind Telecom proposed a resolution/,
      /^Promise kept/,
      /^Camille R\. says resolved, would buy again/,
    ];
    expect(steps).toHaveLength(expected.length);
    steps.forEach((step, index) => expect(step).toMatch(expected[index]!));
    expect(await accessibilityViolations(customer)).toEqual([]);
  });

  it('shows the brand’s inbox to its team and refuses it to others', async () => {
    const owner = await pageFor('brand@demo.example');
    const response = await owner.goto(`${baseUrl}/brand/northwind-telecom/inbox`);
    expect(response?.status()).toBe(200);
    expect(await owner.getByRole('table').count()).toBe(1);
    expect(await accessibilityViolations(owner)).toEqual([]);
    await owner.goto(`${baseUrl}/account`);
    expect(await owner.getByRole('heading', { name: 'Your brands' }).count()).toBe(1);
    expect(await owner.getByRole('link', { name: 'settings' }).getAttribute('href')).toBe(
      '/brand/northwind-telecom/settings',
    );
    const customer = await pageFor('customer2@demo.example');
    expect((await customer.goto(`${baseUrl}/brand/northwind-telecom/inbox`))?.status()).toBe(403);
  });
});
