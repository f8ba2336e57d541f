/**
 * Helpful marks and exceptional stories in Chromium: a customer marks a post
 * helpful and takes the mark back with JavaScript off; /stories is accessible
 * and says why each story is featured; a broken promise is shown in red, as a
 * badge and as its own event in the thread.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, logIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface ApiPost {
  id: number;
  status: string | null;
  helpfulCount: number;
}
async function brandPosts(slug: string, kind: 'like' | 'fail'): Promise<ApiPost[]> {
  const response = await fetch(`${baseUrl}/api/v1/brands/${slug}/posts?kind=${kind}&limit=50`);
  return ((await response.json()) as { data: ApiPost[] }).data;
}

const helpfulFact = (page: Page) => page.locator('dt:text-is("Helpful") + dd').textContent();

describe('marking a post helpful', () => {
  it('works with JavaScript off: the mark counts once, and can be taken back', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'customer@demo.example');
    // A like about another brand than the customer's posts: the first whose page offers the form.
    let postUrl: string | null = null;
    for (const post of await brandPosts('glintwell-electronics', 'like')) {
      await page.goto(`${baseUrl}/posts/${post.id}`);
      if ((await page.getByRole('heading', { name: 'Was this helpful?' }).count()) === 1) {
        postUrl = `${baseUrl}/posts/${post.id}`;
        break;
      }
    }
    expect(postUrl).not.toBeNull();
    const before = (await helpfulFact(page))!;
    const count = Number(/^(\d+)/.exec(before.trim())?.[1] ?? 0);
    await page.getByRole('button', { name: /^Helpful/ }).click();
    await page.waitForURL(/\?done=helpful/);
    expect(await page.getByRole('status').first().textContent()).toContain('Marked helpful');
    expect(await helpfulFact(page)).toMatch(new RegExp(`^\\s*${count + 1} readers? found it helpful`));
    // (axe needs JavaScript in the page: the post page's accessibility is checked by every-route.)
    await page.getByRole('button', { name: 'Take my mark back' }).click();
    await page.waitForURL(/\?done=not-helpful/);
    const after = (await helpfulFact(page))!.trim();
    expect(count === 0 ? after.startsWith('Nobody') : after.startsWith(`${count} `)).toBe(true);
    await context.close();
  });
});

describe('exceptional stories', () => {
  it('are listed on /stories with why each is featured, and in their Atom feed', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/stories`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Exceptional stories');
    expect(await page.locator('.post-card').count()).toBeGreaterThan(0);
    expect(await page.locator('.post-card__reason').count()).toBe(await page.locator('.post-card').count());
    expect(await accessibilityViolations(page)).toEqual([]);
    const feed = await fetch(`${baseUrl}/stories/feed.xml`);
    expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(await feed.text()).toContain('<entry>');
  });
});

describe('a broken promise', () => {
  it('is a red "Promise broken" badge and a red event of its own in the thread', async () => {
    const brands = (await (await fetch(`${baseUrl}/api/v1/brands?limit=100`)).json()) as {
      data: { slug: string }[];
    };
    let brokenId: number | null = null;
    for (const { slug } of brands.data) {
      brokenId ??=
        (await brandPosts(slug, 'fail')).find((post) => post.status === 'promise_broken')?.id ?? null;
    }
    expect(brokenId).not.toBeNull();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/posts/${brokenId}`);
    const badge = page.locator('.meta .badge--promise-broken');
    expect((await badge.textContent())!.trim()).toMatch(/Promise broken$/);
    const red = 'rgb(180, 35, 24)';
    expect(await badge.evaluate((element) => getComputedStyle(element).color)).toBe(red);
    const event = page.locator('.event--promise-broken').last();
    expect(await event.textContent()).toContain('Promise broken:');
    expect(await event.evaluate((element) => getComputedStyle(element).borderTopColor)).toBe(red);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
