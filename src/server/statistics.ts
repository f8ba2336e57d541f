/**
 * Keeps a brand's statistics (DESIGN §5) current at a cost that does not grow
 * with the brand (decision 004):
 *
 * - a write reads its post's facts before and after (under the post's row
 *   lock) and adds the difference to every window that contains the post;
 * - windows move by subtracting the posts that left them since their start;
 * - the response-time percentiles are recomputed from an indexed range only
 *   when an answered fail enters, changes or leaves, and the score is
 *   recomputed from the row (src/domain/score.ts).
 *
 * All of it happens under a per-brand advisory lock taken after the post's
 * lock, so concurrent writers on one brand apply their changes one after the
 * other, each on top of the last committed state.
 */
import type { Db } from '../../db/client.ts';
import { readLeavingFacts, readPostFacts, type LeavingRange } from '../../db/queries/post-facts.ts';
import { recomputeBrandStats } from '../../db/queries/stats.ts';
import {
  applyBreakdownChanges,
  applyMonthlyChange,
  applyWindowChanges,
  insertWindowRows,
  lockBrandStatistics,
  readResponsePercentiles,
  readWindowRows,
  storeWindowFigures,
  type WindowChange,
} from '../../db/queries/stat-deltas.ts';
import {
  addCounters,
  breakdownsOf,
  countersOf,
  firstResponseSeconds,
  isZero,
  monthOf,
  sumBreakdowns,
  zeroCounters,
  type BreakdownCount,
  type PostFacts,
  type StatCounters,
} from '../domain/post-facts.ts';
import { computeFigures, computeScore } from '../domain/score.ts';
import { STAT_WINDOW_DAYS, STAT_WINDOWS, type StatWindow } from '../domain/vocabulary.ts';

const DAY_MS = 86_400_000;

/** How one post's contribution changed. */
interface PostChange {
  createdAt: Date;
  counters: StatCounters;
  breakdowns: BreakdownCount[];
  /** An answered fail entered, left or changed its first-response time. */
  responseTimesChanged: boolean;
}

/** Where a window starts at `now`: null for all time. */
function windowStartAt(window: StatWindow, now: Date): Date | null {
  const days = STAT_WINDOW_DAYS[window];
  return days === null ? null : new Date(now.getTime() - days * DAY_MS);
}

/** The post's facts now, for `recordPostChange` at the end of the write. Call with the post locked. */
export function readFactsBeforeChange(tx: Db, postId: number): Promise<PostFacts | null> {
  return readPostFacts(tx, postId);
}

/**
 * Applies what a write did to one post (its facts `before`, null for a new
 * post) to its brand's figures, in the write's transaction.
 */
export async function recordPostChange(
  tx: Db,
  before: PostFacts | null,
  postId: number,
  now: Date,
): Promise<void> {
  const after = await readPostFacts(tx, postId);
  if (!after) return;
  const change: PostChange = {
    createdAt: after.createdAt,
    counters: addCounters(countersOf(after), countersOf(before), -1),
    breakdowns: sumBreakdowns([
      { rows: breakdownsOf(after), sign: 1 },
      { rows: breakdownsOf(before), sign: -1 },
    ]),
    responseTimesChanged: firstResponseSeconds(before) !== firstResponseSeconds(after),
  };
  if (isZero(change.counters) && change.breakdowns.length === 0 && !change.responseTimesChanged) return;
  await updateBrandStatistics(tx, after.brandId, now, change);
}

/** Moves the brand's windows to `now` (posts that left them, fails past the 72-hour grace). */
export function rollBrandWindows(tx: Db, brandId: number, now: Date): Promise<void> {
  return updateBrandStatistics(tx, brandId, now, null);
}

