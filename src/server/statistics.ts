/**
 * Keeps a brand's statistics (DESIGN §5) current at a cost that does not grow
 * with the brand, and exact however many write at once (decision 004):
 *
 * - a write reads its post's facts before and after (under the post's row
 *   lock) and adds the difference, in one statement at the end of its
 *   transaction, to every window row that contains the post, to their
 *   breakdowns and to the post's month. Only one writer of a brand adds at a
 *   time; one that finds another adding queues its change instead of waiting
 *   for that commit (decision 012), and the next writer to add takes the
 *   queue along — so writers of one busy brand commit together instead of in
 *   single file;
 * - the figures refresher, within a second of a write (and every minute for
 *   brands without writes), takes the brand's adding turn as a writer would
 *   (its writers queue meanwhile; none waits), adds what is queued, moves
 *   each window by subtracting the posts that left it, rolls the 72-hour
 *   grace by the unanswered fails that passed its line since the last move,
 *   and recomputes what cannot be added: the response-time percentiles and
 *   monthly medians (indexed ranges) and the score (src/domain/score.ts).
 *   The brand page shows the time of that refresh.
 */
import type { Database, Db } from '../../db/client.ts';
import { announceChange } from '../../db/queries/changes.ts';
import { readPostFacts, type LeavingRange } from '../../db/queries/post-facts.ts';
import { listWindowRows, recomputeBrandStats, type BrandWindowStats } from '../../db/queries/stats.ts';
import { readWindowMove } from '../../db/queries/window-move.ts';
import {
  dropQueuedDeltas,
  takeBrandFiguresAlone,
  takeQueuedDeltas,
  takeTurnOrQueue,
  waitForAddingTurn,
} from '../../db/queries/figure-turns.ts';
import {
  applyBreakdownChanges,
  applyPostDeltas,
  applyWindowChanges,
  insertWindowRows,
  listBrandsToRefresh,
  lockWindowRows,
  readResponsePercentiles,
  refreshMonths,
  storeWindowFigures,
  type PostDelta,
  type ResponseEligibility,
  type WindowChange,
  type WindowFigures,
} from '../../db/queries/stat-deltas.ts';
import {
  addCounters,
  breakdownsOf,
  countersOf,
  factsOfNewPost,
  firstResponseSeconds,
  isZero,
  monthOf,
  sumBreakdowns,
  zeroCounters,
  type BreakdownCount,
  type PostFacts,
} from '../domain/post-facts.ts';
import { computeFigures, computeScore } from '../domain/score.ts';
import { rebuildStories } from '../../db/queries/stories.ts';
import { recordStoryChange } from './stories.ts';
import { STAT_WINDOW_DAYS, STAT_WINDOWS, type StatWindow } from '../domain/vocabulary.ts';

const DAY_MS = 86_400_000;

/** Where a window starts at `now`: null for all time. */
function windowStartAt(window: StatWindow, now: Date): Date | null {
  const days = STAT_WINDOW_DAYS[window];
  return days === null ? null : new Date(now.getTime() - days * DAY_MS);
}

/** Starts a brand's missing window rows, empty, each window ending at `now`. */
function startWindowRows(tx: Db, brandId: number, windows: readonly StatWindow[], now: Date) {
  const rows = windows.map((window) => ({ window, windowStart: windowStartAt(window, now) }));
  return insertWindowRows(tx, brandId, rows, now);
}

/** What is computed from a window row's counts and response times: its score and like share's bound. */
function figuresOf(
  row: Parameters<typeof computeScore>[0] & { brandId: number; window: StatWindow },
): WindowFigures {
  return {
    brandId: row.brandId,
    window: row.window,
    firstResponseMedianSeconds: row.firstResponseMedianSeconds,
    firstResponseP90Seconds: row.firstResponseP90Seconds,
    score: computeScore(row).score,
    likeShareLowerBound: computeFigures(row).likeShare.wilsonLowerBound,
  };
}

function eligibility(facts: PostFacts | null): ResponseEligibility {
  if (!facts?.published || facts.kind !== 'fail') return 'never';
  return facts.firstBrandReplyAt ? 'answered' : 'by_age';
}

/** The post's facts now, for `recordPostChange` at the end of the write. Call with the post locked. */
export function readFactsBeforeChange(tx: Db, postId: number): Promise<PostFacts | null> {
  return readPostFacts(tx, postId);
}

