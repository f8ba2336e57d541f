/**
 * The full recomputation of the aggregates against an independent count in
 * TypeScript over the same rows: if either drifts from the definitions in
 * DESIGN §5, this fails.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBrandBySlug } from '../../db/queries/brands.ts';
import { getBrandWindowStats } from '../../db/queries/stats.ts';
import { posts, promises, verdicts } from '../../db/schema.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { createDemoDatabase, DEMO_NOW } from '../helpers/demo-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createDemoDatabase();
});
afterAll(() => database.destroy());

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return Math.round((sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2);
}

describe('recomputed brand statistics', () => {
  it.each(['northwind-telecom', 'larkspire-bank'])(
    'match a count from the posts for %s over 90 days',
    async (slug) => {
      const brand = (await getBrandBySlug(database.db, slug))!;
      const since = DEMO_NOW.getTime() - 90 * 86_400_000;
      const rows = (await database.db.select().from(posts).where(eq(posts.brandId, brand.id))).filter(
        (post) => post.visibility === 'published' && post.createdAt.getTime() >= since,
      );
      const fails = rows.filter((post) => post.kind === 'fail');
      const answered = fails.filter((post) => post.firstBrandReplyAt !== null);
      const verdictRows = await database.db.select().from(verdicts);
      const failIds = new Set(fails.map((post) => post.id));
      const brandVerdicts = verdictRows.filter((verdict) => failIds.has(verdict.postId));
      const promiseRows = (await database.db.select().from(promises)).filter((promise) =>
        failIds.has(promise.postId),
      );

      const stats = await getBrandWindowStats(database.db, brand.id, '90d');
      expect(stats.likes).toBe(rows.length - fails.length);
      expect(stats.fails).toBe(fails.length);
      expect(stats.answered).toBe(answered.length);
      expect(stats.responseEligible).toBe(
        fails.filter(
          (post) =>
            post.firstBrandReplyAt !== null ||
            DEMO_NOW.getTime() - post.createdAt.getTime() >= 72 * 3_600_000,
        ).length,
      );
      expect(stats.firstResponseMedianSeconds).toBe(
        median(answered.map((post) => (post.firstBrandReplyAt!.getTime() - post.createdAt.getTime()) / 1000)),
      );
      expect(stats.verdicts).toBe(brandVerdicts.length);
      expect(stats.resolved).toBe(brandVerdicts.filter((verdict) => verdict.resolved).length);
      expect(stats.settled).toBe(
        brandVerdicts.length + fails.filter((post) => post.status === 'unconfirmed').length,
      );
      expect(stats.promisesKept).toBe(promiseRows.filter((promise) => promise.outcome === 'kept').length);
      expect(stats.promisesBroken).toBe(promiseRows.filter((promise) => promise.outcome === 'broken').length);
      expect(stats.fails).toBeGreaterThan(0);
    },
  );

  it('gives a brand without posts zeros, not an error', async () => {
    const stats = await getBrandWindowStats(database.db, 999_999, '30d');
    expect(stats).toMatchObject({ likes: 0, fails: 0, firstResponseMedianSeconds: null });
  });
});
