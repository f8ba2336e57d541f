/**
 * The SQL behind statistics maintained by deltas (decisions 004 and 012). A
 * write adds its post's change to the brand's rows in one statement
 * (`applyPostDelta`) when no other writer of the brand is adding one, and
 * queues it (`queuePostDelta`) when one is, so writers of one brand never wait
 * for each other's commit; queued changes are added by the next writer that
 * gets the rows, or by the figures refresher, which takes the brand's figures
 * for itself alone (`holdBrandFiguresAlone`), adds what is queued, rolls the
 * windows and recomputes what cannot be added: percentiles, the 72-hour grace,
 * the score.
 */
import { eq, sql } from 'drizzle-orm';
import type { BreakdownCount, StatCounters } from '../../src/domain/post-facts.ts';
import { RESPONSE_GRACE_HOURS, type StatWindow } from '../../src/domain/vocabulary.ts';
import { rowsOf, type Db } from '../client.ts';
import { brandStats, queuedStatDeltas } from '../schema.ts';
import type { BrandWindowStats } from './stats.ts';

// Arbitrary, fixed first keys of transaction-scoped advisory locks (the second is the brand id).
const BRAND_FIGURES_LOCK = 7_236_408;
const BRAND_FIGURES_ADDER_LOCK = 7_236_409;

/**
 * The brand's window rows, locked until the transaction ends (in window order, as every writer's
 * update takes them). Call it after `holdBrandFiguresAlone` or `tryToAddToBrandFigures`.
 */
export function lockWindowRows(db: Db, brandId: number): Promise<BrandWindowStats[]> {
  return db
    .select()
    .from(brandStats)
    .where(eq(brandStats.brandId, brandId))
    .orderBy(brandStats.window)
    .for('update');
}

/**
 * A writer's share of the brand's figures, until the transaction ends: any number of writers hold
 * it at once; it only waits while a refresher or a rebuild holds them alone. Take it before the
 * write's change reaches the figures, so what those read (posts and queued changes) cannot move
 * under them.
 */
export async function shareBrandFigures(db: Db, brandId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${BRAND_FIGURES_LOCK}::int, ${brandId}::int)`);
}

/**
 * The brand's figures for this transaction alone (the refresher, a rebuild, a merge): waits for the
 * writers holding a share to commit, and holds new ones back until this transaction ends.
 */
export async function holdBrandFiguresAlone(db: Db, brandId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${BRAND_FIGURES_LOCK}::int, ${brandId}::int)`);
  await lockWindowRows(db, brandId);
}

/**
 * True when this writer may add to the brand's rows now (no other writer is adding until this
 * transaction ends); false at once, without waiting, when another is: then queue the change.
 */
export async function tryToAddToBrandFigures(db: Db, brandId: number): Promise<boolean> {
  const [row] = rowsOf<{ adding: boolean }>(
    await db.execute(
      sql`select pg_try_advisory_xact_lock(${BRAND_FIGURES_ADDER_LOCK}::int, ${brandId}::int) as adding`,
    ),
  );
  return Boolean(row?.adding);
}