async function updateBrandStatistics(
  tx: Db,
  brandId: number,
  now: Date,
  change: PostChange | null,
): Promise<void> {
  await lockBrandStatistics(tx, brandId);
  let rows = await readWindowRows(tx, brandId);
  if (rows.length < STAT_WINDOWS.length) {
    const present = new Set(rows.map((row) => row.window));
    const missing = STAT_WINDOWS.filter((window) => !present.has(window));
    await insertWindowRows(
      tx,
      brandId,
      missing.map((window) => ({ window, windowStart: windowStartAt(window, now) })),
      now,
    );
    rows = await readWindowRows(tx, brandId);
  }
  // A rolling window that does not know where it starts (rows written before decision 004) cannot
  // move by deltas: rebuild this brand once, which sets every start.
  if (rows.some((row) => row.windowStart === null && STAT_WINDOW_DAYS[row.window] !== null)) {
    await recomputeBrandStats(tx, now, brandId);
    return;
  }

  // Each window: the change if the post is inside it, and where it moves to. A writer whose clock
  // is a little behind the last one never moves a start backwards.
  const plans = rows.map((row) => {
    const target = windowStartAt(row.window, now);
    const start = row.windowStart;
    const newStart = target === null || start === null || target <= start ? start : target;
    const leaving: LeavingRange | null =
      start !== null && newStart !== null && newStart > start ? { from: start, to: newStart } : null;
    const contains = change !== null && (start === null || change.createdAt >= start);
    return { window: row.window, newStart, leaving, contains };
  });

  const left = await readLeavingFacts(
    tx,
    brandId,
    plans.flatMap((plan) => (plan.leaving ? [plan.leaving] : [])),
  );
  let percentilesChanged = change?.responseTimesChanged ?? false;
  const windowChanges: WindowChange[] = [];
  const breakdownChanges: { window: StatWindow; rows: BreakdownCount[] }[] = [];
  for (const plan of plans) {
    const counters = zeroCounters();
    const parts: { rows: BreakdownCount[]; sign: 1 | -1 }[] = [];
    if (plan.contains && change) {
      addCounters(counters, change.counters);
      parts.push({ rows: change.breakdowns, sign: 1 });
    }
    for (const facts of left) {
      if (!plan.leaving || facts.createdAt < plan.leaving.from || facts.createdAt >= plan.leaving.to)
        continue;
      addCounters(counters, countersOf(facts), -1);
      parts.push({ rows: breakdownsOf(facts), sign: -1 });
      if (firstResponseSeconds(facts) !== null) percentilesChanged = true;
    }
    windowChanges.push({ window: plan.window, counters, windowStart: plan.newStart });
    breakdownChanges.push({ window: plan.window, rows: sumBreakdowns(parts) });
  }

  const updated = await applyWindowChanges(tx, brandId, windowChanges, now);
  await applyBreakdownChanges(tx, brandId, breakdownChanges);
  if (change) {
    await applyMonthlyChange(
      tx,
      brandId,
      monthOf(change.createdAt),
      { likes: change.counters.likes, fails: change.counters.fails, answered: change.counters.answered },
      change.responseTimesChanged,
    );
  }

  const percentiles = percentilesChanged ? await readResponsePercentiles(tx, brandId, updated) : null;
  const figures = updated.map((row) => {
    const times = percentiles?.get(row.window);
    const withTimes = times
      ? {
          ...row,
          firstResponseMedianSeconds: times.medianSeconds,
          firstResponseP90Seconds: times.p90Seconds,
        }
      : row;
    return {
      window: row.window,
      firstResponseMedianSeconds: withTimes.firstResponseMedianSeconds,
      firstResponseP90Seconds: withTimes.firstResponseP90Seconds,
      score: computeScore(withTimes).score,
      likeShareLowerBound: computeFigures(withTimes).likeShare.wilsonLowerBound,
    };
  });
  const changed = figures.filter((figure) => {
    const row = updated.find((candidate) => candidate.window === figure.window)!;
    return (
      row.score !== figure.score ||
      row.likeShareLowerBound !== figure.likeShareLowerBound ||
      row.firstResponseMedianSeconds !== figure.firstResponseMedianSeconds ||
      row.firstResponseP90Seconds !== figure.firstResponseP90Seconds
    );
  });
  await storeWindowFigures(tx, brandId, changed);
}
