import { describe, expect, it } from 'vitest';
import { brandPostsParams, rankingParams } from '../../src/domain/api-params.ts';
import { badgeText } from '../../src/domain/badge.ts';
import { badgeSvg } from '../../src/markup/badge.ts';
import { parseRankingQuery, rankBrand, sortRanking } from '../../src/domain/rankings.ts';
import type { BrandWindowCounts } from '../../src/domain/score.ts';

const counts = (overrides: Partial<BrandWindowCounts>): BrandWindowCounts => ({
  likes: 10,
  fails: 10,
  responseEligible: 10,
  answered: 5,
  firstResponseMedianSeconds: 3600,
  firstResponseP90Seconds: 7200,
  settled: 4,
  resolved: 2,
  verdicts: 4,
  wouldBuyAgain: 2,
  promisesKept: 1,
  promisesBroken: 1,
  longReplies: 4,
  templateReplies: 1,
  ...overrides,
});
const brand = (name: string, stats: Partial<BrandWindowCounts>) =>
  rankBrand(
    { slug: name.toLowerCase(), name, sector: 'telecom', country: null, verified: false },
    counts(stats),
  );

describe('rankings', () => {
  const fast = brand('Fast', { answered: 10, firstResponseMedianSeconds: 600 });
  const kind = brand('Kind', { likes: 30, fails: 2 });
  const tiny = brand('Tiny', {
    likes: 3,
    fails: 0,
    responseEligible: 0,
    answered: 0,
    settled: 0,
    resolved: 0,
    verdicts: 0,
    wouldBuyAgain: 0,
  });

  it('put brands with 10+ posts first, by score, and the rest after', () => {
    expect(sortRanking([tiny, fast, kind], 'score').map((b) => b.name)).toEqual(['Kind', 'Fast', 'Tiny']);
  });

  it('sort by a figure when asked, fastest response first', () => {
    expect(sortRanking([kind, fast], 'firstResponse').map((b) => b.name)).toEqual(['Fast', 'Kind']);
    expect(sortRanking([kind, fast], 'responseRate').map((b) => b.name)).toEqual(['Fast', 'Kind']);
  });

  it('read the query string leniently: an unknown value falls back to the default', () => {
    expect(parseRankingQuery(new URLSearchParams('window=fortnight&sort=height&country=fr'))).toEqual({
      window: '12m',
      sector: null,
      country: 'FR',
      sort: 'score',
      page: 1,
    });
    expect(parseRankingQuery(new URLSearchParams('page=3')).page).toBe(3);
    expect(parseRankingQuery(new URLSearchParams('page=-2')).page).toBe(1);
  });
});

describe('API parameters', () => {
  it('are strict: an unknown parameter or value is an error, not ignored', () => {
    expect(rankingParams.safeParse({ window: 'fortnight' }).success).toBe(false);
    expect(brandPostsParams.safeParse({ kinds: 'fail' }).success).toBe(false);
    expect(brandPostsParams.safeParse({ cursor: 'garbage' }).success).toBe(false);
    expect(brandPostsParams.parse({ limit: '30' }).limit).toBe(30);
    expect(brandPostsParams.safeParse({ limit: '500' }).success).toBe(false);
  });
});

describe('the badge', () => {
  it('says how many fails the brand answers and how fast', () => {
    expect(badgeText(47, 50, 3 * 3600)).toBe('answers 94 % of fails · median 3 h');
    expect(badgeText(0, 0, null)).toBe('no fails to answer yet');
  });

  it('escapes the brand name in the SVG', () => {
    const svg = badgeSvg('A&B <Co>', 'answers 50 % of fails');
    expect(svg).toContain('A&amp;B &lt;Co&gt;');
    expect(svg).not.toContain('<Co>');
  });
});
