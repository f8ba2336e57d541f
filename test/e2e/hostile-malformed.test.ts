/**
 * Malformed ids and parameters on every route (issue #11, holes 5 and 6):
 * whatever is typed into an address or a form field, the server answers with
 * a status that says what happened — 400, 404, or a redirect — never 500,
 * and never with a driver error, SQL or a stack frame in the body.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeak, get, postForm, sessionFor } from './hostile-http.ts';

const LONG = 'x'.repeat(10_000);
const NUL = '%00';
const BROKEN_UTF8 = '%E0%A4%A';

/** Path segments that are no record id. */
const BAD_IDS = [
  'abc',
  '99999999999',
  '2147483648',
  '-1',
  '0',
  '1.5',
  '1e3',
  NUL,
  BROKEN_UTF8,
  '%20',
  "1'%20OR%201=1--",
  '9'.repeat(400),
  '..%2F..%2Fetc%2Fpasswd',
];
/** Path segments that are no brand. */
const BAD_SLUGS = [
  NUL,
  BROKEN_UTF8,
  LONG,
  '..%2F..%2Fetc%2Fpasswd',
  "x'%3B%20DROP%20TABLE%20brands%3B--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  'N%D0%BErthwind',
  '%E2%80%AE',
  'x',
];
/** Query values for every parameter a page reads. */
const BAD_VALUES = [
  'a%00b',
  BROKEN_UTF8,
  LONG,
  '-5',
  'x',
  '1e99',
  '%3Cscript%3E',
  '2147483648',
  '%0D%0ASet-Cookie:x=1',
];

const ID_ROUTES = [
  '/posts/{id}',
  '/posts/{id}/edit',
  '/posts/{id}/revisions',
  '/posts/{id}/withdraw',
  '/posts/1/replies/{id}/edit',
  '/posts/1/replies/{id}/revisions',
  '/posts/{id}/replies/1/revisions',
  '/api/v1/posts/{id}',
];
const SLUG_ROUTES = [
  '/brands/{slug}',
  '/brands/{slug}/feed.xml',
  '/brands/{slug}/badge.svg',
  '/brands/{slug}/claim',
  '/brand/{slug}/inbox',
  '/brand/{slug}/settings',
  '/api/v1/brands/{slug}',
  '/api/v1/brands/{slug}/posts',
];
const QUERY_ROUTES = [
  '/?before={v}',
  '/search?q={v}',
  '/search?q=phone&before={v}',
  '/search?q=phone&page={v}&brandPage={v}',
  '/compare?brands={v}',
  '/compare?brand={v}&brand=northwind-telecom&brand={v}',
  '/compare?brands=northwind-telecom,{v}&window={v}',
  '/rankings?window={v}&sort={v}&page={v}&sector={v}&country={v}',
  '/brands/glintwell-electronics?kind={v}&status={v}&category={v}&before={v}&window={v}',
  '/brands/glintwell-electronics/feed.xml?kind={v}',
  '/feed.xml?before={v}',
  '/methodology?brand={v}',
  '/login?next={v}',
  '/new?brand={v}&kind={v}',
  '/new/brands.json?q={v}',
  '/verify-email?token={v}',
  '/reset-password?token={v}',
  '/claim/confirm?token={v}',
  '/team/join?token={v}',
  '/account/confirm-email?token={v}',
  '/api/v1/brands?cursor={v}&limit={v}&sector={v}&window={v}',
  '/api/v1/brands/glintwell-electronics/posts?cursor={v}&limit={v}&kind={v}&status={v}',
  '/api/v1/rankings?window={v}&sort={v}&cursor={v}&limit={v}',
  '/api/v1/export/posts.csv?{v}={v}',
  '/api/v1/brands?unknown={v}',
  '/moderation?audit={v}&done={v}',
  '/moderation/accounts?email={v}',
  '/moderation/brands?q={v}',
  '/brand/northwind-telecom/inbox?filter={v}',
  '/posts/1?part={v}&message={v}',
];

/** Who is signed in for a route: pages behind a role are tried with that role, so the parsing is reached. */
function roleFor(route: string): 'moderator' | 'owner' | 'customer' {
  if (route.startsWith('/moderation')) return 'moderator';
  if (route.startsWith('/brand/')) return 'owner';
  return 'customer';
}

