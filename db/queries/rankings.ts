/** Reads behind rankings, the brand page's figures and charts: aggregates only. */
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { StatWindow } from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { brandBreakdowns, brandMonthlyStats, brandStats, brands, posts } from '../schema.ts';

/** Every live brand with its aggregate row for a window (one indexed read per brand). */
export function listBrandWindowStats(
  db: Db,
  window: StatWindow,
  filters: { sector?: string | null; country?: string | null } = {},
) {
  return db
    .select({
      slug: brands.slug,
      name: brands.name,
      sector: brands.sector,
      country: brands.country,
      verifiedAt: brands.verifiedAt,
      stats: brandStats,
    })
    .from(brandStats)
    .innerJoin(brands, eq(brands.id, brandStats.brandId))
    .where(
      and(
        eq(brandStats.window, window),
        isNull(brands.mergedIntoId),
        filters.sector
          ? eq(brands.sector, filters.sector as (typeof brands.$inferSelect)['sector'])
          : undefined,
        filters.country ? eq(brands.country, filters.country) : undefined,
      ),
    );
}

export function listMonthlyStats(db: Db, brandId: number, since: string) {
  return db
    .select()
    .from(brandMonthlyStats)
    .where(and(eq(brandMonthlyStats.brandId, brandId), gte(brandMonthlyStats.month, since)))
    .orderBy(brandMonthlyStats.month);
}

export function listBreakdowns(db: Db, brandId: number, window: StatWindow) {
  return db
    .select()
    .from(brandBreakdowns)
    .where(and(eq(brandBreakdowns.brandId, brandId), eq(brandBreakdowns.window, window)))
    .orderBy(desc(sql`${brandBreakdowns.likes} + ${brandBreakdowns.fails}`), brandBreakdowns.value);
}

/** The brand's known issues: published fails with the most "me too". */
export function listKnownIssues(db: Db, brandId: number, limit = 5) {
  return db
    .select({
      id: posts.id,
      title: posts.title,
      meTooCount: posts.meTooCount,
      status: posts.status,
      createdAt: posts.createdAt,
    })
    .from(posts)
    .where(
      and(
        eq(posts.brandId, brandId),
        eq(posts.kind, 'fail'),
        eq(posts.visibility, 'published'),
        sql`${posts.meTooCount} > 0`,
      ),
    )
    .orderBy(desc(posts.meTooCount), desc(posts.createdAt))
    .limit(limit);
}