/** Waits for the brand's adding turn (held until the transaction ends); for the refresher's own additions. */
export async function waitToAddToBrandFigures(db: Db, brandId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${BRAND_FIGURES_ADDER_LOCK}::int, ${brandId}::int)`);
}

/** How a post counts in the response rate's denominator at a time `t`. */
export type ResponseEligibility =
  /** not a published fail */
  | 'never'
  /** answered: counted whatever its age */
  | 'answered'
  /** unanswered: counted once it is older than the 72-hour grace at `t` */
  | 'by_age';

export interface PostDelta {
  createdAt: Date;
  counters: StatCounters;
  eligibilityBefore: ResponseEligibility;
  eligibilityAfter: ResponseEligibility;
  breakdowns: readonly BreakdownCount[];
  month: string;
  /** An answered fail entered, left or changed: the month's median and the percentiles are stale. */
  responseTimesChanged: boolean;
}

/**
 * Adds one post's change to every window row of its brand that contains it,
 * to those windows' breakdowns and to its month, and asks for the figures
 * refresh — one statement, whose row locks last until the write commits. The
 * 72-hour grace is judged at each row's `computed_at`, the instant the row
 * describes. Returns false when the brand has no rows yet.
 */
export async function applyPostDelta(db: Db, brandId: number, delta: PostDelta): Promise<boolean> {
  const created = delta.createdAt.toISOString();
  const c = delta.counters;
  const eligibleAt = (kind: ResponseEligibility) =>
    kind === 'never'
      ? sql`0`
      : kind === 'answered'
        ? sql`1`
        : sql`(${created}::timestamptz <= s.computed_at - make_interval(hours => ${RESPONSE_GRACE_HOURS}))::int`;
  const breakdownRows = delta.breakdowns.map(
    (row) => sql`(${row.dimension}, ${row.value}, ${row.likes}::int, ${row.fails}::int)`,
  );
  const breakdowns =
    breakdownRows.length === 0
      ? sql``
      : sql`, b as (
          insert into brand_breakdowns (brand_id, "window", dimension, value, likes, fails)
          select ${brandId}, s."window", v.dimension, v.value, v.likes, v.fails
          from s cross join (values ${sql.join(breakdownRows, sql`, `)}) as v(dimension, value, likes, fails)
          on conflict (brand_id, "window", dimension, value) do update set
            likes = brand_breakdowns.likes + excluded.likes, fails = brand_breakdowns.fails + excluded.fails)`;
  const monthly =
    c.likes === 0 && c.fails === 0 && c.answered === 0 && !delta.responseTimesChanged
      ? sql``
      : sql`, m as (
          insert into brand_monthly_stats (brand_id, month, likes, fails, answered, median_stale)
          select ${brandId}, ${delta.month}::date, ${c.likes}::int, ${c.fails}::int, ${c.answered}::int,
            ${delta.responseTimesChanged}::boolean
          where exists (select 1 from s)
          on conflict (brand_id, month) do update set
            likes = brand_monthly_stats.likes + excluded.likes, fails = brand_monthly_stats.fails + excluded.fails,
            answered = brand_monthly_stats.answered + excluded.answered,
            median_stale = brand_monthly_stats.median_stale or excluded.median_stale)`;
  const [row] = rowsOf<{ windows: number }>(
    await db.execute(sql`
      with l as (
        -- Every locker of a brand's rows takes them in window order, so two writers never deadlock.
        select "window" from brand_stats where brand_id = ${brandId} order by "window" for update
      ), s as (
        update brand_stats s set
          likes = s.likes + ${c.likes}::int, fails = s.fails + ${c.fails}::int,
          answered = s.answered + ${c.answered}::int, settled = s.settled + ${c.settled}::int,
          resolved = s.resolved + ${c.resolved}::int, verdicts = s.verdicts + ${c.verdicts}::int,
          would_buy_again = s.would_buy_again + ${c.wouldBuyAgain}::int,
          promises_kept = s.promises_kept + ${c.promisesKept}::int,
          promises_broken = s.promises_broken + ${c.promisesBroken}::int,
          long_replies = s.long_replies + ${c.longReplies}::int,
          template_replies = s.template_replies + ${c.templateReplies}::int,
          me_toos = s.me_toos + ${c.meToos}::int,
          response_eligible = s.response_eligible + ${eligibleAt(delta.eligibilityAfter)} - ${eligibleAt(delta.eligibilityBefore)},
          refresh_requested = true,
          percentiles_stale = s.percentiles_stale or ${delta.responseTimesChanged}::boolean
        from l
        where s.brand_id = ${brandId} and s."window" = l."window"
          and (s.window_start is null or s.window_start <= ${created}::timestamptz)
        returning s."window"
      )${breakdowns}${monthly}
      select count(*)::int as windows from s`),
  );
  return Number(row?.windows ?? 0) > 0;
}

/** Queues a change another writer will add (see `tryToAddToBrandFigures`). */
export async function queuePostDelta(db: Db, brandId: number, delta: PostDelta): Promise<void> {
  await db.insert(queuedStatDeltas).values({
    brandId,
    delta: { ...delta, createdAt: delta.createdAt.toISOString() },
  });
}

/**
 * Removes and returns the brand's queued changes that this transaction sees, oldest first; the
 * caller adds them before it commits (the removal is undone with it otherwise).
 */
export async function takeQueuedDeltas(db: Db, brandId: number): Promise<PostDelta[]> {
  const taken = await db
    .delete(queuedStatDeltas)
    .where(eq(queuedStatDeltas.brandId, brandId))
    .returning({ id: queuedStatDeltas.id, delta: queuedStatDeltas.delta });
  return taken
    .sort((a, b) => a.id - b.id)
    .map((row) => {
      const delta = row.delta as unknown as PostDelta & { createdAt: string };
      return { ...delta, createdAt: new Date(delta.createdAt) };
    });
}

/** Forgets the brand's queued changes (or everyone's): a rebuild counts them from the posts. */
export async function dropQueuedDeltas(db: Db, brandId: number | null): Promise<void> {
  await db
    .delete(queuedStatDeltas)
    .where(brandId === null ? undefined : eq(queuedStatDeltas.brandId, brandId));
}

/** Creates the brand's missing window rows, empty, starting at the given instants. */
export async function insertWindowRows(
  db: Db,
  brandId: number,
  rows: readonly { window: StatWindow; windowStart: Date | null }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(brandStats)
    .values(
      rows.map((row) => ({ brandId, window: row.window, windowStart: row.windowStart, computedAt: now })),
    )
    .onConflictDoNothing();
}

export interface WindowChange {
  window: StatWindow;
  /** Added to the row's counters (negative for posts that left or lost a figure). */
  counters: StatCounters;
  windowStart: Date | null;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/**
 * Adds each window's counter changes, moves its start, and recounts the
 * response-rate denominator (fails minus the unanswered ones still inside the
 * 72-hour grace, an indexed range of the last three days). Returns the rows.
 */
export async function applyWindowChanges(
  db: Db,
  brandId: number,
  changes: readonly WindowChange[],
  now: Date,
): Promise<BrandWindowStats[]> {
  const graceStart = new Date(now.getTime() - RESPONSE_GRACE_HOURS * 3_600_000).toISOString();
  const values = sql.join(
    changes.map((change) => {
      const c = change.counters;
      return sql`(${change.window}::stat_window, ${iso(change.windowStart)}::timestamptz, ${c.likes}::int,
        ${c.fails}::int, ${c.answered}::int, ${c.settled}::int, ${c.resolved}::int, ${c.verdicts}::int,
        ${c.wouldBuyAgain}::int, ${c.promisesKept}::int, ${c.promisesBroken}::int, ${c.longReplies}::int,
        ${c.templateReplies}::int, ${c.meToos}::int)`;
    }),
    sql`, `,
  );
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      update brand_stats s set
        window_start = v.window_start,
        likes = s.likes + v.likes, fails = s.fails + v.fails, answered = s.answered + v.answered,
        settled = s.settled + v.settled, resolved = s.resolved + v.resolved, verdicts = s.verdicts + v.verdicts,
        would_buy_again = s.would_buy_again + v.would_buy_again,
        promises_kept = s.promises_kept + v.promises_kept, promises_broken = s.promises_broken + v.promises_broken,
        long_replies = s.long_replies + v.long_replies, template_replies = s.template_replies + v.template_replies,
        me_toos = s.me_toos + v.me_toos,
        response_eligible = s.fails + v.fails - (
          select count(*)::int from posts p
          where p.brand_id = s.brand_id and p.kind = 'fail' and p.visibility = 'published'
            and p.first_brand_reply_at is null and p.created_at > ${graceStart}::timestamptz
            and (v.window_start is null or p.created_at >= v.window_start)),
        computed_at = greatest(s.computed_at, ${now.toISOString()}::timestamptz)
      from (values ${values}) as v("window", window_start, likes, fails, answered, settled, resolved, verdicts,
        would_buy_again, promises_kept, promises_broken, long_replies, template_replies, me_toos)
      where s.brand_id = ${brandId} and s."window" = v."window"
      returning s.*`),
  );
  if (rows.length !== changes.length) throw new Error(`brand ${brandId}: window rows missing`);
  return rows.map(toWindowStats);
}

const toDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const toNumberOrNull = (value: unknown) => (value === null ? null : Number(value));

/** A raw `brand_stats` row (snake_case, driver-specific types) as drizzle would type it. */
function toWindowStats(row: Record<string, unknown>): BrandWindowStats {
  return {
    brandId: Number(row['brand_id']),
    window: row['window'] as StatWindow,
    windowStart: row['window_start'] === null ? null : toDate(row['window_start']),
    likes: Number(row['likes']),
    fails: Number(row['fails']),
    postCount: Number(row['post_count']),
    responseEligible: Number(row['response_eligible']),
    answered: Number(row['answered']),
    firstResponseMedianSeconds: toNumberOrNull(row['first_response_median_seconds']),
    firstResponseP90Seconds: toNumberOrNull(row['first_response_p90_seconds']),
    settled: Number(row['settled']),
    resolved: Number(row['resolved']),
    verdicts: Number(row['verdicts']),
    wouldBuyAgain: Number(row['would_buy_again']),
    promisesKept: Number(row['promises_kept']),
    promisesBroken: Number(row['promises_broken']),
    longReplies: Number(row['long_replies']),
    templateReplies: Number(row['template_replies']),
    meToos: Number(row['me_toos']),
    score: toNumberOrNull(row['score']),
    likeShareLowerBound: Number(row['like_share_lower_bound']),
    refreshRequested: Boolean(row['refresh_requested']),
    percentilesStale: Boolean(row['percentiles_stale']),
    computedAt: toDate(row['computed_at']),
  };
}

