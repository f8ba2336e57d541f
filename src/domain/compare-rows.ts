/**
 * The rows of the compare table: every published figure of a brand with what
 * it is counted over ("82 % of 57 fails"), and the number the best of a row is
 * chosen by. Pure: a row names its figure and each cell holds the facts;
 * src/i18n/reader-words.ts writes them in the page's language.
 */
import { bestPositions } from './compare.ts';
import type { BrandFigures, BrandScore } from './score.ts';

export interface CompareColumn {
  figures: BrandFigures;
  score: BrandScore;
}

/** What a rate is counted over: posts, fails due an answer, settled fails… */
export type CompareBasis = 'post' | 'fail' | 'settled-fail' | 'promise-due' | 'verdict' | 'long-reply';

export type CompareFacts =
  | { kind: 'score'; score: number | null; posts: number }
  | { kind: 'unranked'; posts: number; needed: number }
  | { kind: 'counts'; likes: number; fails: number }
  | { kind: 'rate'; rate: number | null; over: number; basis: CompareBasis }
  | { kind: 'no-basis' }
  | { kind: 'duration'; seconds: number; answered: number }
  | { kind: 'no-answered-fails' };

export type CompareFigure =
  | 'score'
  | 'likes-and-fails'
  | 'like-share'
  | 'fails-answered'
  | 'median-first-response'
  | 'p90-first-response'
  | 'resolved'
  | 'promises-kept'
  | 'would-buy-again'
  | 'personal-replies';

export interface CompareCell {
  facts: CompareFacts;
  best: boolean;
}

export interface CompareRow {
  figure: CompareFigure;
  cells: CompareCell[];
}

interface RowSpec {
  figure: CompareFigure;
  facts: (c: CompareColumn) => CompareFacts;
  /** The number the best is chosen by, null when there is none; no `value` means the row has no best. */
  value?: (c: CompareColumn) => number | null;
  better?: 'higher' | 'lower';
}

/** "82 % of 57 fails", or "none yet" when nothing is counted. */
const rateOf = (rate: number | null, over: number, basis: CompareBasis): CompareFacts =>
  over === 0 ? { kind: 'no-basis' } : { kind: 'rate', rate, over, basis };

const durationOf = (seconds: number | null, answered: number): CompareFacts =>
  seconds === null ? { kind: 'no-answered-fails' } : { kind: 'duration', seconds, answered };

const ROWS: RowSpec[] = [
  {
    figure: 'score',
    facts: ({ score }) =>
      score.ranked
        ? { kind: 'score', score: score.score, posts: score.postCount }
        : { kind: 'unranked', posts: score.postCount, needed: score.postCount + score.missingPosts },
    value: ({ score }) => score.score,
    better: 'higher',
  },
  {
    figure: 'likes-and-fails',
    facts: ({ figures: f }) => ({
      kind: 'counts',
      likes: f.likeShare.likes,
      fails: f.likeShare.total - f.likeShare.likes,
    }),
  },
  {
    figure: 'like-share',
    facts: ({ figures: f }) => rateOf(f.likeShare.rate, f.likeShare.total, 'post'),
    value: ({ figures: f }) => f.likeShare.rate,
    better: 'higher',
  },
  {
    figure: 'fails-answered',
    facts: ({ figures: f }) => rateOf(f.responseRate.rate, f.responseRate.eligible, 'fail'),
    value: ({ figures: f }) => f.responseRate.rate,
    better: 'higher',
  },
  {
    figure: 'median-first-response',
    facts: ({ figures: f }) => durationOf(f.firstResponse.medianSeconds, f.responseRate.answered),
    value: ({ figures: f }) => f.firstResponse.medianSeconds,
    better: 'lower',
  },
  {
    figure: 'p90-first-response',
    facts: ({ figures: f }) => durationOf(f.firstResponse.p90Seconds, f.responseRate.answered),
    value: ({ figures: f }) => f.firstResponse.p90Seconds,
    better: 'lower',
  },
  {
    figure: 'resolved',
    facts: ({ figures: f }) => rateOf(f.resolutionRate.rate, f.resolutionRate.settled, 'settled-fail'),
    value: ({ figures: f }) => f.resolutionRate.rate,
    better: 'higher',
  },
  {
    figure: 'promises-kept',
    facts: ({ figures: f }) => rateOf(f.promisesKept.rate, f.promisesKept.total, 'promise-due'),
    value: ({ figures: f }) => f.promisesKept.rate,
    better: 'higher',
  },
  {
    figure: 'would-buy-again',
    facts: ({ figures: f }) => rateOf(f.wouldBuyAgain.rate, f.wouldBuyAgain.verdicts, 'verdict'),
    value: ({ figures: f }) => f.wouldBuyAgain.rate,
    better: 'higher',
  },
  {
    figure: 'personal-replies',
    facts: ({ figures: f }) => rateOf(f.personalReplies.rate, f.personalReplies.long, 'long-reply'),
    value: ({ figures: f }) => f.personalReplies.rate,
    better: 'higher',
  },
];

/** One row per figure, one cell per brand in the order given, the best of each row marked. */
export function compareRows(columns: readonly CompareColumn[]): CompareRow[] {
  return ROWS.map(({ figure, facts, value, better }) => {
    const best = value && better ? bestPositions(columns.map(value), better) : new Set<number>();
    return {
      figure,
      cells: columns.map((column, index) => ({ facts: facts(column), best: best.has(index) })),
    };
  });
}
