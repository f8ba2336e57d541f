/**
 * An independent recomputation of the aggregates from raw facts, written from
 * DESIGN §5 alone (no SQL shared with db/queries/stats.ts), so tests can check
 * the maintained rows and the open data against it.
 */
import { percentileCont } from '../../src/domain/score.ts';
import { STAT_WINDOW_DAYS, type StatWindow } from '../../src/domain/vocabulary.ts';

export interface PostFacts {
  brand: string;
  kind: 'like' | 'fail';
  status: string | null;
  createdAt: Date;
  firstBrandReplyAt: Date | null;
  verdictResolved: boolean | null;
  wouldBuyAgain: boolean | null;
  promisesKept: number;
  promisesBroken: number;
  longReplies: number;
  templateReplies: number;
  meToos: number;
}

export interface Counts {
  likes: number;
  fails: number;
  responseEligible: number;
  answered: number;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  settled: number;
  resolved: number;
  verdicts: number;
  wouldBuyAgain: number;
  promisesKept: number;
  promisesBroken: number;
  longReplies: number;
  templateReplies: number;
  meToos: number;
}

const GRACE_MS = 72 * 3_600_000;

export function countsFor(posts: readonly PostFacts[], window: StatWindow, now: Date): Counts {
  const days = STAT_WINDOW_DAYS[window];
  const inWindow = posts.filter(
    (post) => days === null || post.createdAt.getTime() >= now.getTime() - days * 86_400_000,
  );
  const fails = inWindow.filter((post) => post.kind === 'fail');
  const answered = fails.filter((post) => post.firstBrandReplyAt !== null);
  const responseSeconds = answered.map(
    (post) => (post.firstBrandReplyAt!.getTime() - post.createdAt.getTime()) / 1000,
  );
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  const withVerdict = fails.filter((post) => post.verdictResolved !== null);
  return {
    likes: inWindow.length - fails.length,
    fails: fails.length,
    responseEligible: fails.filter(
      (post) => post.firstBrandReplyAt !== null || now.getTime() - post.createdAt.getTime() >= GRACE_MS,
    ).length,
    answered: answered.length,
    firstResponseMedianSeconds: round(percentileCont(responseSeconds, 0.5)),
    firstResponseP90Seconds: round(percentileCont(responseSeconds, 0.9)),
    settled:
      withVerdict.length +
      fails.filter((post) => post.verdictResolved === null && post.status === 'unconfirmed').length,
    resolved: withVerdict.filter((post) => post.verdictResolved).length,
    verdicts: withVerdict.length,
    wouldBuyAgain: withVerdict.filter((post) => post.wouldBuyAgain).length,
    promisesKept: inWindow.reduce((sum, post) => sum + post.promisesKept, 0),
    promisesBroken: inWindow.reduce((sum, post) => sum + post.promisesBroken, 0),
    longReplies: inWindow.reduce((sum, post) => sum + post.longReplies, 0),
    templateReplies: inWindow.reduce((sum, post) => sum + post.templateReplies, 0),
    meToos: fails.reduce((sum, post) => sum + post.meToos, 0),
  };
}
