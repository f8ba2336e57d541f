import { describe, expect, it } from 'vitest';
import {
  MIN_POSTS_TO_RANK,
  SCORE_WEIGHTS,
  compareForRanking,
  computeFigures,
  computeScore,
  laplace,
  median,
  percentileCont,
  speedScore,
  wilsonLowerBound,
  type BrandWindowCounts,
  type RankingEntry,
} from '../../src/domain/score.ts';

const hour = 3600;
const day = 24 * hour;

const noActivity: BrandWindowCounts = {
  likes: 0,
  fails: 0,
  responseEligible: 0,
  answered: 0,
  firstResponseMedianSeconds: null,
  firstResponseP90Seconds: null,
  settled: 0,
  resolved: 0,
  verdicts: 0,
  wouldBuyAgain: 0,
  promisesKept: 0,
  promisesBroken: 0,
  longReplies: 0,
  templateReplies: 0,
};

/** A brand with 40 posts in the window; the worked example below uses it. */
const busyBrand: BrandWindowCounts = {
  likes: 24,
  fails: 16,
  responseEligible: 14,
  answered: 12,
  firstResponseMedianSeconds: day,
  firstResponseP90Seconds: 5 * day,
  settled: 10,
  resolved: 6,
  verdicts: 8,
  wouldBuyAgain: 5,
  promisesKept: 3,
  promisesBroken: 1,
  longReplies: 10,
  templateReplies: 2,
};

