/**
 * The rankings page's rules (DESIGN §5, §6): which brands are ranked, how
 * they are ordered by each figure, and what the query string may ask for.
 */
import { z } from 'zod';
import {
  compareForRanking,
  computeFigures,
  computeScore,
  type BrandFigures,
  type BrandScore,
  type BrandWindowCounts,
} from './score.ts';
import { SECTORS, STAT_WINDOWS, type Sector } from './vocabulary.ts';

export const RANKING_SORTS = [
  'score',
  'likeShare',
  'responseRate',
  'firstResponse',
  'resolutionRate',
  'promisesKept',
  'wouldBuyAgain',
  'personalReplies',
  'posts',
] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export const rankingQuerySchema = z.object({
  window: z.enum(STAT_WINDOWS).catch('12m'),
  sector: z.enum(SECTORS).nullable().catch(null),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .catch(null),
  sort: z.enum(RANKING_SORTS).catch('score'),
  /** 1-based page of /rankings; a bad value is page 1. */
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

export function parseRankingQuery(params: URLSearchParams): RankingQuery {
  return rankingQuerySchema.parse({
    window: params.get('window') ?? undefined,
    sector: params.get('sector'),
    country: params.get('country')?.toUpperCase() ?? null,
    sort: params.get('sort') ?? undefined,
    page: params.get('page') ?? undefined,
  });
}

export interface RankedBrand {
  slug: string;
  name: string;
  sector: Sector;
  country: string | null;
  verified: boolean;
  figures: BrandFigures;
  score: BrandScore;
}

export function rankBrand(
  brand: Omit<RankedBrand, 'figures' | 'score'>,
  stats: BrandWindowCounts,
): RankedBrand {
  return { ...brand, figures: computeFigures(stats), score: computeScore(stats) };
}

/** The value a sort compares; null sorts last. Lower is better only for response time. */
function sortValue(brand: RankedBrand, sort: RankingSort): number | null {
  const f = brand.figures;
  switch (sort) {
    case 'score':
      return brand.score.score;
    case 'likeShare':
      return f.likeShare.wilsonLowerBound;
    case 'responseRate':
      return f.responseRate.rate;
    case 'firstResponse':
      return f.firstResponse.medianSeconds === null ? null : -f.firstResponse.medianSeconds;
    case 'resolutionRate':
      return f.resolutionRate.rate;
    case 'promisesKept':
      return f.promisesKept.rate;
    case 'wouldBuyAgain':
      return f.wouldBuyAgain.rate;
    case 'personalReplies':
      return f.personalReplies.rate;
    case 'posts':
      return brand.score.postCount;
  }
}

/**
 * Ranked brands first (10+ posts), ordered by the chosen figure, ties by post
 * count then name; brands not ranked yet follow, by post count.
 */
export function sortRanking(brands: readonly RankedBrand[], sort: RankingSort): RankedBrand[] {
  const entry = (brand: RankedBrand) => ({
    name: brand.name,
    score: brand.score.score,
    postCount: brand.score.postCount,
  });
  return [...brands].sort((a, b) => {
    if (a.score.ranked !== b.score.ranked) return a.score.ranked ? -1 : 1;
    if (sort === 'score' || !a.score.ranked) return compareForRanking(entry(a), entry(b));
    const va = sortValue(a, sort);
    const vb = sortValue(b, sort);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return vb - va;
    }
    return compareForRanking(entry(a), entry(b));
  });
}
