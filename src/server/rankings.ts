/** Builds ranked brand lists from the aggregates (shared by /rankings, the home page, /compare and the API). */
import type { Db } from '../../db/client.ts';
import { listBrandWindowStats } from '../../db/queries/rankings.ts';
import { rankBrand, sortRanking, type RankedBrand, type RankingSort } from '../domain/rankings.ts';
import type { StatWindow } from '../domain/vocabulary.ts';

export async function loadRanking(
  db: Db,
  options: {
    window: StatWindow;
    sector?: string | null | undefined;
    country?: string | null | undefined;
    sort?: RankingSort | undefined;
  },
): Promise<RankedBrand[]> {
  const rows = await listBrandWindowStats(db, options.window, {
    sector: options.sector ?? null,
    country: options.country ?? null,
  });
  const brands = rows.map((row) =>
    rankBrand(
      {
        slug: row.slug,
        name: row.name,
        sector: row.sector,
        country: row.country,
        verified: row.verifiedAt !== null,
      },
      row.stats,
    ),
  );
  return sortRanking(brands, options.sort ?? 'score');
}

/** The best and worst ranked brands of a window (the home page's "this month"). */
export async function topAndBottom(db: Db, window: StatWindow, count = 3) {
  const ranked = (await loadRanking(db, { window })).filter((brand) => brand.score.ranked);
  const top = ranked.slice(0, count);
  // Worst first; a brand already among the best is not listed again when few brands are ranked.
  const bottom = ranked.slice(Math.max(top.length, ranked.length - count)).reverse();
  return { top, bottom };
}