/** Adds breakdown changes per window (the posts a roll removed); rows at zero are deleted, as a rebuild has none. */
export async function applyBreakdownChanges(
  db: Db,
  brandId: number,
  changes: readonly { window: StatWindow; rows: readonly BreakdownCount[] }[],
): Promise<void> {
  const values = changes.flatMap((change) =>
    change.rows.map(
      (row) =>
        sql`(${brandId}::int, ${change.window}::stat_window, ${row.dimension}, ${row.value}, ${row.likes}::int, ${row.fails}::int)`,
    ),
  );
  if (values.length > 0) {
    await db.execute(sql`
      insert into brand_breakdowns (brand_id, "window", dimension, value, likes, fails)
      values ${sql.join(values, sql`, `)}
      on conflict (brand_id, "window", dimension, value) do update set
        likes = brand_breakdowns.likes + excluded.likes, fails = brand_breakdowns.fails + excluded.fails`);
  }
  // Rows that writes brought to zero since the last refresh go too.
  await db.execute(sql`delete from brand_breakdowns where brand_id = ${brandId} and likes = 0 and fails = 0`);
}

/**
 * The month rows a refresh tidies: each month whose answered fails changed gets its median
 * first response recomputed (an indexed range of that month), and months left empty go.
 */
export async function refreshMonths(db: Db, brandId: number): Promise<void> {
  await db.execute(sql`
    update brand_monthly_stats m set median_stale = false, first_response_median_seconds = (
      select round(percentile_cont(0.5) within group (order by extract(epoch from p.first_brand_reply_at - p.created_at)))::int
      from posts p
      where p.brand_id = m.brand_id and p.kind = 'fail' and p.visibility = 'published'
        and p.first_brand_reply_at is not null
        and p.created_at >= m.month::timestamp at time zone 'UTC'
        and p.created_at < (m.month + interval '1 month')::timestamp at time zone 'UTC')
    where m.brand_id = ${brandId} and m.median_stale`);
  await db.execute(
    sql`delete from brand_monthly_stats where brand_id = ${brandId} and likes = 0 and fails = 0`,
  );
}

/**
 * Median and 90th percentile of first-response time for each window: one
 * scan of the brand's answered fails (an index-only range), filtered per window.
 */
export async function readResponsePercentiles(
  db: Db,
  brandId: number,
  windows: readonly { window: StatWindow; windowStart: Date | null }[],
): Promise<Map<StatWindow, { medianSeconds: number | null; p90Seconds: number | null }>> {
  const inWindow = (start: Date | null) =>
    start === null ? sql`true` : sql`x.created_at >= ${start.toISOString()}::timestamptz`;
  const columns = windows.map(
    ({ windowStart }, i) => sql`
      round(percentile_cont(0.5) within group (order by x.seconds) filter (where ${inWindow(windowStart)}))::int as ${sql.raw(`median_${i}`)},
      round(percentile_cont(0.9) within group (order by x.seconds) filter (where ${inWindow(windowStart)}))::int as ${sql.raw(`p90_${i}`)}`,
  );
  const starts = windows.map((w) => w.windowStart);
  const earliest = starts.includes(null)
    ? null
    : new Date(Math.min(...starts.map((start) => (start as Date).getTime())));
  const [row] = rowsOf<Record<string, number | null>>(
    await db.execute(sql`
      select ${sql.join(columns, sql`, `)}
      from (
        select p.created_at, extract(epoch from p.first_brand_reply_at - p.created_at) as seconds
        from posts p
        where p.brand_id = ${brandId} and p.kind = 'fail' and p.visibility = 'published'
          and p.first_brand_reply_at is not null
          and ${earliest === null ? sql`true` : sql`p.created_at >= ${earliest.toISOString()}::timestamptz`}) x`),
  );
  return new Map(
    windows.map(({ window }, i) => [
      window,
      { medianSeconds: row?.[`median_${i}`] ?? null, p90Seconds: row?.[`p90_${i}`] ?? null },
    ]),
  );
}

