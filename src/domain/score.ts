/**
 * The public figures and the service score (DESIGN §5), computed from one
 * brand's maintained aggregate row for one window.
 *
 * Every figure is returned with its numerator and denominator, because a
 * rate without the count behind it is not something a reader can judge.
 * The score mixes six rates:
 *
 *   score = 100 × ( 0.35 × like share (Wilson lower bound at 95 %)
 *                 + 0.20 × response rate       ┐
 *                 + 0.20 × resolution rate     │ each Laplace-smoothed:
 *                 + 0.10 × promises kept       │ (successes + 1) / (trials + 2)
 *                 + 0.05 × personal replies    ┘
 *                 + 0.10 × speed )  1 at ≤ 4 h, 0 at ≥ 7 days, log-linear between
 *
 * The like share uses the Wilson lower bound instead of Laplace because it is
 * the term that decides rankings: 3 likes out of 3 must not outrank 90 out of
 * 100. A brand needs 10 posts in the window before it gets a score at all.
 */

/** z for a two-sided 95 % interval (the 97.5th percentile of the standard normal). */
export const WILSON_Z_95 = 1.959963984540054;
export const MIN_POSTS_TO_RANK = 10;
/** A median first response this fast or faster earns the full speed term. */
export const SPEED_FULL_SECONDS = 4 * 60 * 60;
/** A median first response this slow or slower earns nothing for speed. */
export const SPEED_ZERO_SECONDS = 7 * 24 * 60 * 60;

/** The score's weights, in the order the method page prints them; they sum to 1. */
export const SCORE_WEIGHTS = {
  likeShare: 0.35,
  responseRate: 0.2,
  resolutionRate: 0.2,
  promisesKept: 0.1,
  speed: 0.1,
  personalReplies: 0.05,
} as const;

export type ScoreTerm = keyof typeof SCORE_WEIGHTS;

/**
 * The counts the figures need: a structural subset of the `brand_stats` row,
 * so the domain does not depend on the database layer.
 */
export type BrandWindowCounts = {
  readonly likes: number;
  readonly fails: number;
  readonly responseEligible: number;
  readonly answered: number;
  readonly firstResponseMedianSeconds: number | null;
  readonly firstResponseP90Seconds: number | null;
  readonly settled: number;
  readonly resolved: number;
  readonly verdicts: number;
  readonly wouldBuyAgain: number;
  readonly promisesKept: number;
  readonly promisesBroken: number;
  readonly longReplies: number;
  readonly templateReplies: number;
};

// Counts that break these invariants mean the aggregates are corrupt: fail loudly.
function assertCounts(successes: number, trials: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(`expected 0 ≤ successes ≤ trials (integers), got ${successes}/${trials}`);
  }
}

/** successes / trials, or null when there is nothing to divide by. */
function rateOrNull(successes: number, trials: number): number | null {
  assertCounts(successes, trials);
  return trials === 0 ? null : successes / trials;
}

/** Lower end of the Wilson score interval for a binomial proportion; 0 when there are no trials. */
export function wilsonLowerBound(successes: number, trials: number, z: number = WILSON_Z_95): number {
  assertCounts(successes, trials);
  if (trials === 0) return 0;
  const share = successes / trials;
  const zSquared = z * z;
  const centre = share + zSquared / (2 * trials);
  const margin = z * Math.sqrt((share * (1 - share)) / trials + zSquared / (4 * trials * trials));
  const bound = (centre - margin) / (1 + zSquared / trials);
  // At 0 successes centre and margin cancel; rounding may leave -1e-17.
  return Math.min(1, Math.max(0, bound));
}

/** Laplace's rule of succession: one success and one failure added, so few observations stay near 0.5. */
export function laplace(successes: number, trials: number): number {
  assertCounts(successes, trials);
  return (successes + 1) / (trials + 2);
}

/**
 * 1 when the median first response is at most 4 h, 0 at 7 days or more,
 * linear in ln(time) between (an hour's delay matters more early than late).
 * A brand with no answered fail (median null) gets 0: never answering is not fast.
 */
export function speedScore(medianFirstResponseSeconds: number | null): number {
  if (medianFirstResponseSeconds === null) return 0;
  if (medianFirstResponseSeconds <= SPEED_FULL_SECONDS) return 1;
  if (medianFirstResponseSeconds >= SPEED_ZERO_SECONDS) return 0;
  return (
    1 -
    (Math.log(medianFirstResponseSeconds) - Math.log(SPEED_FULL_SECONDS)) /
      (Math.log(SPEED_ZERO_SECONDS) - Math.log(SPEED_FULL_SECONDS))
  );
}