describe('the score weights', () => {
  it('add up to 1 so the score spans 0 to 100', () => {
    const total = Object.values(SCORE_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('are listed in the order of DESIGN §5 with its values', () => {
    expect(Object.entries(SCORE_WEIGHTS)).toEqual([
      ['likeShare', 0.35],
      ['responseRate', 0.2],
      ['resolutionRate', 0.2],
      ['promisesKept', 0.1],
      ['speed', 0.1],
      ['personalReplies', 0.05],
    ]);
  });
});

describe('the Wilson lower bound', () => {
  it('of 8 likes out of 10 is about 0.4902', () => {
    // z² = 3.841459, n = 10, p = 0.8
    // centre = 0.8 + 3.841459 / 20                          = 0.992073
    // margin = 1.959964 × √(0.8 × 0.2 / 10 + 3.841459 / 400) = 1.959964 × √0.025604 = 0.313617
    // bound  = (0.992073 − 0.313617) / (1 + 3.841459 / 10)  = 0.678456 / 1.384146 = 0.490162
    expect(wilsonLowerBound(8, 10)).toBeCloseTo(0.490162, 6);
  });

  it('is 0 when there are no trials', () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
  });

  it('is 0, never slightly negative, when nothing succeeded', () => {
    expect(wilsonLowerBound(0, 10)).toBe(0);
  });

  it('stays below 1 even when every trial succeeded', () => {
    // p = 1: centre = 1 + 0.192073, margin = 1.959964 × √(3.841459 / 400) = 0.192073,
    // bound = (1.192073 − 0.192073) / 1.384146 = 1 / 1.384146 = 0.722467
    expect(wilsonLowerBound(10, 10)).toBeCloseTo(0.722467, 6);
  });

  it('ranks 90 likes out of 100 above 3 out of 3', () => {
    // 3/3: 1 / (1 + 3.841459 / 3) = 0.438503; 90/100 ≈ 0.825
    expect(wilsonLowerBound(3, 3)).toBeCloseTo(0.438503, 6);
    expect(wilsonLowerBound(90, 100)).toBeGreaterThan(wilsonLowerBound(3, 3));
  });

  it('reduces to the plain share when z is 0', () => {
    expect(wilsonLowerBound(8, 10, 0)).toBeCloseTo(0.8, 12);
  });

  it('refuses more successes than trials', () => {
    expect(() => wilsonLowerBound(11, 10)).toThrow(RangeError);
  });
});

describe('Laplace smoothing', () => {
  it('gives 0.5 when nothing was observed', () => {
    expect(laplace(0, 0)).toBe(0.5);
  });

  it('adds one success and one failure', () => {
    // (9 + 1) / (10 + 2) = 10 / 12
    expect(laplace(9, 10)).toBeCloseTo(0.833333, 6);
    expect(laplace(0, 2)).toBe(0.25);
  });

  it('refuses negative counts', () => {
    expect(() => laplace(-1, 3)).toThrow(RangeError);
  });
});

describe('the speed term', () => {
  it('is 1 for a median first response of 4 hours or less', () => {
    expect(speedScore(4 * hour)).toBe(1);
    expect(speedScore(60)).toBe(1);
  });

  it('is 0 for a median first response of 7 days or more', () => {
    expect(speedScore(7 * day)).toBe(0);
    expect(speedScore(30 * day)).toBe(0);
  });

  it('is one half at the geometric midpoint of 4 hours and 7 days', () => {
    // √(14 400 × 604 800) = 93 322.7 s ≈ 25.9 h
    expect(speedScore(Math.sqrt(4 * hour * 7 * day))).toBeCloseTo(0.5, 12);
  });

  it('is about 0.5206 for a one-day median', () => {
    // 1 − ln(86 400 / 14 400) / ln(604 800 / 14 400) = 1 − ln 6 / ln 42 = 1 − 1.791759 / 3.737670 = 0.520621
    expect(speedScore(day)).toBeCloseTo(0.520621, 6);
  });

  it('is 0 for a brand that has answered no fail', () => {
    expect(speedScore(null)).toBe(0);
  });
});

describe('percentileCont, like PostgreSQL', () => {
  it('interpolates the median of an even count', () => {
    // position 0.5 × 3 = 1.5: halfway between 2 and 3
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it('interpolates the 90th percentile', () => {
    // position 0.9 × 3 = 2.7: 3 + 0.7 × (4 − 3) = 3.7, as `select percentile_cont(0.9) …` gives
    expect(percentileCont([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
  });

  it('sorts its input without changing it', () => {
    const values = [40, 10, 30, 20];
    expect(percentileCont(values, 0.9)).toBeCloseTo(37, 12);
    expect(values).toEqual([40, 10, 30, 20]);
  });

  it('gives the minimum at 0 and the maximum at 1', () => {
    expect(percentileCont([7, 3, 9], 0)).toBe(3);
    expect(percentileCont([7, 3, 9], 1)).toBe(9);
  });

  it('is null for no values, as SQL gives', () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(median([])).toBeNull();
  });

  it('refuses a fraction outside 0 to 1', () => {
    expect(() => percentileCont([1, 2], 1.5)).toThrow(RangeError);
  });

  it('takes the middle value as the median of an odd count', () => {
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('the published figures', () => {
  it('carry each rate with its numerator and denominator', () => {
    expect(computeFigures(busyBrand)).toEqual({
      likeShare: { likes: 24, total: 40, rate: 0.6, wilsonLowerBound: expect.closeTo(0.445959, 6) },
      responseRate: { answered: 12, eligible: 14, rate: 12 / 14 },
      resolutionRate: { resolved: 6, settled: 10, rate: 0.6 },
      wouldBuyAgain: { yes: 5, verdicts: 8, rate: 0.625 },
      promisesKept: { kept: 3, total: 4, rate: 0.75 },
      personalReplies: { personal: 8, long: 10, rate: 0.8 },
      firstResponse: { medianSeconds: day, p90Seconds: 5 * day },
    });
  });

  it('have no rate, rather than 0, when the denominator is 0', () => {
    const figures = computeFigures(noActivity);
    expect(figures.likeShare.rate).toBeNull();
    expect(figures.responseRate.rate).toBeNull();
    expect(figures.resolutionRate.rate).toBeNull();
    expect(figures.wouldBuyAgain.rate).toBeNull();
    expect(figures.promisesKept.rate).toBeNull();
    expect(figures.personalReplies.rate).toBeNull();
    expect(figures.likeShare.wilsonLowerBound).toBe(0);
  });

  it('refuse more template replies than long replies', () => {
    expect(() => computeFigures({ ...noActivity, longReplies: 1, templateReplies: 2 })).toThrow(RangeError);
  });
});

describe('the service score', () => {
  it('of the worked example is 59.1', () => {
    // like share   Wilson(24, 40): centre 0.6 + 3.841459/80 = 0.648018,
    //              margin 1.959964 × √(0.24/40 + 3.841459/6400) = 0.159231,
    //              (0.648018 − 0.159231) / 1.096036            = 0.445959   × 0.35 = 0.156086
    // response     laplace(12, 14) = 13/16                     = 0.812500   × 0.20 = 0.162500
    // resolution   laplace(6, 10)  = 7/12                      = 0.583333   × 0.20 = 0.116667
    // promises     laplace(3, 3+1) = 4/6                       = 0.666667   × 0.10 = 0.066667
    // speed        1 day: 1 − ln 6 / ln 42                     = 0.520621   × 0.10 = 0.052062
    // personal     laplace(10−2, 10) = 9/12                    = 0.750000   × 0.05 = 0.037500
    //                                                                          sum = 0.591482
    // 100 × 0.591482 = 59.148 → 59.1
    const result = computeScore(busyBrand);
    expect(result).toEqual({
      ranked: true,
      score: 59.1,
      postCount: 40,
      missingPosts: 0,
      components: {
        likeShare: { value: expect.closeTo(0.445959, 6), weight: 0.35 },
        responseRate: { value: 0.8125, weight: 0.2 },
        resolutionRate: { value: expect.closeTo(0.583333, 6), weight: 0.2 },
        promisesKept: { value: expect.closeTo(0.666667, 6), weight: 0.1 },
        speed: { value: expect.closeTo(0.520621, 6), weight: 0.1 },
        personalReplies: { value: 0.75, weight: 0.05 },
      },
    });
  });

  it('gives a brand that never answers nothing for speed and one half for unobserved rates', () => {
    // 10 likes, nothing else:
    // 0.35 × Wilson(10, 10) = 0.35 × 0.722467 = 0.252864
    // response, resolution, promises, personal: laplace(0, 0) = 0.5 → 0.5 × (0.2 + 0.2 + 0.1 + 0.05) = 0.275
    // speed: null median → 0
    // 100 × (0.252864 + 0.275) = 52.786 → 52.8
    expect(computeScore({ ...noActivity, likes: 10 }).score).toBe(52.8);
  });

  it('is not given to a brand with fewer than 10 posts, which is told how many are missing', () => {
    const result = computeScore({ ...busyBrand, likes: 4, fails: 2 });
    expect(result.ranked).toBe(false);
    expect(result.score).toBeNull();
    expect(result.postCount).toBe(6);
    expect(result.missingPosts).toBe(4);
    // the components are still there for the brand page
    expect(result.components.responseRate.value).toBe(0.8125);
  });

  it('is given from exactly 10 posts on', () => {
    expect(MIN_POSTS_TO_RANK).toBe(10);
    expect(computeScore({ ...noActivity, likes: 5, fails: 4 })).toMatchObject({
      ranked: false,
      missingPosts: 1,
    });
    expect(computeScore({ ...noActivity, likes: 5, fails: 5 })).toMatchObject({
      ranked: true,
      missingPosts: 0,
    });
  });
});

describe('the ranking order', () => {
  it('puts higher scores first, then more posts, then names A to Z whatever their case or accents', () => {
    const entries: RankingEntry[] = [
      { name: 'Unranked Co', score: null, postCount: 9 },
      { name: 'Fnac', score: 70, postCount: 30 },
      { name: 'Zalando', score: 70, postCount: 30 },
      { name: 'Émile & Co', score: 70, postCount: 30 },
      { name: 'apple', score: 70, postCount: 30 },
      { name: 'Busy', score: 70, postCount: 80 },
      { name: 'Best', score: 82.5, postCount: 12 },
      { name: 'Also unranked', score: null, postCount: 3 },
    ];
    // 'apple' before 'Zalando' and 'Émile' before 'Fnac': plain code-point order would reverse both.
    expect(entries.sort(compareForRanking).map((entry) => entry.name)).toEqual([
      'Best',
      'Busy',
      'apple',
      'Émile & Co',
      'Fnac',
      'Zalando',
      'Unranked Co',
      'Also unranked',
    ]);
  });
});