/**
 * Applies what a write did to one post (its facts `before`, null for a new
 * post) to its brand's figures, in the write's transaction: added to the rows
 * at once when no other writer of the brand is adding, queued otherwise (the
 * next one to add, or the refresher within a second, adds it). Call it last:
 * from here to the commit the refresher of this brand waits for this write.
 */
export async function recordPostChange(
  tx: Db,
  before: PostFacts | null,
  postId: number,
  now: Date,
): Promise<void> {
  const after = await readPostFacts(tx, postId);
  if (after) await recordFactsChange(tx, before, after, now);
}

/**
 * What a post just inserted changes in its brand's figures (its facts come from its row, not read
 * back), or null when nothing: the first half of `recordPostChange` for a new post, so that the
 * write can send its turn (`takeTurnOrQueue`) with its other statements; `addOnOurTurn` is the
 * second. A new post is never an exceptional story (nothing has happened in its thread yet).
 */
export function newPostDelta(post: Parameters<typeof factsOfNewPost>[0]): PostDelta | null {
  return deltaOf(null, factsOfNewPost(post));
}

/** After `takeTurnOrQueue` with `delta`: when the turn was this writer's, it adds the queue and `delta`. */
export async function addOnOurTurn(
  tx: Db,
  brandId: number,
  turn: Awaited<ReturnType<typeof takeTurnOrQueue>>,
  delta: PostDelta,
  now: Date,
): Promise<void> {
  if (turn.adding) await addDeltas(tx, brandId, [...turn.queued, delta], now);
}

/** The change from `before` to `after` in the brand's figures, or null when there is none. */
function deltaOf(before: PostFacts | null, after: PostFacts): PostDelta | null {
  const counters = addCounters(countersOf(after), countersOf(before), -1);
  const breakdowns = sumBreakdowns([
    { rows: breakdownsOf(after), sign: 1 },
    { rows: breakdownsOf(before), sign: -1 },
  ]);
  const responseTimesChanged = firstResponseSeconds(before) !== firstResponseSeconds(after);
  const eligibilityBefore = eligibility(before);
  const eligibilityAfter = eligibility(after);
  if (
    isZero(counters) &&
    breakdowns.length === 0 &&
    !responseTimesChanged &&
    eligibilityBefore === eligibilityAfter
  ) {
    return null;
  }
  return {
    createdAt: after.createdAt,
    counters,
    eligibilityBefore,
    eligibilityAfter,
    breakdowns,
    month: monthOf(after.createdAt),
    responseTimesChanged,
  };
}

async function recordFactsChange(tx: Db, before: PostFacts | null, after: PostFacts, now: Date) {
  // The same before/after pair says whether the post entered or left the exceptional stories.
  await recordStoryChange(tx, before, after, now);
  const delta = deltaOf(before, after);
  if (!delta) return;
  // One statement: queued at once when another writer of this brand is adding (no waiting for its
  // commit); otherwise ours to add, with whatever other writers queued meanwhile, in one more.
  const turn = await takeTurnOrQueue(tx, after.brandId, delta);
  await addOnOurTurn(tx, after.brandId, turn, delta, now);
}

/** Adds (and removes) every change queued for the brand: with its adding turn, or holding it alone. */
async function addQueuedDeltas(tx: Db, brandId: number, now: Date): Promise<void> {
  await addDeltas(tx, brandId, await takeQueuedDeltas(tx, brandId), now);
}

/** Adds changes to the brand's rows in one statement, creating the rows for its first figure. */
async function addDeltas(tx: Db, brandId: number, deltas: readonly PostDelta[], now: Date): Promise<void> {
  if (await applyPostDeltas(tx, brandId, deltas)) return;
  // The brand's first figure: its rows start empty, windows ending now.
  await startWindowRows(tx, brandId, STAT_WINDOWS, now);
  await applyPostDeltas(tx, brandId, deltas);
}

/**
 * How long a brand's windows may stay where they are while its figures are refreshed in place: the
 * refresh that runs every second moves them only once a row is this old. A window that starts up to
 * a minute early, and a 72-hour grace judged up to a minute ago, change no figure anyone reads; the
 * maintenance moves every window each minute anyway.
 */
const WINDOWS_STAY_MS = 60_000;

type StaleWindows = { window: StatWindow; windowStart: Date | null }[] | null;