let cookies: Record<'moderator' | 'owner' | 'customer', string>;
beforeAll(async () => {
  cookies = {
    moderator: await sessionFor('moderator@demo.example'),
    owner: await sessionFor('brand@demo.example'),
    customer: await sessionFor('customer@demo.example'),
  };
});

/** Requests a path signed out and signed in; returns the statuses; fails on 5xx or a leak. */
async function probe(pathAndQuery: string, role: keyof typeof cookies): Promise<number[]> {
  const statuses: number[] = [];
  for (const cookie of [null, cookies[role]]) {
    const response = await get(pathAndQuery, cookie);
    const body = await response.text();
    const label = `${pathAndQuery.slice(0, 160)} (${cookie ? role : 'signed out'}) answered ${response.status}`;
    expect(response.status, label).toBeLessThan(500);
    expectNoLeak(body, label);
    statuses.push(response.status);
  }
  return statuses;
}

/** The value in every parameter of the route; the 10k one in the first only (the URL stays under 16 KB). */
const fill = (route: string, value: string) =>
  value === LONG ? route.replace('{v}', value).replaceAll('{v}', 'x') : route.replaceAll('{v}', value);

let probed = 0;
describe('malformed ids and parameters', () => {
  it(`answers every bad record id with 400 or 404 (${ID_ROUTES.length} routes × ${BAD_IDS.length} ids)`, async () => {
    for (const route of ID_ROUTES) {
      for (const id of BAD_IDS) {
        const statuses = await probe(route.replaceAll('{id}', id), roleFor(route));
        for (const status of statuses) expect([400, 404], `${route} with ${id}`).toContain(status);
        probed++;
      }
    }
  });

  it(`answers every bad brand address with 400, 404 or a redirect (${SLUG_ROUTES.length} routes × ${BAD_SLUGS.length} slugs)`, async () => {
    for (const route of SLUG_ROUTES) {
      for (const slug of BAD_SLUGS) {
        const statuses = await probe(route.replaceAll('{slug}', slug), roleFor(route));
        // Signed out, the team pages send to the log-in page before looking the brand up.
        for (const status of statuses)
          expect([302, 303, 400, 404], `${route} with ${slug}`).toContain(status);
        probed++;
      }
    }
  });

  it(`never answers 500 to a bad query parameter (${QUERY_ROUTES.length} routes × ${BAD_VALUES.length} values)`, async () => {
    for (const route of QUERY_ROUTES) {
      for (const value of BAD_VALUES) {
        const statuses = await probe(fill(route, value), roleFor(route));
        if (value.includes(NUL)) for (const status of statuses) expect(status, `${route} with NUL`).toBe(400);
        probed++;
      }
    }
  });

  it('keeps a log-in redirect on this site whatever `next` says', async () => {
    const cookie = cookies.customer;
    for (const next of [
      '%2F%09%2Fevil.example',
      '%0D%0ALocation:%20https://evil.example',
      '//evil.example',
      'https://evil.example',
      '/%E2%80%AE',
    ]) {
      const page = await get(`/login?next=${next}`, cookie);
      expect(page.status, next).toBeLessThan(500);
      const location = page.headers.get('location');
      if (location) expect(new URL(location, 'https://board.example').host, next).toBe('board.example');
      probed++;
    }
  });
});

