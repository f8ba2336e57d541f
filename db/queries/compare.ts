/**
 * Reads behind the compare page: the brands a reader named (by slug or by
 * name), their figures for one window and their monthly rows, a query each
 * whatever the number of brands; and names to suggest while picking.
 */
import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { StatWindow } from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { rankingOrder } from './rankings.ts';
import { brandMonthlyStats, brandStats, brands } from '../schema.ts';

/** Live (not merged) brands whose slug or name key is one of those given, with their row for the window. */
export function listBrandsByTerms(
  db: Db,
  terms: { slugs: readonly string[]; nameKeys: readonly string[] },
  window: StatWindow,
) {
  if (terms.slugs.length === 0 && terms.nameKeys.length === 0) return Promise.resolve([]);
  return db
    .select({ brand: brands, stats: brandStats })
    .from(brands)
    .leftJoin(brandStats, and(eq(brandStats.brandId, brands.id), eq(brandStats.window, window)))
    .where(
      and(
        isNull(brands.mergedIntoId),
        or(
          terms.slugs.length > 0 ? inArray(brands.slug, [...terms.slugs]) : undefined,
          terms.nameKeys.length > 0 ? inArray(brands.nameKey, [...terms.nameKeys]) : undefined,
        ),
      ),
    );
}

/** The monthly rows of several brands since a month, in one query. */
export function listMonthlyStatsOfBrands(db: Db, brandIds: readonly number[], since: string) {
  if (brandIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(brandMonthlyStats)
    .where(and(inArray(brandMonthlyStats.brandId, [...brandIds]), gte(brandMonthlyStats.month, since)))
    .orderBy(brandMonthlyStats.month);
}

/**
 * The names offered while picking (the form's datalist): the brands most
 * ranked over all time (the ranking index's order), so the list stays short
 * on a large board.
 */
export function listSuggestedBrandNames(db: Db, limit: number) {
  return db
    .select({ name: brands.name })
    .from(brandStats)
    .innerJoin(brands, eq(brands.id, brandStats.brandId))
    .where(and(eq(brandStats.window, 'all'), isNull(brands.mergedIntoId)))
    .orderBy(...rankingOrder('score'))
    .limit(limit);
}
