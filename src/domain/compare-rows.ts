/**
 * The rows of the compare table: every published figure of a brand written
 * with what it is counted over ("82 % of 57 fails"), and the number the best
 * of a row is chosen by. Pure; the page only lays the rows out.
 */
import { bestPositions } from './compare.ts';
import { formatRate, formatScore, formatSeconds } from './format-figures.ts';
import type { BrandFigures, BrandScore } from './score.ts';

export interface CompareColumn {
  figures: BrandFigures;
  score: BrandScore;
}

export interface CompareCell {
  text: string;
  best: boolean;
}

export interface CompareRow {
  label: string;
  cells: CompareCell[];
}

interface RowSpec {
  label: string;
  text: (c: CompareColumn) => string;
  /** The number the best is chosen by, null when there is none; no `value` means the row has no best. */
  value?: (c: CompareColumn) => number | null;
  better?: 'higher' | 'lower';
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** "82 % of 57 fails", or "none yet" when nothing is counted. */
const rateOf = (rate: number | null, denominator: number, one: string, many?: string) =>
  denominator === 0 ? '— (none yet)' : `${formatRate(rate)} of ${plural(denominator, one, many)}`;

const ROWS: RowSpec[] = [
  {
    label: 'Service score',
    text: ({ score }) =>
      score.ranked
        ? `${formatScore(score.score)} of 100, over ${plural(score.postCount, 'post')}`
        : `not ranked yet: ${plural(score.postCount, 'post')} of the ${score.postCount + score.missingPosts} needed`,
    value: ({ score }) => score.score,
    better: 'higher',
  },
  {
    label: 'Likes and fails',
    text: ({ figures: f }) =>
      `${plural(f.likeShare.likes, 'like')}, ${plural(f.likeShare.total - f.likeShare.likes, 'fail')}`,
  },
  {
    label: 'Like share',
    text: ({ figures: f }) => rateOf(f.likeShare.rate, f.likeShare.total, 'post'),
    value: ({ figures: f }) => f.likeShare.rate,
    better: 'higher',
  },
  {
    label: 'Fails answered',
    text: ({ figures: f }) => rateOf(f.responseRate.rate, f.responseRate.eligible, 'fail'),
    value: ({ figures: f }) => f.responseRate.rate,
    better: 'higher',
  },
  {
    label: 'Median first response',
    text: ({ figures: f }) =>
      f.firstResponse.medianSeconds === null
        ? '— (no answered fails yet)'
        : `${formatSeconds(f.firstResponse.medianSeconds)}, over ${plural(f.responseRate.answered, 'answered fail')}`,
    value: ({ figures: f }) => f.firstResponse.medianSeconds,
    better: 'lower',
  },
  {
    label: '90 % answered within',
    text: ({ figures: f }) =>
      f.firstResponse.p90Seconds === null
        ? '— (no answered fails yet)'
        : `${formatSeconds(f.firstResponse.p90Seconds)}, over ${plural(f.responseRate.answered, 'answered fail')}`,
    value: ({ figures: f }) => f.firstResponse.p90Seconds,
    better: 'lower',
  },
  {
    label: 'Resolved',
    text: ({ figures: f }) => rateOf(f.resolutionRate.rate, f.resolutionRate.settled, 'settled fail'),
    value: ({ figures: f }) => f.resolutionRate.rate,
    better: 'higher',
  },
  {
    label: 'Promises kept',
    text: ({ figures: f }) =>
      rateOf(f.promisesKept.rate, f.promisesKept.total, 'promise due', 'promises due'),
    value: ({ figures: f }) => f.promisesKept.rate,
    better: 'higher',
  },
  {
    label: 'Would buy again',
    text: ({ figures: f }) => rateOf(f.wouldBuyAgain.rate, f.wouldBuyAgain.verdicts, 'verdict'),
    value: ({ figures: f }) => f.wouldBuyAgain.rate,
    better: 'higher',
  },
  {
    label: 'Personal replies',
    text: ({ figures: f }) =>
      rateOf(f.personalReplies.rate, f.personalReplies.long, 'reply of 12+ words', 'replies of 12+ words'),
    value: ({ figures: f }) => f.personalReplies.rate,
    better: 'higher',
  },
];

/** One row per figure, one cell per brand in the order given, the best of each row marked. */
export function compareRows(columns: readonly CompareColumn[]): CompareRow[] {
  return ROWS.map(({ label, text, value, better }) => {
    const best = value && better ? bestPositions(columns.map(value), better) : new Set<number>();
    return { label, cells: columns.map((column, index) => ({ text: text(column), best: best.has(index) })) };
  });
}