const FORM_CASES: { page: string; action: string; fields: Record<string, string> }[] = [
  { page: '/posts/1', action: 'sayMeToo', fields: { postId: '2147483648' } },
  { page: '/posts/1', action: 'addFollowUp', fields: { postId: '-1', body: 'Still nothing after a week.' } },
  {
    page: '/posts/1',
    action: 'giveVerdict',
    fields: { postId: 'abc', resolved: 'yes', wouldBuyAgain: 'no' },
  },
  { page: '/posts/1', action: 'takeCase', fields: { postId: '99999999999' } },
  {
    page: '/posts/1',
    action: 'flagContent',
    fields: { postId: '1', messageId: '1e99', reason: 'spam', note: '' },
  },
  {
    page: '/posts/1',
    action: 'flagContent',
    fields: { postId: '1', messageId: '2147483648', reason: 'spam', note: '' },
  },
  { page: '/posts/1', action: 'withdrawPost', fields: { postId: '1.5' } },
  {
    page: '/posts/1/edit',
    action: 'editPost',
    fields: {
      postId: '2147483648',
      title: 'A title',
      story: 'x'.repeat(30),
      category: 'attitude',
      channel: 'store',
    },
  },
  {
    page: '/posts/1/replies/1/edit',
    action: 'editReply',
    fields: { messageId: '1e99', body: 'Sorry about that.' },
  },
  // A page whose subject does not exist, posted to: its 404 is rendered after the action read the body.
  {
    page: '/posts/1/replies/2147483646/edit',
    action: 'editReply',
    fields: { messageId: '2147483646', body: 'Sorry about that.' },
  },
  { page: '/posts/2147483646/withdraw', action: 'withdrawPost', fields: { postId: '2147483646' } },
  { page: '/moderation', action: 'decideClaim', fields: { claimId: 'abc', decision: 'approve' } },
  { page: '/moderation', action: 'decideClaim', fields: { claimId: '2147483648', decision: 'reject' } },
  {
    page: '/moderation',
    action: 'decideOnItem',
    fields: { postId: '2147483648', messageId: '', decision: 'keep', explanation: '' },
  },
  {
    page: '/moderation/held',
    action: 'decideHeldPost',
    fields: { postId: '-1', decision: 'release', explanation: '' },
  },
  {
    page: '/moderation/accounts',
    action: 'suspendAccount',
    fields: { userId: '99999999999', reason: 'Spam' },
  },
  { page: '/moderation/accounts', action: 'liftSuspension', fields: { userId: '2147483648', reason: '' } },
  {
    page: '/brand/northwind-telecom/settings',
    action: 'removeWebhook',
    fields: { brandSlug: 'northwind-telecom', webhookId: '-1' },
  },
  {
    page: '/brand/northwind-telecom/settings',
    action: 'removeWebhook',
    fields: { brandSlug: 'northwind-telecom', webhookId: '2147483648' },
  },
  {
    page: '/brand/northwind-telecom/settings',
    action: 'removeMember',
    fields: { brandSlug: 'northwind-telecom', userId: '99999999999' },
  },
  {
    page: '/brand/northwind-telecom/settings',
    action: 'revokeInvite',
    fields: { brandSlug: 'northwind-telecom', inviteId: '%00' },
  },
  {
    page: '/brand/northwind-telecom/settings',
    action: 'editBrandProfile',
    fields: { brandSlug: '\u0000', sector: 'telecom' },
  },
  { page: '/account', action: 'revokeSession', fields: { sessionId: "' OR 1=1 --" } },
  {
    page: '/new',
    action: 'createPost',
    fields: {
      kind: 'fail',
      brandSlug: 'glintwell-electronics',
      title: 'A title\u0000',
      story: 'x'.repeat(30),
      category: 'attitude',
      channel: 'store',
      experiencedOn: '2026-02-30',
      waitMinutes: '1e99',
    },
  },
];

describe('malformed form fields', () => {
  // 403 when the page around the form is not the person's (the edit page of someone else's post).
  it(`answers ${FORM_CASES.length} out-of-range, non-numeric or NUL fields with 400, 403 or 404`, async () => {
    for (const { page, action, fields } of FORM_CASES) {
      const role = roleFor(page);
      const response = await postForm(page, action, fields, { cookie: cookies[role] });
      const label = `${action} ${JSON.stringify(fields).slice(0, 120)} answered ${response.status}`;
      expectNoLeak(await response.text(), label);
      expect([400, 403, 404], label).toContain(response.status);
      probed++;
    }
  });

  it('counts routes × malformed inputs', () => {
    const planned =
      ID_ROUTES.length * BAD_IDS.length +
      SLUG_ROUTES.length * BAD_SLUGS.length +
      QUERY_ROUTES.length * BAD_VALUES.length +
      5 +
      FORM_CASES.length;
    expect(probed, `routes × malformed inputs: ${planned} requests, each signed out and signed in`).toBe(
      planned,
    );
  });
});