export interface WindowFigures {
  brandId: number;
  window: StatWindow;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  score: number | null;
  likeShareLowerBound: number;
}

/**
 * Stores the figures computed from the rows (response-time percentiles, score,
 * like share's lower bound): for one brand after its refresh, or for every
 * brand after a rebuild, a thousand rows a statement. `markRefreshed` also
 * clears the refresh requests (not when only percentiles computed outside the
 * brand's lock are stored: a request made meanwhile must stay).
 */
export async function storeWindowFigures(
  db: Db,
  figures: readonly WindowFigures[],
  { markRefreshed }: { markRefreshed: boolean } = { markRefreshed: true },
): Promise<void> {
  const flags = markRefreshed ? sql`, refresh_requested = false, percentiles_stale = false` : sql``;
  for (let start = 0; start < figures.length; start += 1_000) {
    const values = sql.join(
      figures.slice(start, start + 1_000).map(
        (row) =>
          sql`(${row.brandId}::int, ${row.window}::stat_window, ${row.firstResponseMedianSeconds}::int,
            ${row.firstResponseP90Seconds}::int, ${row.score}::float8, ${row.likeShareLowerBound}::float8)`,
      ),
      sql`, `,
    );
    await db.execute(sql`
      update brand_stats s set first_response_median_seconds = v.median, first_response_p90_seconds = v.p90,
        score = v.score, like_share_lower_bound = v.lower_bound${flags}
      from (values ${values}) as v(brand_id, "window", median, p90, score, lower_bound)
      where s.brand_id = v.brand_id and s."window" = v."window"`);
  }
}

/**
 * Brands whose figures time has changed since they were computed: a post left
 * one of their rolling windows, or an unanswered fail passed the 72-hour grace.
 * Each test is an indexed probe per brand and window, not a scan of posts.
 */
export async function listBrandsToRoll(
  db: Db,
  windowDays: readonly { window: StatWindow; days: number }[],
  now: Date,
): Promise<number[]> {
  const nowIso = now.toISOString();
  const days = sql.join(
    windowDays.map((w) => sql`(${w.window}::stat_window, ${w.days}::int)`),
    sql`, `,
  );
  const rows = rowsOf<{ brand_id: number }>(
    await db.execute(sql`
      select s.brand_id from brand_stats s join (values ${days}) as w("window", days) on w."window" = s."window"
      where s.window_start is null or exists (
        select 1 from posts p
        where p.brand_id = s.brand_id and p.visibility = 'published' and p.created_at >= s.window_start
          and p.created_at < ${nowIso}::timestamptz - make_interval(days => w.days))
      union
      select s.brand_id from brand_stats s
      where s."window" = 'all' and exists (
        select 1 from posts p
        where p.brand_id = s.brand_id and p.kind = 'fail' and p.visibility = 'published'
          and p.first_brand_reply_at is null
          and p.created_at > s.computed_at - make_interval(hours => ${RESPONSE_GRACE_HOURS})
          and p.created_at <= ${nowIso}::timestamptz - make_interval(hours => ${RESPONSE_GRACE_HOURS}))
      order by brand_id`),
  );
  return rows.map((row) => row.brand_id);
}

/** Brands whose writes asked for a figures refresh or left a change queued, lowest id first. */
export async function listBrandsToRefresh(db: Db, limit: number): Promise<number[]> {
  const rows = rowsOf<{ brand_id: number }>(
    await db.execute(sql`
      select brand_id from brand_stats where refresh_requested
      union select brand_id from queued_stat_deltas
      order by brand_id limit ${limit}`),
  );
  return rows.map((row) => row.brand_id);
}
