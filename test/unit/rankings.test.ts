import { describe, expect, it } from 'vitest';
import { brandPostsParams, rankingParams } from '../../src/domain/api-params.ts';
import { badgeOf as badgeFacts, type BadgeFigures } from '../../src/domain/badge.ts';
import { badgeText } from '../../src/i18n/reader-words.ts';
import { BADGE_FILLS, badgeSvg } from '../../src/markup/badge.ts';
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
  // The domain gives the facts and the tone; src/i18n/reader-words.ts words them (English here).
  const badgeOf = (input: BadgeFigures) => {
    const { words, tone } = badgeFacts(input);
    return { text: badgeText(words), tone };
  };
  const figures = (answered: number, eligible: number, medianSeconds: number | null = null) => ({
    fails: eligible,
    eligible,
    answered,
    medianSeconds,
  });

  it('says how many fails the brand answers and how fast, green from 90 %', () => {
    expect(badgeOf(figures(47, 50, 3 * 3600))).toEqual({
      text: 'answers 94 % of fails · median 3 h',
      tone: 'good',
    });
    expect(badgeOf(figures(9, 10)).tone).toBe('good');
  });

  it('turns amber below 90 % and red below 60 %', () => {
    expect(badgeOf(figures(89, 100)).tone).toBe('fair');
    expect(badgeOf(figures(6, 10)).tone).toBe('fair');
    expect(badgeOf(figures(59, 100))).toEqual({ text: 'answers 59 % of fails', tone: 'poor' });
  });

  it('is not rated yet with fewer than five fails to answer, and says what is true so far', () => {
    expect(badgeOf(figures(1, 4))).toEqual({
      text: 'not rated yet · answered 1 of 4 fails',
      tone: 'unrated',
    });
    expect(badgeOf(figures(0, 1)).text).toBe('not rated yet · answered 0 of 1 fail');
  });

  it('says a young fail waits for a reply instead of "no fails to answer yet"', () => {
    expect(badgeOf({ fails: 1, eligible: 0, answered: 0, medianSeconds: null })).toEqual({
      text: '1 fail, waiting for a reply',
      tone: 'unrated',
    });
    expect(badgeOf({ fails: 3, eligible: 0, answered: 0, medianSeconds: null }).text).toBe(
      '3 fails, waiting for replies',
    );
    expect(badgeOf({ fails: 0, eligible: 0, answered: 0, medianSeconds: null }).text).toBe(
      'no fails in 12 months',
    );
  });

  it('fills the SVG with the colour of its tone', () => {
    expect(badgeSvg('Northwind', { text: 'answers 40 % of fails', tone: 'poor' })).toContain(
      `fill="${BADGE_FILLS.poor}"`,
    );
    expect(badgeSvg('Northwind', { text: 'answers 95 % of fails', tone: 'good' })).not.toContain(
      BADGE_FILLS.poor,
    );
  });

  it('escapes the brand name in the SVG', () => {
    const svg = badgeSvg('A&B <Co>', { text: 'answers 50 % of fails', tone: 'poor' });
    expect(svg).toContain('A&amp;B &lt;Co&gt;');
    expect(svg).not.toContain('<Co>');
  });
});
