/**
 * Ranked brand lists from the aggregates (shared by /rankings, the home page,
 * the method page and the API). The database orders and pages
 * (db/queries/rankings.ts); figures and scores are computed only for the rows
 * shown.
 */
import type { Db } from '../../db/client.ts';
import {
  countRanking,
  countRankedByWindow,
  listRankingEnds,
  listRankingPage,
  rankingPosition,
  type RankingFilters,
  type RankingRow,
} from '../../db/queries/rankings.ts';
import { chooseHomeWindow } from '../domain/home-rankings.ts';
import { rankBrand, type RankedBrand, type RankingSort } from '../domain/rankings.ts';
import type { StatWindow } from '../domain/vocabulary.ts';

/** Brands per page of /rankings. */
export const RANKING_PAGE_SIZE = 50;

export interface RankingOptions extends RankingFilters {
  sort?: RankingSort | undefined;
}

function toRankedBrand(row: RankingRow): RankedBrand {
  return rankBrand(
    {
      slug: row.slug,
      name: row.name,
      sector: row.sector,
      country: row.country,
      verified: row.verifiedAt !== null,
    },
    row.stats,
  );
}

/** The brands at positions offset … offset + limit − 1 of a ranking. */
export async function loadRankingPage(
  db: Db,
  options: RankingOptions,
  page: { offset: number; limit: number },
): Promise<RankedBrand[]> {
  const rows = await listRankingPage(db, options, options.sort ?? 'score', page);
  return rows.map(toRankedBrand);
}

/** How many brands the ranking holds, and how many are ranked (10+ posts). */
export function countRankedBrands(db: Db, filters: RankingFilters) {
  return countRanking(db, filters);
}

/** The 0-based position of a brand in the ranking (the API's `after` cursor), or null. */
export function positionInRanking(db: Db, options: RankingOptions, slug: string) {
  return rankingPosition(db, options, options.sort ?? 'score', slug);
}

/** The best and worst ranked brands of a window. */
export async function topAndBottom(db: Db, window: StatWindow, count = 3) {
  const { best, worst } = await listRankingEnds(db, window, count);
  const top = best.map(toRankedBrand);
  // Worst first; a brand already among the best is not listed again when few brands are ranked.
  const shown = new Set(top.map((brand) => brand.slug));
  const bottom = worst.map(toRankedBrand).filter((brand) => !shown.has(brand.slug));
  return { top, bottom };
}

/**
 * The home page's best and worst brands: over the shortest window that fills
 * both lists (src/domain/home-rankings.ts), with that window and how many
 * brands it ranks, so the page can say what it shows.
 */
export async function homeRankings(db: Db, count = 3) {
  const ranked = await countRankedByWindow(db);
  const window = chooseHomeWindow(ranked, count);
  return { window, ranked: ranked[window], ...(await topAndBottom(db, window, count)) };
}

/** Every brand of a ranking, in order. Pages never need it (they read a page); kept for `npm run bench`. */
export function loadRanking(db: Db, options: RankingOptions): Promise<RankedBrand[]> {
  return loadRankingPage(db, options, { offset: 0, limit: 1_000_000 });
}