/**
 * PostgreSQL's `percentile_cont(p)`: sort, take the value at position
 * p × (n − 1), interpolating linearly between the two closest ranks.
 * Null for no values, as in SQL.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be in [0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lowerIndex = Math.floor(position);
  const upperIndex = Math.ceil(position);
  const lower = sorted[lowerIndex] as number;
  const upper = sorted[upperIndex] as number;
  return lower + (upper - lower) * (position - lowerIndex);
}

export function median(values: readonly number[]): number | null {
  return percentileCont(values, 0.5);
}

export type BrandFigures = {
  likeShare: { likes: number; total: number; rate: number | null; wilsonLowerBound: number };
  responseRate: { answered: number; eligible: number; rate: number | null };
  resolutionRate: { resolved: number; settled: number; rate: number | null };
  wouldBuyAgain: { yes: number; verdicts: number; rate: number | null };
  promisesKept: { kept: number; total: number; rate: number | null };
  personalReplies: { personal: number; long: number; rate: number | null };
  firstResponse: { medianSeconds: number | null; p90Seconds: number | null };
};

/** The published figures, raw (unsmoothed), each with the counts behind it. */
export function computeFigures(stats: BrandWindowCounts): BrandFigures {
  const total = stats.likes + stats.fails;
  const promisesTotal = stats.promisesKept + stats.promisesBroken;
  const personal = stats.longReplies - stats.templateReplies;
  return {
    likeShare: {
      likes: stats.likes,
      total,
      rate: rateOrNull(stats.likes, total),
      wilsonLowerBound: wilsonLowerBound(stats.likes, total),
    },
    responseRate: {
      answered: stats.answered,
      eligible: stats.responseEligible,
      rate: rateOrNull(stats.answered, stats.responseEligible),
    },
    resolutionRate: {
      resolved: stats.resolved,
      settled: stats.settled,
      rate: rateOrNull(stats.resolved, stats.settled),
    },
    wouldBuyAgain: {
      yes: stats.wouldBuyAgain,
      verdicts: stats.verdicts,
      rate: rateOrNull(stats.wouldBuyAgain, stats.verdicts),
    },
    promisesKept: {
      kept: stats.promisesKept,
      total: promisesTotal,
      rate: rateOrNull(stats.promisesKept, promisesTotal),
    },
    // 1 − template/long, written as personal/long: the same number, and it validates template ≤ long.
    personalReplies: {
      personal,
      long: stats.longReplies,
      rate: rateOrNull(personal, stats.longReplies),
    },
    firstResponse: {
      medianSeconds: stats.firstResponseMedianSeconds,
      p90Seconds: stats.firstResponseP90Seconds,
    },
  };
}

export type ScoreComponent = { value: number; weight: number };

export type BrandScore = {
  ranked: boolean;
  /** 0–100 with one decimal, null while the brand has fewer than MIN_POSTS_TO_RANK posts. */
  score: number | null;
  postCount: number;
  /** Posts still needed to be ranked; 0 once ranked. */
  missingPosts: number;
  /** Each term's value as it enters the sum (already smoothed or bounded) and its weight. */
  components: Record<ScoreTerm, ScoreComponent>;
};

/**
 * Rounds half up to one decimal. The 1e-9 nudge keeps a true half that binary
 * floating point stores just below it (100 × 0.5015 is 50.14999…) from rounding down.
 */
function roundToTenth(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}

export function computeScore(stats: BrandWindowCounts): BrandScore {
  const postCount = stats.likes + stats.fails;
  const figures = computeFigures(stats);
  const components: Record<ScoreTerm, ScoreComponent> = {
    likeShare: { value: figures.likeShare.wilsonLowerBound, weight: SCORE_WEIGHTS.likeShare },
    responseRate: {
      value: laplace(stats.answered, stats.responseEligible),
      weight: SCORE_WEIGHTS.responseRate,
    },
    resolutionRate: {
      value: laplace(stats.resolved, stats.settled),
      weight: SCORE_WEIGHTS.resolutionRate,
    },
    promisesKept: {
      value: laplace(figures.promisesKept.kept, figures.promisesKept.total),
      weight: SCORE_WEIGHTS.promisesKept,
    },
    speed: { value: speedScore(stats.firstResponseMedianSeconds), weight: SCORE_WEIGHTS.speed },
    personalReplies: {
      value: laplace(figures.personalReplies.personal, figures.personalReplies.long),
      weight: SCORE_WEIGHTS.personalReplies,
    },
  };
  // The components are still returned below the threshold so the brand page can show them.
  if (postCount < MIN_POSTS_TO_RANK) {
    return { ranked: false, score: null, postCount, missingPosts: MIN_POSTS_TO_RANK - postCount, components };
  }
  let weightedSum = 0;
  for (const { value, weight } of Object.values(components)) weightedSum += value * weight;
  return { ranked: true, score: roundToTenth(100 * weightedSum), postCount, missingPosts: 0, components };
}

export type RankingEntry = { name: string; score: number | null; postCount: number };

/**
 * Sort order for rankings: score descending (unranked brands, score null,
 * after every ranked one), then more posts first, then name A→Z. Names compare
 * with a fixed 'en' collation so the order does not depend on the server's locale.
 */
export function compareForRanking(a: RankingEntry, b: RankingEntry): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return b.score - a.score;
  }
  if (a.postCount !== b.postCount) return b.postCount - a.postCount;
  return a.name.localeCompare(b.name, 'en');
}
