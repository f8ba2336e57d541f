/**
 * Cross-site posts (DESIGN §9): every action — the list is read from
 * src/actions, so a new action is covered the day it lands — refuses a post
 * from another site with 403, form-encoded or JSON, signed in or not, and
 * the refused write leaves no trace.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, formBody, get, request, sessionFor, todayIso } from './hostile-http.ts';

const EVIL = 'https://evil.example';

/** Every action name registered in src/actions/index.ts, read from the files it spreads. */
function actionNames(): string[] {
  const index = fs.readFileSync('src/actions/index.ts', 'utf8');
  const files = [...index.matchAll(/from '\.\/([\w-]+)\.ts'/g)].map((match) => match[1]!);
  return files.flatMap((file) =>
    [...fs.readFileSync(`src/actions/${file}.ts`, 'utf8').matchAll(/^ {2}(\w+): defineAction\(/gm)].map(
      (match) => match[1]!,
    ),
  );
}

const ACTIONS = actionNames();
const title = `Cross-site forged post ${Date.now().toString(36)}`;
const forgedPost = {
  kind: 'fail',
  brandSlug: 'glintwell-electronics',
  title,
  story: 'Forged from another site: this must never be published on the board.',
  category: 'attitude',
  channel: 'store',
  experiencedOn: todayIso(),
};

let cookie: string;
beforeAll(async () => {
  cookie = await sessionFor('customer@demo.example');
});

type Variant = { name: string; send: (action: string) => Promise<Response> };

const VARIANTS: Variant[] = [
  {
    name: 'a form post to the page',
    send: (action) =>
      request(`${baseUrl}/new?_action=${action}`, {
        method: 'POST',
        headers: { Origin: EVIL, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: formBody(forgedPost),
      }),
  },
  {
    name: 'a form post to /_actions',
    send: (action) =>
      request(`${baseUrl}/_actions/${action}`, {
        method: 'POST',
        headers: { Origin: EVIL, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: formBody(forgedPost),
      }),
  },
  {
    name: 'a JSON call to /_actions',
    send: (action) =>
      request(`${baseUrl}/_actions/${action}`, {
        method: 'POST',
        headers: { Origin: EVIL, Cookie: cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify(forgedPost),
      }),
  },
  {
    name: 'a text/plain post with no Origin but Sec-Fetch-Site: cross-site',
    send: (action) =>
      request(`${baseUrl}/_actions/${action}`, {
        method: 'POST',
        headers: { 'Sec-Fetch-Site': 'cross-site', Cookie: cookie, 'Content-Type': 'text/plain' },
        body: JSON.stringify(forgedPost),
      }),
  },
];

describe('cross-site posts', () => {
  it('reads the whole list of actions', () => {
    expect(ACTIONS.length, ACTIONS.join(', ')).toBeGreaterThanOrEqual(40);
    expect(ACTIONS).toEqual(expect.arrayContaining(['createPost', 'login', 'suspendAccount', 'mergeBrands']));
  });

  for (const variant of VARIANTS) {
    it(`refuses ${variant.name} with 403 for every action`, async () => {
      const refused: string[] = [];
      for (const action of ACTIONS) {
        const response = await variant.send(action);
        await response.text();
        if (response.status === 403) refused.push(action);
        else expect.soft(response.status, `${action} from ${EVIL}`).toBe(403);
      }
      expect(refused.length, `${ACTIONS.length} actions × ${VARIANTS.length} ways to post`).toBe(
        ACTIONS.length,
      );
    });
  }

  it('leaves no trace of the forged post, and the same post from the site itself goes through', async () => {
    const brandPage = await get('/brands/glintwell-electronics');
    expect(await brandPage.text()).not.toContain(title);
    const latest = (await (await get('/api/v1/brands/glintwell-electronics/posts?limit=5')).json()) as {
      data: { title: string }[];
    };
    expect(latest.data.map((post) => post.title)).not.toContain(title);
    // The control: the same body from the site's own origin is accepted, so the 403s above were the origin check.
    const sameSite = await request(`${baseUrl}/new?_action=createPost`, {
      method: 'POST',
      headers: { Origin: baseUrl, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: formBody({ ...forgedPost, title: `${title} from the site` }),
    });
    expect(sameSite.status).toBe(303);
    const after = (await (await get('/api/v1/brands/glintwell-electronics/posts?limit=5')).json()) as {
      data: { title: string }[];
    };
    expect(after.data.map((post) => post.title)).toContain(`${title} from the site`);
  });
});
