/**
 * Reads behind rankings, the brand page's figures and charts: aggregates only.
 *
 * Rankings are ordered, filtered and paged here, in SQL, in the order
 * `sortRanking` (src/domain/rankings.ts) defines: ranked brands (a stored
 * score, i.e. 10+ posts) first by the chosen figure, nulls last; ties by score,
 * then post count, then name; brands not ranked yet after, by post count then
 * name. test/integration/rankings-order.test.ts holds the two to the same order.
 */
import { and, asc, desc, eq, gte, isNull, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { RankingSort } from '../../src/domain/rankings.ts';
import type { Sector, StatWindow } from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { brandBreakdowns, brandMonthlyStats, brandStats, brands, posts } from '../schema.ts';

export interface RankingFilters {
  window: StatWindow;
  sector?: Sector | null | undefined;
  country?: string | null | undefined;
}

const rankingColumns = {
  slug: brands.slug,
  name: brands.name,
  sector: brands.sector,
  country: brands.country,
  verifiedAt: brands.verifiedAt,
  stats: brandStats,
};

function rankingWhere(filters: RankingFilters): SQL | undefined {
  return and(
    eq(brandStats.window, filters.window),
    isNull(brands.mergedIntoId),
    filters.sector ? eq(brands.sector, filters.sector) : undefined,
    filters.country ? eq(brands.country, filters.country) : undefined,
  );
}

/** n / d as a double, null when d is 0: the same IEEE division the domain's rates make. */
const ratio = (numerator: SQL, denominator: SQL) => sql`(${numerator})::float8 / nullif(${denominator}, 0)`;

/** The figure a sort compares, larger is better (src/domain/rankings.ts sortValue); null for 'score'. */
function sortValue(sort: RankingSort): SQL | null {
  const s = brandStats;
  switch (sort) {
    case 'score':
      return null;
    case 'likeShare':
      return sql`${s.likeShareLowerBound}`;
    case 'responseRate':
      return ratio(sql`${s.answered}`, sql`${s.responseEligible}`);
    case 'firstResponse':
      return sql`-${s.firstResponseMedianSeconds}`;
    case 'resolutionRate':
      return ratio(sql`${s.resolved}`, sql`${s.settled}`);
    case 'promisesKept':
      return ratio(sql`${s.promisesKept}`, sql`${s.promisesKept} + ${s.promisesBroken}`);
    case 'wouldBuyAgain':
      return ratio(sql`${s.wouldBuyAgain}`, sql`${s.verdicts}`);
    case 'personalReplies':
      return ratio(sql`${s.longReplies} - ${s.templateReplies}`, sql`${s.longReplies}`);
    case 'posts':
      return sql`${s.postCount}`;
  }
}

/**
 * ORDER BY for a sort. By score it is the ranking index's own order
 * (window, score desc nulls last, post_count desc), so a page is an index range;
 * names compare with ICU's root collation, which is what the domain's
 * `localeCompare(…, 'en')` uses, on PostgreSQL and PGlite alike.
 */
export function rankingOrder(sort: RankingSort): SQL[] {
  const byScore = [
    sql`${brandStats.score} desc nulls last`,
    sql`${brandStats.postCount} desc nulls last`,
    sql`${brands.name} collate "und-x-icu"`,
  ];
  const value = sortValue(sort);
  if (value === null) return byScore;
  return [
    sql`(${brandStats.score} is null)`,
    // Unranked brands are ordered by post count only: their figure is ignored.
    sql`case when ${brandStats.score} is not null then ${value} end desc nulls last`,
    ...byScore,
  ];
}

/** One page of a ranking: the brands at positions offset … offset + limit − 1. */
export function listRankingPage(
  db: Db,
  filters: RankingFilters,
  sort: RankingSort,
  page: { offset: number; limit: number },
) {
  return db
    .select(rankingColumns)
    .from(brandStats)
    .innerJoin(brands, eq(brands.id, brandStats.brandId))
    .where(rankingWhere(filters))
    .orderBy(...rankingOrder(sort))
    .limit(page.limit)
    .offset(page.offset);
}

export type RankingRow = Awaited<ReturnType<typeof listRankingPage>>[number];

/** How many brands a ranking holds, and how many of them are ranked. */
export async function countRanking(
  db: Db,
  filters: RankingFilters,
): Promise<{ ranked: number; total: number }> {
  const [row] = await db
    .select({
      ranked: sql<number>`(count(*) filter (where ${brandStats.score} is not null))::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(brandStats)
    .innerJoin(brands, eq(brands.id, brandStats.brandId))
    .where(rankingWhere(filters));
  return { ranked: Number(row?.ranked ?? 0), total: Number(row?.total ?? 0) };
}

/** The 0-based position of a brand in a ranking, or null when it is not in it (the API's cursor). */
export async function rankingPosition(
  db: Db,
  filters: RankingFilters,
  sort: RankingSort,
  slug: string,
): Promise<number | null> {
  const ranking = db
    .select({
      slug: brands.slug,
      position:
        sql<number>`(row_number() over (order by ${sql.join(rankingOrder(sort), sql`, `)}) - 1)::int`.as(
          'position',
        ),
    })
    .from(brandStats)
    .innerJoin(brands, eq(brands.id, brandStats.brandId))
    .where(rankingWhere(filters))
    .as('ranking');
  const [row] = await db.select().from(ranking).where(eq(ranking.slug, slug)).limit(1);
  return row ? Number(row.position) : null;
}

/** How many brands are ranked (have a score) in each window: one grouped count over the aggregates. */
export async function countRankedByWindow(db: Db): Promise<Record<StatWindow, number>> {
  const rows = await db
    .select({ window: brandStats.window, ranked: sql<number>`count(*)::int` })
    .from(brandStats)
    .innerJoin(brands, eq(brands.id, brandStats.brandId))
    .where(and(isNull(brands.mergedIntoId), isNotNull(brandStats.score)))
    .groupBy(brandStats.window);
  const counts: Record<StatWindow, number> = { '30d': 0, '90d': 0, '12m': 0, all: 0 };
  for (const row of rows) counts[row.window] = Number(row.ranked);
  return counts;
}

/** The best and the worst ranked brands of a window, each list best-first and worst-first. */
export async function listRankingEnds(db: Db, window: StatWindow, count: number) {
  const where = and(eq(brandStats.window, window), isNull(brands.mergedIntoId), isNotNull(brandStats.score));
  const query = () =>
    db
      .select(rankingColumns)
      .from(brandStats)
      .innerJoin(brands, eq(brands.id, brandStats.brandId))
      .where(where);
  const [best, worst] = await Promise.all([
    query()
      .orderBy(...rankingOrder('score'))
      .limit(count),
    query()
      .orderBy(
        asc(brandStats.score),
        sql`${brandStats.postCount} asc nulls first`,
        sql`${brands.name} collate "und-x-icu" desc`,
      )
      .limit(count),
  ]);
  return { best, worst };
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