/**
 * The figures refresh of one brand, holding only its adding turn, as a writer would: its writers
 * go on writing meanwhile, queuing their changes, and none of them waits for it (decision 012).
 *
 * 1. It adds what was queued. While its windows may stay (`moveWindows: 'when due'`, rows computed
 *    less than a minute ago) it refreshes in place: the stale months' medians and the score from
 *    the rows, and clears the requests. Otherwise it moves each window to `now`, reading the queue,
 *    the posts that leave and the fails that passed the grace in one snapshot (`readWindowMove`),
 *    then recounts the same. Rows that are incomplete or from before decision 004 are rebuilt
 *    instead, holding the brand alone, in a transaction of their own (rare).
 * 2. If answered fails entered, left or changed, it reads the percentiles with no lock held and
 *    stores them as a writer would; a change committed after step 1 asks again, so the next refresh
 *    recomputes them.
 */
export async function refreshBrandFigures(
  db: Database,
  brandId: number,
  now: Date,
  { moveWindows }: { moveWindows: 'always' | 'when due' } = { moveWindows: 'always' },
): Promise<void> {
  const outcome = await db.transaction(async (tx) => {
    await waitForAddingTurn(tx, brandId);
    await addQueuedDeltas(tx, brandId, now);
    const rows = await lockWindowRows(tx, brandId);
    if (rows.length < STAT_WINDOWS.length || rows.some(startsUnknown)) return 'rebuild';
    const stay =
      moveWindows === 'when due' &&
      rows.every((row) => now.getTime() - row.computedAt.getTime() < WINDOWS_STAY_MS);
    return stay ? refreshInPlace(tx, brandId, rows, now) : moveWindowsOf(tx, brandId, rows, now);
  });
  const stale =
    outcome === 'rebuild' ? await db.transaction((tx) => rebuildAlone(tx, brandId, now)) : outcome;
  if (!stale) return;
  const percentiles = await readResponsePercentiles(db, brandId, stale);
  await db.transaction(async (tx) => {
    await waitForAddingTurn(tx, brandId);
    const rows = await lockWindowRows(tx, brandId);
    await storeWindowFigures(
      tx,
      rows.map((row) => {
        const times = percentiles.get(row.window);
        return figuresOf({
          ...row,
          ...(times && {
            firstResponseMedianSeconds: times.medianSeconds,
            firstResponseP90Seconds: times.p90Seconds,
          }),
        });
      }),
      { at: now, markRefreshed: false },
    );
  });
}

/** A rolling window whose row does not know where it starts (written before decision 004). */
const startsUnknown = (row: { window: StatWindow; windowStart: Date | null }) =>
  row.windowStart === null && STAT_WINDOW_DAYS[row.window] !== null;

/** The windows whose percentiles must be recomputed (all of them, as the rows now are), or null. */
const staleWindows = (rows: readonly BrandWindowStats[], stale: boolean): StaleWindows =>
  stale ? rows.map((row) => ({ window: row.window, windowStart: row.windowStart })) : null;

/**
 * The refresh in place, holding the brand's adding turn with `rows` (locked, the queue added)
 * unmoved: the score and the like share's bound from the rows as they are, the stale months'
 * medians, the breakdowns that writes brought to zero, and the requests cleared.
 */
async function refreshInPlace(
  tx: Db,
  brandId: number,
  rows: readonly BrandWindowStats[],
  now: Date,
): Promise<StaleWindows> {
  await Promise.all([
    refreshMonths(tx, brandId),
    applyBreakdownChanges(tx, brandId, []),
    storeWindowFigures(
      tx,
      rows.map((row) => figuresOf({ ...row, brandId })),
      { at: now },
    ),
  ]);
  return staleWindows(
    rows,
    rows.some((row) => row.percentilesStale),
  );
}

/**
 * Moves each of the brand's windows to its start at `now`, holding its adding turn (or the brand
 * alone) with `rows` locked: subtracts the posts that left, rolls the grace, recounts the stale
 * months' medians and the score, and clears the requests. The queue, the leaving posts and the
 * grace are read in one snapshot (`readWindowMove`), so that every write is either wholly before
 * the move (its change added to the rows as they were, its post read as it left it) or wholly
 * after it (its change still queued, judged against the moved rows by whoever adds it): decision
 * 012. Returns the windows whose percentiles must be recomputed, or null.
 */
