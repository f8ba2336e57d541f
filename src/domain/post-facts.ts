/**
 * What one post contributes to its brand's statistics (DESIGN §5), and how a
 * change to the post moves them. The maintained aggregates are sums of these
 * contributions, so every write adds `after − before` of the one post it
 * touched instead of rescanning the brand (decision 004). Pure: the facts are
 * read by db/queries/post-facts.ts under the post's row lock.
 */
import type { Category, Channel, PostKind } from './vocabulary.ts';

export interface PostFacts {
  postId: number;
  brandId: number;
  createdAt: Date;
  kind: PostKind;
  /** Withdrawn and removed posts contribute nothing. */
  published: boolean;
  category: Category;
  channel: Channel;
  country: string | null;
  /** Closed as unconfirmed (a proposal left 30 days without a verdict). */
  unconfirmed: boolean;
  firstBrandReplyAt: Date | null;
  verdict: { resolved: boolean; wouldBuyAgain: boolean } | null;
  promisesKept: number;
  promisesBroken: number;
  /** Brand replies (not removed) of at least LONG_REPLY_WORDS words, and those marked template. */
  longReplies: number;
  templateReplies: number;
  meToos: number;
  /** Not a figure: read with the facts so one write re-applies the exceptional-story rule (stories.ts). */
  helpfulCount: number;
}

/**
 * The facts of a post just inserted, from its row: nothing has happened in its thread yet (no
 * reply, verdict, promise, "me too" or helpful mark), so the write need not read them back.
 */
export function factsOfNewPost(post: {
  id: number;
  brandId: number;
  createdAt: Date;
  kind: PostKind;
  visibility: string;
  category: Category;
  channel: Channel;
  country: string | null;
}): PostFacts {
  return {
    postId: post.id,
    brandId: post.brandId,
    createdAt: post.createdAt,
    kind: post.kind,
    published: post.visibility === 'published',
    category: post.category,
    channel: post.channel,
    country: post.country,
    unconfirmed: false,
    firstBrandReplyAt: null,
    verdict: null,
    promisesKept: 0,
    promisesBroken: 0,
    longReplies: 0,
    templateReplies: 0,
    meToos: 0,
    helpfulCount: 0,
  };
}

/** The additive figures of `brand_stats`, in its column order. */
export const STAT_COUNTERS = [
  'likes',
  'fails',
  'answered',
  'settled',
  'resolved',
  'verdicts',
  'wouldBuyAgain',
  'promisesKept',
  'promisesBroken',
  'longReplies',
  'templateReplies',
  'meToos',
] as const;
export type StatCounter = (typeof STAT_COUNTERS)[number];
export type StatCounters = Record<StatCounter, number>;

export function zeroCounters(): StatCounters {
  return Object.fromEntries(STAT_COUNTERS.map((name) => [name, 0])) as StatCounters;
}

/** The post's contribution to every window that contains it; zero when it is not published. */
export function countersOf(facts: PostFacts | null): StatCounters {
  const counters = zeroCounters();
  if (!facts?.published) return counters;
  const fail = facts.kind === 'fail';
  counters.likes = fail ? 0 : 1;
  counters.fails = fail ? 1 : 0;
  if (fail) {
    counters.answered = facts.firstBrandReplyAt ? 1 : 0;
    counters.settled = facts.verdict || facts.unconfirmed ? 1 : 0;
    counters.resolved = facts.verdict?.resolved ? 1 : 0;
    counters.verdicts = facts.verdict ? 1 : 0;
    counters.wouldBuyAgain = facts.verdict?.wouldBuyAgain ? 1 : 0;
    counters.meToos = facts.meToos;
  }
  counters.promisesKept = facts.promisesKept;
  counters.promisesBroken = facts.promisesBroken;
  counters.longReplies = facts.longReplies;
  counters.templateReplies = facts.templateReplies;
  return counters;
}

/** `target += sign × change`, in place. */
export function addCounters(target: StatCounters, change: StatCounters, sign: 1 | -1 = 1): StatCounters {
  for (const name of STAT_COUNTERS) target[name] += sign * change[name];
  return target;
}

export function isZero(counters: StatCounters): boolean {
  return STAT_COUNTERS.every((name) => counters[name] === 0);
}

/** One row of the category, channel and country breakdowns. */
export interface BreakdownCount {
  dimension: 'category' | 'channel' | 'country';
  value: string;
  likes: number;
  fails: number;
}

/** Unknown countries are counted under this value. */
export const NO_COUNTRY = '—';

export function breakdownsOf(facts: PostFacts | null): BreakdownCount[] {
  if (!facts?.published) return [];
  const likes = facts.kind === 'like' ? 1 : 0;
  const fails = 1 - likes;
  return [
    { dimension: 'category', value: facts.category, likes, fails },
    { dimension: 'channel', value: facts.channel, likes, fails },
    { dimension: 'country', value: facts.country ?? NO_COUNTRY, likes, fails },
  ];
}

/** `Σ sign × rows`, merged by dimension and value, without the rows that cancel out. */
export function sumBreakdowns(parts: readonly { rows: BreakdownCount[]; sign: 1 | -1 }[]): BreakdownCount[] {
  const sums = new Map<string, BreakdownCount>();
  for (const { rows, sign } of parts) {
    for (const row of rows) {
      const key = `${row.dimension}\u0000${row.value}`;
      const sum = sums.get(key) ?? { dimension: row.dimension, value: row.value, likes: 0, fails: 0 };
      sum.likes += sign * row.likes;
      sum.fails += sign * row.fails;
      sums.set(key, sum);
    }
  }
  return [...sums.values()].filter((row) => row.likes !== 0 || row.fails !== 0);
}

/** Seconds from the post to the brand's first reply, for a published, answered fail; else null. */
export function firstResponseSeconds(facts: PostFacts | null): number | null {
  if (!facts?.published || facts.kind !== 'fail' || !facts.firstBrandReplyAt) return null;
  return (facts.firstBrandReplyAt.getTime() - facts.createdAt.getTime()) / 1000;
}

/** The UTC month ("YYYY-MM-01") a post counts in on the charts. */
export function monthOf(createdAt: Date): string {
  return `${createdAt.toISOString().slice(0, 7)}-01`;
}
