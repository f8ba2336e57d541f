/**
 * Evidence in a real browser (issue #15): a customer attaches a screenshot
 * through the form's real file input, sees it in the thread with its alt text
 * (a thumbnail that links to the full image), and finds it in the API and in
 * their privacy export. An upload over the limit answers 413 with the page and
 * everything typed, and the server keeps answering.
 */
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotPng } from '../fixtures/images.ts';
import { accessibilityViolations, launchBrowser, logIn } from './browser.ts';
import { baseUrl, get, sessionFor, todayIso } from './hostile-http.ts';

const CUSTOMER = 'customer12@demo.example';
const ALT = 'The router’s screen showing error F3086 in red';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface ApiImage {
  alt: string;
  url: string | null;
  thumbnailUrl: string | null;
}

describe('a screenshot attached to a fail', () => {
  let postUrl = '';
  const title = `Error F3086 on the router ${Date.now()}`;

  it('is attached through the file input, shown in the thread with its alt text, and opens in full', async () => {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, baseUrl, CUSTOMER);
    await page.goto(`${baseUrl}/new?brand=northwind-telecom`);
    await page.getByLabel(/^Fail/).check();
    await page.getByLabel('Title').fill(title);
    await page
      .getByLabel('Your story')
      .fill('The router shows error F3086 every evening and support says it is common.');
    await page.getByLabel('What was it about?').selectOption('defect');
    await page.getByLabel('How did you contact them?').selectOption('chat');
    await page.getByLabel(/^Image 1/).setInputFiles({
      name: 'f3086.png',
      mimeType: 'image/png',
      buffer: await screenshotPng(1200, 700),
    });
    await page.locator('[data-evidence-preview] img').waitFor();
    expect(await page.locator('[data-evidence-remaining]').textContent()).toMatch(/MB of 10 MB left/);
    await page.getByLabel('What image 1 shows').fill(ALT);
    // Without the confirmation the form comes back, with what was typed and the question answered beside it.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Confirm that your images show nothing private about anyone else').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe(title);
    expect(await page.getByLabel('What image 1 shows').inputValue()).toBe(ALT);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel(/^Image 1/).setInputFiles({
      name: 'f3086.png',
      mimeType: 'image/png',
      buffer: await screenshotPng(1200, 700),
    });
    await page.getByLabel(/My images show nothing private/).check();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\/posts\/\d+\?done=posted$/);
    postUrl = page.url().replace(/\?.*$/, '');

    const thumbnail = page.getByRole('img', { name: ALT });
    await thumbnail.waitFor();
    expect(await thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(
      320,
    );
    expect(await page.locator('figcaption').filter({ hasText: ALT }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The thumbnail is a link: reachable by keyboard, it opens the full image.
    const link = page.getByRole('link', { name: ALT });
    await link.focus();
    await Promise.all([page.waitForURL(/\/images\/[0-9a-f]{64}\.webp$/), page.keyboard.press('Enter')]);
    const full = await get(new URL(page.url()).pathname);
    expect(full.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await full.arrayBuffer())).metadata()).width).toBe(1200);
    await page.context().close();
  });

  it('is in the API, with its addresses and alt text', async () => {
    const id = postUrl.split('/').pop();
    const response = await get(`/api/v1/posts/${id}`);
    const { data } = (await response.json()) as { data: { images: ApiImage[] } };
    expect(data.images).toMatchObject([
      { alt: ALT, url: expect.stringMatching(/\/images\/[0-9a-f]{64}\.webp$/) },
    ]);
    const thumb = await get(new URL(data.images[0]!.thumbnailUrl!).pathname);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('is in the author’s privacy export', async () => {
    const cookie = await sessionFor(CUSTOMER);
    const exported = (await (await get('/account/export.json', cookie)).json()) as {
      images: (ApiImage & { altText: string; postId: number })[];
    };
    expect(exported.images).toContainEqual(
      expect.objectContaining({
        altText: ALT,
        postId: Number(postUrl.split('/').pop()),
        url: expect.any(String),
      }),
    );
  });
});

describe('an upload over the limit', () => {
  it('answers 413 with the form, every typed field kept and the reason at the file input, and the server stays up', async () => {
    const cookie = await sessionFor(CUSTOMER);
    const form = new FormData();
    const typed = {
      kind: 'fail',
      brandSlug: 'northwind-telecom',
      title: 'Twelve megabytes of evidence',
      story: 'A story that must survive an upload that is far too large for the board.',
      category: 'billing',
      channel: 'email',
      experiencedOn: todayIso(),
      imageAlt1: 'A photo of the bill',
    };
    for (const [name, value] of Object.entries(typed)) form.set(name, value);
    form.set('image1', new File([new Uint8Array(12 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' }));
    form.set('imagesConfirm', 'true');
    const response = await fetch(`${baseUrl}/new?_action=createPost`, {
      method: 'POST',
      headers: { Origin: baseUrl, Cookie: cookie },
      body: form,
      redirect: 'manual',
    });
    const html = await response.text();
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('value="Twelve megabytes of evidence"');
    expect(html).toContain('A story that must survive an upload that is far too large for the board.');
    expect(html).toContain('value="A photo of the bill"');
    expect(html).toMatch(/id="new-post-image1-error"[^>]*>[\s\S]*?Your images were not saved/);
    expect((await get('/about')).status).toBe(200);
  });
});
