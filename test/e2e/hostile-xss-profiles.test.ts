/**
 * The XSS corpus (test/e2e/hostile-corpus.ts) through the fields around the
 * posts: a display name, a flag's note, a moderator's public explanation, a
 * brand's profile and contact channels, a webhook address — into the pages,
 * the API, the personal data export and the mails that show them. What a
 * field refuses at the boundary is checked on the refusal page, where the
 * form gives the typed text back.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import {
  checkHtml,
  checkJson,
  checkMail,
  groupsOf,
  joined,
  mailText,
  PAYLOADS,
  tally,
} from './hostile-corpus.ts';
import {
  baseUrl,
  get,
  postForm,
  publishPost,
  seededTeamEmail,
  sessionFor,
  waitForMail,
  type Fields,
} from './hostile-http.ts';

const TOKEN = `zy${Date.now().toString(36)}`;
const AUTHOR = 'customer3@demo.example';
const BRAND = 'heathglow-energy';
const everything = joined(PAYLOADS, ' ');

// Display names allow no control, format or angle-bracket characters: the rest is refused with 400.
const acceptedByDisplayName = PAYLOADS.filter((item) => /^[^\p{C}<>]+$/u.test(item.text));
const refusedByDisplayName = PAYLOADS.filter((item) => !acceptedByDisplayName.includes(item));

let cookies: { author: string; flagger: string; moderator: string; owner: string };
let postId: number;

const html = async (path: string, cookie?: string) => {
  const response = await get(path, cookie);
  expect(response.status, path).toBe(200);
  return response.text();
};

beforeAll(async () => {
  cookies = {
    author: await sessionFor(AUTHOR),
    flagger: await sessionFor('customer2@demo.example'),
    moderator: await sessionFor('moderator@demo.example'),
    owner: await sessionFor(seededTeamEmail(BRAND, 'owner')),
  };
  postId = await publishPost(cookies.author, {
    brandSlug: 'glintwell-electronics',
    title: `${TOKEN} the screen went dark after a week`,
    story: 'The screen stopped showing anything after a week, and the shop sent me to the maker.',
  });
});

describe('the XSS corpus in a display name', () => {
  it('shows each accepted display name escaped on the post page, in the API and in the data export', async () => {
    for (const group of groupsOf(50, acceptedByDisplayName)) {
      const saved = await postForm(
        '/account',
        'updateProfile',
        { displayName: joined(group) },
        { cookie: cookies.author },
      );
      expect(saved.status, joined(group)).toBeLessThan(400);
      checkHtml(await html(`/posts/${postId}`), 'display name', 'post page', group);
      checkJson(await html(`/api/v1/posts/${postId}`), 'display name', 'API post', group);
      checkJson(await html('/account/export.json', cookies.author), 'display name', 'data export', group);
    }
  });

  it('refuses the others with 400 and gives them back escaped in the form', async () => {
    for (const item of refusedByDisplayName) {
      const refused = await postForm(
        '/account',
        'updateProfile',
        { displayName: item.text },
        { cookie: cookies.author },
      );
      expect(refused.status, item.name).toBe(400);
      // The form gives back exactly what was typed (format characters too), inside the input's value.
      checkHtml(await refused.text(), 'display name', 'refused form', [{ ...item, visible: item.text }]);
    }
  });
});

describe('the XSS corpus in moderation', () => {
  it('shows a flag’s note escaped to moderators and in the flagger’s data export', async () => {
    const flagged = await postForm(
      `/posts/${postId}`,
      'flagContent',
      { postId: String(postId), messageId: '', reason: 'fake', note: everything },
      { cookie: cookies.flagger },
    );
    expect(flagged.status).toBeLessThan(400);
    checkHtml(await html('/moderation', cookies.moderator), 'flag note', 'moderation queue', PAYLOADS);
    checkJson(await html('/account/export.json', cookies.flagger), 'flag note', 'data export', PAYLOADS);
  });

  it('shows a moderator’s explanation escaped on the removal notice and in the mail to the author', async () => {
    const removed = await postForm(
      '/moderation',
      'decideOnItem',
      { postId: String(postId), messageId: '', decision: 'remove', reason: 'fake', explanation: everything },
      { cookie: cookies.moderator },
    );
    expect(removed.status).toBeLessThan(400);
    checkHtml(await html(`/posts/${postId}`), 'moderator explanation', 'removal notice', PAYLOADS);
    const mail = await waitForMail(
      AUTHOR,
      (eml) => mailText(eml).includes(TOKEN) && /removed/.test(mailText(eml)),
    );
    checkMail(mail, 'moderator explanation', 'mail to the author', PAYLOADS);
  });
});

describe('the XSS corpus in a brand’s profile and settings', () => {
  let original: Fields;
  const settings = `/brand/${BRAND}/settings`;
  const chatUrl = 'https://chat.example/"><svg/onload=alert(1)>';

  beforeAll(async () => {
    const api = (await (await get(`/api/v1/brands/${BRAND}`)).json()) as {
      data: { sector: string; website: string; description: string; contact: Record<string, unknown> };
    };
    const { contact } = api.data;
    original = {
      brandSlug: BRAND,
      sector: api.data.sector,
      website: api.data.website,
      description: api.data.description,
      phone: String(contact['phone'] ?? ''),
      email: String(contact['email'] ?? ''),
      chatUrl: String(contact['chatUrl'] ?? ''),
      openingHours: String(contact['openingHours'] ?? ''),
      ...(contact['social'] as Record<string, string>),
    };
  });
  afterAll(async () => {
    await postForm(settings, 'editBrandProfile', original, { cookie: cookies.owner });
  });

  it('shows the description, opening hours, social handles and chat link escaped on the brand page and in the API', async () => {
    const [hours, x, mastodon] = [groupsOf(200)[0]!, groupsOf(100)[0]!, groupsOf(100)[1]!];
    const saved = await postForm(
      settings,
      'editBrandProfile',
      {
        ...original,
        description: everything,
        openingHours: joined(hours),
        x: joined(x),
        mastodon: joined(mastodon),
        chatUrl,
      },
      { cookie: cookies.owner },
    );
    expect(saved.status, (await saved.text()).replace(/<[^>]+>/g, ' ').slice(0, 3000)).toBeLessThan(400);
    const page = await html(`/brands/${BRAND}`);
    const api = await html(`/api/v1/brands/${BRAND}`);
    const chat = [{ name: 'a chat link breaking out of href', text: chatUrl, visible: chatUrl }];
    for (const [field, items] of [
      ['profile description', PAYLOADS],
      ['opening hours', hours],
      ['social handle', [...x, ...mastodon]],
      ['chat link', chat],
    ] as const) {
      checkHtml(page, field, 'brand page', items);
      checkJson(api, field, 'API brand', items);
    }
  });

  it('shows a hostile webhook address escaped in the settings', async () => {
    const url = `https://hooks.example/in?a=${encodeURIComponent('x')}&b="><script>alert(1)</script>&c=</textarea><svg/onload=alert(1)>`;
    const added = await postForm(
      settings,
      'addWebhook',
      { brandSlug: BRAND, url, events: ['post.created'] },
      { cookie: cookies.owner },
    );
    const answer = await added.text();
    expect(added.status).toBeLessThan(500);
    const hook = [{ name: 'a webhook address', text: url, visible: url }];
    checkHtml(answer, 'webhook address', 'brand settings', hook);
    const page = await html(settings, cookies.owner);
    checkHtml(page, 'webhook address', 'brand settings', hook);
    checkHtml(page, 'profile description', 'brand settings', PAYLOADS);
    // No deliveries to a made-up host after the test.
    const webhookId = /name="webhookId" value="(\d+)"/.exec(page)![1]!;
    const removed = await postForm(
      settings,
      'removeWebhook',
      { brandSlug: BRAND, webhookId },
      { cookie: cookies.owner },
    );
    expect(removed.status).toBeLessThan(400);
  });
});

describe('the profile pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('opens no dialog on the brand page, the removal notice, the moderation queue or the settings', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    for (const path of [`/brands/${BRAND}`, `/posts/${postId}`]) await page.goto(`${baseUrl}${path}`);
    const [name, value] = cookies.moderator.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl }]);
    await page.goto(`${baseUrl}/moderation`);
    const [, ownerValue] = cookies.owner.split('=') as [string, string];
    await context.addCookies([{ name, value: ownerValue, url: baseUrl }]);
    await page.goto(`${baseUrl}/brand/${BRAND}/settings`);
    expect(dialogs).toBe(0);
  });

  it('counts payloads × fields × places', () => {
    console.log(
      `XSS corpus around posts: ${PAYLOADS.length} payloads, fields ${[...tally.fields].join(', ')}; places ${[...tally.places].join(', ')}; ${tally.checks} payload checks.`,
    );
    expect(tally.checks).toBeGreaterThan(PAYLOADS.length * 8);
  });
});