async function moveWindowsOf(
  tx: Db,
  brandId: number,
  rows: readonly BrandWindowStats[],
  now: Date,
): Promise<StaleWindows> {
  // Each window moves to its start at `now`; never backwards (a refresher with a late clock).
  const plans = rows.map((row) => {
    const target = windowStartAt(row.window, now);
    const start = row.windowStart;
    const newStart = target === null || start === null || target <= start ? start : target;
    const leaving: LeavingRange | null =
      start !== null && newStart !== null && newStart > start ? { from: start, to: newStart } : null;
    return { window: row.window, newStart, leaving };
  });
  const { queued, leaving, passedGrace } = await readWindowMove(
    tx,
    brandId,
    plans.flatMap((plan) => (plan.leaving ? [plan.leaving] : [])),
    now,
  );
  const windowChanges: WindowChange[] = [];
  const breakdownChanges: { window: StatWindow; rows: BreakdownCount[] }[] = [];
  for (const plan of plans) {
    const counters = zeroCounters();
    const parts: { rows: BreakdownCount[]; sign: 1 | -1 }[] = [];
    for (const facts of leaving) {
      if (!plan.leaving || facts.createdAt < plan.leaving.from || facts.createdAt >= plan.leaving.to)
        continue;
      addCounters(counters, countersOf(facts), -1);
      parts.push({ rows: breakdownsOf(facts), sign: -1 });
    }
    windowChanges.push({
      window: plan.window,
      counters,
      windowStart: plan.newStart,
      passedGrace: passedGrace.get(plan.window) ?? 0,
    });
    breakdownChanges.push({ window: plan.window, rows: sumBreakdowns(parts) });
  }
  // The queued changes first, to the windows as they were; then the windows moved (returning the
  // rows as they now are), their breakdowns and the months.
  if (queued.length > 0) await applyPostDeltas(tx, brandId, queued);
  const [moved] = await Promise.all([
    applyWindowChanges(tx, brandId, windowChanges, now),
    applyBreakdownChanges(tx, brandId, breakdownChanges),
    refreshMonths(tx, brandId),
  ]);
  // The score and the like share's bound, from the rows.
  await storeWindowFigures(
    tx,
    moved.map((row) => figuresOf({ ...row, brandId })),
    { at: now },
  );
  // Percentiles read every answered fail of the brand's windows: only when one entered, left or
  // changed (the rows say so, the queued changes included), and after this transaction, with no
  // lock held.
  return staleWindows(
    moved,
    moved.some((row) => row.percentilesStale) ||
      leaving.some((facts) => firstResponseSeconds(facts) !== null),
  );
}

/**
 * Rare: the brand's rows are incomplete (a window added since they were made) or predate decision
 * 004 (a rolling window that does not know where it starts cannot move by deltas). Holding the
 * brand's figures alone (its writers wait), it rebuilds them from the posts, which sets every row,
 * start and percentile, and counts the queue too.
 */
async function rebuildAlone(tx: Db, brandId: number, now: Date): Promise<null> {
  await takeBrandFiguresAlone(tx, brandId);
  await rebuildBrandStatistics(tx, now, brandId);
  return null;
}

/**
 * Refreshes the brands whose writes asked for it, each in its own short
 * transactions, their windows moved only when due; returns how many. Run
 * every second by the background work (the maintenance moves every window
 * whose time has come each minute, `refreshBrandFigures` with its default).
 */
export async function refreshRequestedFigures(db: Database, now: Date, limit = 100): Promise<number> {
  const brandIds = await listBrandsToRefresh(db, limit);
  for (const brandId of brandIds) {
    await refreshBrandFigures(db, brandId, now, { moveWindows: 'when due' });
    await announceChange(db, { brandId, postId: null });
  }
  return brandIds.length;
}

/**
 * Rebuilds the figures of one brand (or every brand) from its posts: the
 * counts in SQL, then the scores from the rows. For the seed, brand merges,
 * rows from before decision 004, and the tests that compare with deltas.
 */
export async function rebuildBrandStatistics(
  tx: Db,
  now: Date,
  brandId: number | null = null,
): Promise<void> {
  // The posts already hold every queued change: counting them again would count them twice.
  await dropQueuedDeltas(tx, brandId);
  await recomputeBrandStats(tx, now, brandId);
  const rows = await listWindowRows(tx, brandId);
  await storeWindowFigures(tx, rows.map(figuresOf), { at: now });
  // The other reading maintained per post by the writes (the seeds write rows without them).
  await rebuildStories(tx, now, brandId);
}
