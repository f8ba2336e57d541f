/**
 * The XSS corpus (test/e2e/hostile-corpus.ts) through what customers and
 * brands write on posts — title, story, follow-up, brand reply, new brand
 * name — into every place that shows it: the post page, the home feed, the
 * brand page, search, both Atom feeds, the API, the CSV export and the mails;
 * then the pages in Chromium, where no payload may open a dialog.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import {
  checkCsv,
  checkFeed,
  checkHtml,
  checkJson,
  checkMail,
  groupsOf,
  joined,
  mailText,
  PAYLOADS,
  payloadsWithin,
  tally,
  type Payload,
} from './hostile-corpus.ts';
import {
  baseUrl,
  get,
  postForm,
  publishPost,
  seededTeamEmail,
  sessionFor,
  waitForMail,
} from './hostile-http.ts';

const TOKEN = `zx${Date.now().toString(36)}`;
const AUTHOR = 'customer3@demo.example';
const TEAM_BRAND = 'heathglow-energy';

const titleGroups = groupsOf(119 - TOKEN.length);
// Brand names are made of payloads, the formula first, so a CSV cell starts with `=`.
const nameGroups = groupsOf(
  80,
  [...PAYLOADS].sort((a, b) => Number(b.text.startsWith('=')) - Number(a.text.startsWith('='))),
);
const everything = joined(PAYLOADS, '\n\n');
const story = `${TOKEN} ${everything}`;
// Cards and feeds show the first 280 characters of a story.
const excerpt = payloadsWithin(story, 279);

interface Created {
  postId: number;
  slug: string;
  title: Payload[];
  name: Payload[] | null;
}
const created: Created[] = [];
let teamPostId: number;
let author: string;

const text = async (path: string, cookie?: string) => {
  const response = await get(path, cookie);
  expect(response.status, path).toBe(200);
  return response.text();
};

beforeAll(async () => {
  author = await sessionFor(AUTHOR);
  const owner = await sessionFor(seededTeamEmail(TEAM_BRAND, 'owner'));
  const posts = Math.max(titleGroups.length, nameGroups.length);
  for (let index = 0; index < posts; index++) {
    const title = titleGroups[index % titleGroups.length]!;
    const name = nameGroups[index] ?? null;
    const postId = await publishPost(author, {
      title: `${TOKEN} ${joined(title)}`,
      story,
      ...(name
        ? {
            newBrandName: joined(name),
            newBrandWebsite: `https://${TOKEN}-${index}.example`,
            newBrandSector: 'electronics',
          }
        : { brandSlug: 'glintwell-electronics' }),
    });
    const api = (await (await get(`/api/v1/posts/${postId}`)).json()) as {
      data: { brand: { slug: string } };
    };
    created.push({ postId, slug: api.data.brand.slug, title, name });
  }
  const followUp = await postForm(
    `/posts/${created[0]!.postId}`,
    'addFollowUp',
    { postId: String(created[0]!.postId), body: everything },
    { cookie: author },
  );
  expect(followUp.status).toBeLessThan(400);

  teamPostId = await publishPost(author, {
    brandSlug: TEAM_BRAND,
    title: `${TOKEN} ${joined(titleGroups[0]!)}`,
    story,
  });
  const reply = await postForm(
    `/posts/${teamPostId}`,
    'replyAsBrand',
    { postId: String(teamPostId), body: everything },
    { cookie: owner },
  );
  expect(reply.status).toBeLessThan(400);
});

describe('the XSS corpus on posts', () => {
  it('shows titles, stories, follow-ups and brand names escaped on the post pages', async () => {
    for (const post of created) {
      const html = await text(`/posts/${post.postId}`);
      checkHtml(html, 'post title', 'post page', post.title);
      checkHtml(html, 'story', 'post page', PAYLOADS);
      if (post.name) checkHtml(html, 'new brand name', 'post page', post.name);
    }
    checkHtml(await text(`/posts/${created[0]!.postId}`), 'follow-up', 'post page', PAYLOADS);
    checkHtml(await text(`/posts/${teamPostId}`), 'brand reply', 'post page', PAYLOADS);
  });

  it('shows them escaped in the home feed, on the brand pages and in search results', async () => {
    const home = await text('/');
    const search = await text(`/search?q=${TOKEN}`);
    checkHtml(home, 'story', 'home feed', excerpt);
    checkHtml(search, 'story', 'search results', excerpt);
    for (const post of created) {
      checkHtml(home, 'post title', 'home feed', post.title);
      checkHtml(search, 'post title', 'search results', post.title);
      const brandPage = await text(`/brands/${post.slug}`);
      checkHtml(brandPage, 'post title', 'brand page', post.title);
      checkHtml(brandPage, 'story', 'brand page', excerpt);
      if (post.name) {
        checkHtml(brandPage, 'new brand name', 'brand page', post.name);
        checkHtml(home, 'new brand name', 'home feed', post.name);
        checkHtml(search, 'new brand name', 'search results', post.name);
      }
    }
  });

  it('keeps both Atom feeds well-formed, with the text escaped as text', async () => {
    const siteFeed = await text('/feed.xml');
    for (const post of created) {
      checkFeed(siteFeed, 'post title', '/feed.xml', post.title);
      checkFeed(siteFeed, 'story', '/feed.xml', excerpt);
      const brandFeed = await text(`/brands/${post.slug}/feed.xml`);
      checkFeed(brandFeed, 'post title', 'brand feed', post.title);
      checkFeed(brandFeed, 'story', 'brand feed', excerpt);
      if (post.name) {
        checkFeed(siteFeed, 'new brand name', '/feed.xml', post.name);
        checkFeed(brandFeed, 'new brand name', 'brand feed', post.name);
      }
    }
  });

  it('round-trips every payload as text in the API', async () => {
    for (const post of created) {
      const json = await text(`/api/v1/posts/${post.postId}`);
      checkJson(json, 'post title', 'API post', post.title);
      checkJson(json, 'story', 'API post', PAYLOADS);
      if (post.name) {
        checkJson(json, 'new brand name', 'API post', post.name);
        checkJson(await text(`/api/v1/brands/${post.slug}`), 'new brand name', 'API brand', post.name);
      }
    }
    checkJson(await text(`/api/v1/posts/${created[0]!.postId}`), 'follow-up', 'API post', PAYLOADS);
    checkJson(await text(`/api/v1/posts/${teamPostId}`), 'brand reply', 'API post', PAYLOADS);
  });

  it('writes brand names to brands.csv with formulas defused', async () => {
    const csv = await text('/api/v1/export/brands.csv');
    const names = created.flatMap((post) =>
      post.name ? [post.name.map((item) => item.visible).join(' ')] : [],
    );
    expect(names[0]).toMatch(/^=/);
    checkCsv(csv, 'new brand name', 'brands.csv', names);
  });

  it('puts titles into the mails as plain text, one header per line', async () => {
    const title = titleGroups[0]!;
    const mentions = (eml: string) => mailText(eml).includes(TOKEN);
    const team = await waitForMail(seededTeamEmail(TEAM_BRAND, 'owner'), mentions);
    checkMail(team, 'post title', 'mail to the brand team', title);
    const replied = await waitForMail(AUTHOR, (eml) => mentions(eml) && /replied/.test(mailText(eml)));
    checkMail(replied, 'post title', 'mail to the author', title);
  });
});

describe('the XSS corpus in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('opens no dialog on any page that shows the payloads', async () => {
    const page = await (await browser.newContext()).newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const paths = [
      '/',
      `/search?q=${TOKEN}`,
      `/posts/${teamPostId}`,
      ...created.flatMap((post) => [`/posts/${post.postId}`, `/brands/${post.slug}`]),
    ];
    for (const path of paths) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState('load');
    }
    expect(dialogs, paths.join(' ')).toBe(0);
    expect(await page.locator('iframe').count()).toBe(0);
  });

  it('counts payloads × fields × places', () => {
    expect(
      tally.checks,
      `${PAYLOADS.length} payloads × ${tally.fields.size} fields × ${tally.places.size} places: ${tally.checks} checks`,
    ).toBeGreaterThan(PAYLOADS.length * 10);
    console.log(
      `XSS corpus on posts: ${PAYLOADS.length} payloads, fields ${[...tally.fields].join(', ')}; places ${[...tally.places].join(', ')}; ${tally.checks} payload checks.`,
    );
  });
});
