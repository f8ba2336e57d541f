import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBrandBySlug } from '../../db/queries/brands.ts';
import { getPostPage, listBrandPosts, listLatestPosts } from '../../db/queries/posts.ts';
import { posts } from '../../db/schema.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { createDemoDatabase, DEMO_NOW } from '../helpers/demo-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createDemoDatabase();
});
afterAll(() => database.destroy());

describe('the home feed', () => {
  it('pages through every published post exactly once, newest first, and never shows withdrawn or removed ones', async () => {
    const seen: number[] = [];
    let cursor = null;
    let previous = Number.POSITIVE_INFINITY;
    do {
      const page = await listLatestPosts(database.db, { cursor, limit: 50 });
      for (const post of page.items) {
        expect(post.createdAt.getTime()).toBeLessThanOrEqual(previous);
        previous = post.createdAt.getTime();
        seen.push(post.id);
      }
      cursor = page.next;
    } while (cursor);
    const published = await database.db
      .select({ id: posts.id })
      .from(posts)
      .where(eq(posts.visibility, 'published'));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort((a, b) => a - b)).toEqual(published.map((row) => row.id).sort((a, b) => a - b));
    const hidden = await database.db
      .select({ id: posts.id })
      .from(posts)
      .where(sql`${posts.visibility} <> 'published'`);
    expect(hidden.length).toBeGreaterThan(0);
  });
});

describe('a brand feed', () => {
  it('filters by kind and category', async () => {
    const brand = (await getBrandBySlug(database.db, 'northwind-telecom'))!;
    const page = await listBrandPosts(
      database.db,
      brand.id,
      { kind: 'fail', category: 'billing' },
      { limit: 100, now: DEMO_NOW },
    );
    const [expected] = await database.db
      .select({ count: sql<number>`count(*)::int` })
      .from(posts)
      .where(
        and(
          eq(posts.brandId, brand.id),
          eq(posts.kind, 'fail'),
          eq(posts.category, 'billing'),
          eq(posts.visibility, 'published'),
        ),
      );
    expect(page.items.length).toBe(expected!.count);
    for (const post of page.items)
      expect([post.kind, post.category, post.brandSlug]).toEqual(['fail', 'billing', 'northwind-telecom']);
  });

  it('tells "unanswered" (waiting 30 days or more) from "waiting"', async () => {
    const brand = (await getBrandBySlug(database.db, 'northwind-telecom'))!;
    const unanswered = await listBrandPosts(
      database.db,
      brand.id,
      { status: 'unanswered' },
      { limit: 500, now: DEMO_NOW },
    );
    const waiting = await listBrandPosts(
      database.db,
      brand.id,
      { status: 'waiting' },
      { limit: 500, now: DEMO_NOW },
    );
    const thirtyDaysAgo = DEMO_NOW.getTime() - 30 * 86_400_000;
    expect(unanswered.items.length + waiting.items.length).toBeGreaterThan(0);
    for (const post of unanswered.items) expect(post.createdAt.getTime()).toBeLessThanOrEqual(thirtyDaysAgo);
    for (const post of waiting.items) expect(post.createdAt.getTime()).toBeGreaterThan(thirtyDaysAgo);
  });
});

describe('the post page query', () => {
  it('returns the thread with named actors, promises and the verdict', async () => {
    const [withVerdict] = await database.db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.status, 'resolved'), eq(posts.visibility, 'published')))
      .limit(1);
    const page = (await getPostPage(database.db, withVerdict!.id))!;
    expect(page.verdict?.resolved).toBe(true);
    expect(
      page.messages.some((message) => message.kind === 'brand_reply' && message.brandName !== null),
    ).toBe(true);
    expect(page.events.map((event) => event.type)).toContain('verdict');
    expect(
      page.events.every(
        (event) =>
          event.type === 'promise_broken' ||
          event.type === 'promise_kept' ||
          event.type === 'closed_unconfirmed' ||
          event.actorName !== null,
      ),
    ).toBe(true);
  });

  it('returns null for a post that does not exist', async () => {
    expect(await getPostPage(database.db, 987_654)).toBeNull();
  });
});
