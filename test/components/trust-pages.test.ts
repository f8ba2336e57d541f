/**
 * Pages and routes of the abuse signals, merges and privacy export, rendered
 * with an injected database: a merged brand's addresses answer 301, a held
 * post shows only to its author and moderators, a brand flagging most of its
 * fails carries the public notice, and "Download my data" is a private JSON
 * attachment for the signed-in person only.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { APIContext } from 'astro';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flags, posts, users } from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { GET as exportData } from '../../src/pages/account/export.json.ts';
import { GET as apiBrand } from '../../src/pages/api/v1/brands/[slug].ts';
import { GET as apiBrandPosts } from '../../src/pages/api/v1/brands/[slug]/posts.ts';
import { GET as badge } from '../../src/pages/brands/[slug]/badge.svg.ts';
import { GET as brandFeed } from '../../src/pages/brands/[slug]/feed.xml.ts';
import BrandPage from '../../src/pages/brands/[slug]/index.astro';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import { mergeBrands } from '../../src/server/commands/brand-merge.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { recordPostChange } from '../../src/server/statistics.ts';
import { createBrand, createPerson, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let container: AstroContainer;
const now = new Date('2026-06-15T12:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
  container = await AstroContainer.create();
});
afterAll(() => database.destroy());

const deps = (): CommandDeps => commandDeps(database.db, { now });

const locals = (actor: Actor | null = null) => ({
  db: database.db,
  now,
  user: null,
  actor,
  session: null,
  rateLimitExempt: true,
});

/** Calls an endpoint the way Astro does, with what these routes read. */
function callRoute(
  handler: (context: APIContext) => Response | Promise<Response>,
  url: string,
  params: Record<string, string>,
  actor: Actor | null = null,
) {
  const context = {
    locals: locals(actor),
    params,
    url: new URL(url),
    request: new Request(url),
    clientAddress: '203.0.113.9',
    redirect: (location: string, status = 302) =>
      new Response(null, { status, headers: { Location: location } }),
  } as unknown as APIContext;
  return handler(context);
}

async function insertPost(
  brandId: number,
  authorId: number,
  overrides: Partial<typeof posts.$inferInsert> = {},
) {
  const [row] = await database.db
    .insert(posts)
    .values({
      brandId,
      authorId,
      kind: 'fail',
      status: 'waiting',
      title: 'Router never shipped',
      story: 'They promised a router by Wednesday and nothing came.',
      category: 'delivery',
      channel: 'phone',
      experiencedOn: '2026-06-01',
      createdAt: new Date(now.getTime() - 86_400_000),
      ...overrides,
    })
    .returning();
  await recordPostChange(database.db, null, row!.id, now);
  return row!;
}

describe('a merged brand’s old addresses', () => {
  it('answer 301 to the kept brand: page, feed, badge and API', async () => {
    const kept = await createBrand(database.db, 'Kept Telecom');
    const duplicate = await createBrand(database.db, 'Kept Telecomm');
    const moderator = await createPerson(database.db, { role: 'moderator' });
    const merged = await mergeBrands(deps(), moderator, {
      duplicateSlug: duplicate.slug,
      keepSlug: kept.slug,
      reason: 'Typo duplicate',
    });
    expect(merged.ok).toBe(true);

    const page = await container.renderToResponse(BrandPage, {
      locals: locals(),
      params: { slug: duplicate.slug },
      request: new Request(`http://localhost/brands/${duplicate.slug}`),
    });
    expect(page.status).toBe(301);
    expect(page.headers.get('Location')).toBe(`/brands/${kept.slug}`);

    const routes = [
      [brandFeed, `/brands/${duplicate.slug}/feed.xml`, `/brands/${kept.slug}/feed.xml`],
      [badge, `/brands/${duplicate.slug}/badge.svg`, `/brands/${kept.slug}/badge.svg`],
      [apiBrand, `/api/v1/brands/${duplicate.slug}`, `/api/v1/brands/${kept.slug}`],
      [
        apiBrandPosts,
        `/api/v1/brands/${duplicate.slug}/posts?kind=fail`,
        `/api/v1/brands/${kept.slug}/posts?kind=fail`,
      ],
    ] as const;
    for (const [handler, from, to] of routes) {
      const response = await callRoute(handler, `http://localhost${from}`, { slug: duplicate.slug });
      expect([from, response.status, response.headers.get('Location')]).toEqual([from, 301, to]);
    }
  });
});

