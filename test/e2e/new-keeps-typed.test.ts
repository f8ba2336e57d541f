/**
 * /new keeps everything typed whatever the person does on the page, with and
 * without JavaScript: finding and picking a brand after typing, going back to
 * describing a new brand, a refused inline log-in, then publishing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const TYPED_POST = {
  title: '',
  story: 'The 07:42 was cancelled again.\n\nNobody at the station could say when the next one would leave.',
  category: 'responsiveness',
  channel: 'store',
  experiencedOn: '2026-05-04',
  country: 'FR',
  waitMinutes: '35',
};
const TYPED_BRAND = { name: 'Ferro Lines', website: 'ferro-lines.example', sector: 'transport' };

async function typeEverything(page: Page, title: string): Promise<void> {
  await page.getByLabel(/^Fail/).check();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Your story').fill(TYPED_POST.story);
  await page.getByLabel('What was it about?').selectOption(TYPED_POST.category);
  await page.getByLabel('How did you contact them?').selectOption(TYPED_POST.channel);
  await page.getByLabel('When did it happen?').fill(TYPED_POST.experiencedOn);
  await page.getByLabel(/^Country/).fill(TYPED_POST.country);
  await page.getByLabel(/^Time you waited/).fill(TYPED_POST.waitMinutes);
  await page.getByLabel('Brand name').fill(TYPED_BRAND.name);
  await page.getByLabel('Website').fill(TYPED_BRAND.website);
  await page.getByLabel('Sector').selectOption(TYPED_BRAND.sector);
}

/** Every field of the post as the page shows it now. */
async function postValues(page: Page) {
  return {
    fail: await page.getByLabel(/^Fail/).isChecked(),
    title: await page.getByLabel('Title').inputValue(),
    story: await page.getByLabel('Your story').inputValue(),
    category: await page.getByLabel('What was it about?').inputValue(),
    channel: await page.getByLabel('How did you contact them?').inputValue(),
    experiencedOn: await page.getByLabel('When did it happen?').inputValue(),
    country: await page.getByLabel(/^Country/).inputValue(),
    waitMinutes: await page.getByLabel(/^Time you waited/).inputValue(),
  };
}

const brandValues = async (page: Page) => ({
  name: await page.getByLabel('Brand name').inputValue(),
  website: await page.getByLabel('Website').inputValue(),
  sector: await page.getByLabel('Sector').inputValue(),
});

/** Finds Ferrovale Rail by name and picks it: the server's list, or the suggestions JavaScript shows. */
async function pickFerrovale(page: Page, javaScript: boolean): Promise<void> {
  const search = page.getByLabel(/Find (the|another) brand by name/);
  if (javaScript) {
    await search.fill('');
    await search.pressSequentially('ferro', { delay: 20 });
    await page
      .getByRole('list', { name: 'Suggested brands' })
      .getByRole('button', { name: /Ferrovale Rail/ })
      .click();
  } else {
    await search.fill('ferro');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('list', { name: 'Brands found' }).waitFor();
    await page
      .getByRole('list', { name: 'Brands found' })
      .getByRole('button', { name: /Ferrovale Rail/ })
      .click();
  }
  await page.getByText('About Ferrovale Rail').waitFor();
}

describe.each([
  { javaScript: false, label: 'without JavaScript' },
  { javaScript: true, label: 'with JavaScript' },
])('/new $label', ({ javaScript }) => {
  it('keeps every typed value through finding, picking and unpicking a brand, a refused log-in, then publishes', async () => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    const title = `The 07:42 cancelled again (${javaScript ? 'js' : 'no js'} ${Date.now()})`;
    const expected = { fail: true, ...TYPED_POST, title };
    await page.goto(`${baseUrl}/new`);
    await typeEverything(page, title);

    if (!javaScript) {
      // Finding without picking yet: the page comes back with the matches and everything typed.
      await page.getByLabel('Find the brand by name').fill('ferro');
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await page.getByRole('list', { name: 'Brands found' }).waitFor();
      expect(await postValues(page)).toEqual(expected);
      expect(await brandValues(page)).toEqual(TYPED_BRAND);
    }

    await pickFerrovale(page, javaScript);
    expect(await postValues(page)).toEqual(expected);

    await page.getByRole('button', { name: /Describe the brand instead/ }).click();
    await page.getByLabel('Brand name').waitFor();
    expect(await postValues(page)).toEqual(expected);
    expect(await brandValues(page)).toEqual(TYPED_BRAND);

    await pickFerrovale(page, javaScript);
    await page.getByLabel('E-mail address', { exact: true }).fill('customer@demo.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('The e-mail address or the password is wrong.').waitFor();
    expect(await postValues(page)).toEqual(expected);
    expect(await page.getByText('About Ferrovale Rail').count()).toBe(1);
    expect(await page.getByLabel('E-mail address', { exact: true }).inputValue()).toBe(
      'customer@demo.example',
    );

    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\/posts\/\d+\?done=posted$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await context.close();
  });
});
