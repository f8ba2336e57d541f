/**
 * The authorization matrix over HTTP (DESIGN §9): every role × every write,
 * posted the way the page's own form posts it. A refused combination answers
 * 401, 403 or 404 — or, signed out, the log-in page — never 200 with the
 * effect and never 500; afterwards the targets are checked unchanged.
 *
 * Roles: a reader (no cookie), a customer, the post's author, a member of
 * another brand's team, the brand's owner, a suspended account (signed up,
 * then suspended through the moderators' desk) and a moderator.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  expectNoLeak,
  formBody,
  get,
  newestMailLink,
  postForm,
  publishPost,
  request,
  sessionCookieOf,
  seededTeamEmail,
  sessionFor,
} from './hostile-http.ts';
import { BRAND, MATRIX, ROLES, type Role, type Targets } from './hostile-matrix.ts';

/** Signs up a fresh account, confirms it from the outbox, and returns its session and id. */
async function newConfirmedAccount(
  moderator: string,
): Promise<{ cookie: string; id: number; email: string }> {
  const email = `hostile-${Date.now().toString(36)}@test.example`;
  const signup = await postForm('/signup', 'signup', {
    email,
    displayName: 'Soon Suspended',
    password: 'a long enough passphrase',
  });
  expect(signup.status, await signup.text()).toBeLessThan(400);
  const token = new URL(await newestMailLink(email)).searchParams.get('token')!;
  const verified = await postForm('/verify-email', 'verifyEmail', { token });
  const cookie = sessionCookieOf(verified);
  expect(cookie, `verifying answered ${verified.status}`).toBeTruthy();
  const desk = await (await get(`/moderation/accounts?email=${encodeURIComponent(email)}`, moderator)).text();
  const id = Number(/name="userId" value="(\d+)"/.exec(desk)?.[1]);
  expect(id).toBeGreaterThan(0);
  return { cookie: cookie!, id, email };
}

/** The top-level fields of an action's result as /_actions serializes it (devalue's flat array form). */
function formResultOf(body: string): Record<string, unknown> {
  const [shape, ...values] = JSON.parse(body) as [Record<string, number>, ...unknown[]];
  return Object.fromEntries(Object.entries(shape).map(([key, index]) => [key, values[index - 1]]));
}

let cookies: Record<Role, string | null>;
let targets: Targets;
let suspendedEmail: string;
const originalTitle = `Router swapped three times, still no line ${Date.now().toString(36)}`;
const originalReply = 'Hello, this is Alex from the care team: I am looking into your line today.';

beforeAll(async () => {
  const moderator = await sessionFor('moderator@demo.example');
  const owner = await sessionFor('brand@demo.example');
  const author = await sessionFor('customer@demo.example');
  const suspended = await newConfirmedAccount(moderator);
  suspendedEmail = suspended.email;
  const suspension = await postForm(
    '/moderation/accounts',
    'suspendAccount',
    { userId: String(suspended.id), reason: 'Hostile-input suite: a suspended role' },
    { cookie: moderator },
  );
  expect(suspension.status).toBe(303);
  cookies = {
    reader: null,
    customer: await sessionFor('customer2@demo.example'),
    author,
    otherBrandMember: await sessionFor(seededTeamEmail('heathglow-energy', 'member')),
    owner,
    suspended: suspended.cookie,
    moderator,
  };
  const postId = await publishPost(author, {
    brandSlug: BRAND,
    title: originalTitle,
    story: 'The third router arrived today and the line light still blinks red all evening.',
  });
  const reply = await postForm(
    `/posts/${postId}`,
    'replyAsBrand',
    { postId: String(postId), body: originalReply },
    { cookie: owner },
  );
  expect(reply.status).toBeLessThan(400);
  const api = (await (await get(`/api/v1/posts/${postId}`)).json()) as { data: { thread: { id: number }[] } };
  targets = { postId, messageId: api.data.thread[0]!.id, accountId: suspended.id };
});

const refusedCells = MATRIX.flatMap((row) =>
  ROLES.filter((role) => !row.allowed.includes(role)).map((role) => ({ row, role })),
);

describe('the authorization matrix over HTTP', () => {
  it(`refuses every forbidden combination (${ROLES.length} roles × ${MATRIX.length} actions, ${refusedCells.length} refused cells)`, async () => {
    const answered: string[] = [];
    for (const { row, role } of refusedCells) {
      const response = await postForm(row.page(targets), row.action, row.fields(targets), {
        cookie: cookies[role],
      });
      const body = await response.text();
      const label = `${row.action} as ${role} answered ${response.status}`;
      expectNoLeak(body, label);
      const location = response.headers.get('location') ?? '';
      // Signed out (a suspended account's sessions are ended), a page may send to the log-in form instead.
      const toLogin = (role === 'reader' || role === 'suspended') && /^\/login\b/.test(location);
      if (!toLogin) expect.soft([401, 403, 404], label).toContain(response.status);
      answered.push(label);
    }
    expect(answered).toHaveLength(refusedCells.length);
  });

  it(`refuses the same ${refusedCells.length} cells called directly at /_actions`, async () => {
    const refusedStatuses = [401, 403, 404];
    for (const { row, role } of refusedCells) {
      const response = await request(`${baseUrl}/_actions/${row.action}`, {
        method: 'POST',
        headers: {
          Origin: baseUrl,
          'Content-Type': 'application/x-www-form-urlencoded',
          ...(cookies[role] ? { Cookie: cookies[role] } : {}),
        },
        body: formBody(row.fields(targets)),
      });
      const body = await response.text();
      const label = `/_actions/${row.action} as ${role} answered ${response.status}: ${body.slice(0, 200)}`;
      expectNoLeak(body, label);
      // A refusal the handler returns (not throws) carries its status in the result; the middleware
      // makes it the HTTP status, so the wire says 401, 403 or 404 as well.
      expect.soft(refusedStatuses, label).toContain(response.status);
      // A returned refusal keeps its form result in the body (devalue's array form); a thrown one is an error.
      if (body.startsWith('[')) expect.soft(formResultOf(body)['ok'], label).toBe(false);
    }
  });

  it('leaves the post, its reply and the brand as they were', async () => {
    const api = (await (await get(`/api/v1/posts/${targets.postId}`)).json()) as {
      data: {
        title: string;
        visibility: string;
        meTooCount: number;
        verdict: unknown;
        handler: unknown;
        thread: { kind: string; body: string }[];
      };
    };
    expect(api.data.title).toBe(originalTitle);
    expect(api.data.visibility).toBe('published');
    expect(api.data.meTooCount).toBe(0);
    expect(api.data.verdict).toBeNull();
    expect(api.data.handler).toBe('Alex'); // the reply took the case; nobody else did
    expect(api.data.thread.map((message) => message.body)).toEqual([originalReply]);
    const brand = (await (await get(`/api/v1/brands/${BRAND}`)).json()) as { data: { description: string } };
    expect(brand.data.description).not.toContain('outsider');
    const merged = await get('/brands/puddlestone-fitness');
    expect(merged.status).toBe(200);
  });

  it('keeps the suspended account suspended: it cannot log in', async () => {
    const login = await postForm('/login', 'login', {
      email: suspendedEmail,
      password: 'a long enough passphrase',
    });
    expect(login.status).toBe(403);
    expect(sessionCookieOf(login)).toBeNull();
  });
});