describe('a held post', () => {
  it('shows to its author with the notice, and to nobody else but moderators', async () => {
    const brand = await createBrand(database.db, 'Held Brand');
    const author = await createPerson(database.db);
    const post = await insertPost(brand.id, author.id, {
      kind: 'like',
      status: null,
      visibility: 'held',
      title: 'Best shop ever',
    });
    const render = (actor: Actor | null) =>
      container.renderToResponse(PostPage, {
        locals: locals(actor),
        params: { id: String(post.id) },
        request: new Request(`http://localhost/posts/${post.id}`),
      });
    const forAuthor = await (await render(author)).text();
    expect(forAuthor).toContain(
      'Held for review: new accounts liking one brand in a burst are checked by a moderator.',
    );
    expect(forAuthor).toContain('Best shop ever');
    const moderator = await createPerson(database.db, { role: 'moderator' });
    expect(await (await render(moderator)).text()).toContain('Best shop ever');
    for (const viewer of [null, await createPerson(database.db)]) {
      // The page rewrites to /404, which the container (no routes registered) reports as such.
      await expect(render(viewer)).rejects.toThrow(/route \/404/);
    }
  });
});

describe('the brand page', () => {
  it('carries a public notice when the brand flagged most of its fails', async () => {
    const brand = await createBrand(database.db, 'Selfflag');
    const author = await createPerson(database.db);
    const agent = await createPerson(database.db);
    const fails = [];
    for (let i = 0; i < 7; i++) fails.push(await insertPost(brand.id, author.id, { title: `Fail ${i}` }));
    const render = async () =>
      (
        await container.renderToString(BrandPage, {
          locals: locals(),
          params: { slug: brand.slug },
          request: new Request(`http://localhost/brands/${brand.slug}`),
        })
      ).replace(/\s+/g, ' ');
    for (const post of fails.slice(0, 3))
      await database.db
        .insert(flags)
        .values({ postId: post.id, userId: agent.id, flaggerBrandId: brand.id, reason: 'fake' });
    expect(await render()).not.toContain('flagged by Selfflag itself');
    for (const post of fails.slice(3, 5))
      await database.db
        .insert(flags)
        .values({ postId: post.id, userId: agent.id, flaggerBrandId: brand.id, reason: 'fake' });
    expect(await render()).toContain(
      'Most fails about Selfflag were flagged by Selfflag itself (5 of 7 in 12 months)',
    );
  });
});

describe('Download my data', () => {
  it('is a private JSON attachment with the person’s data, and no secret', async () => {
    const person = await createPerson(database.db, { name: 'Ada Export' });
    const response = await callRoute(exportData, 'http://localhost/account/export.json', {}, person);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="[\w.-]+\.json"$/);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const body = await response.text();
    const data = JSON.parse(body);
    expect(data.account).toMatchObject({ id: person.id, email: person.email, displayName: 'Ada Export' });
    const [user] = await database.db.select().from(users).where(eq(users.id, person.id));
    expect(body).not.toContain(user!.passwordHash!);
    expect(body).not.toMatch(/passwordHash|secretHash|password_hash|secret_hash/);
  });

  it('sends a signed-out visitor to log in, uncached', async () => {
    const response = await callRoute(exportData, 'http://localhost/account/export.json', {}, null);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/login?next=%2Faccount%2Fexport.json');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
  });
});
