/**
 * The SQL behind statistics maintained by deltas (decisions 004, 012 and 016).
 * A write adds its post's change to the brand's rows in one statement
 * (`applyPostDeltas`, with any changes it took from the queue) when no other
 * writer of the brand is adding, and queues it when one is (the turn and the
 * queue: db/queries/figure-turns.ts); the figures refresher, holding the
 * brand's adding turn, adds what is queued, rolls the windows and the
 * 72-hour grace, and recomputes what cannot be added: percentiles, the score.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { BreakdownCount, StatCounters } from '../../src/domain/post-facts.ts';
import { RESPONSE_GRACE_HOURS, type StatWindow } from '../../src/domain/vocabulary.ts';
import { rowsOf, type Db } from '../client.ts';
import { brandStats } from '../schema.ts';
import type { BrandWindowStats } from './stats.ts';

/**
 * The brand's window rows, locked until the transaction ends (in window order, as every writer's
 * update takes them). Call it holding the brand's figures alone or its adding turn (figure-turns.ts).
 */
export function lockWindowRows(db: Db, brandId: number): Promise<BrandWindowStats[]> {
  return db
    .select()
    .from(brandStats)
    .where(eq(brandStats.brandId, brandId))
    .orderBy(brandStats.window)
    .for('update');
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
 * The changes as one JSON parameter, a row each, numbered (`i`) so their breakdowns can be joined to
 * them. One parameter whatever their number keeps the statement's text the same for every write, so
 * each connection prepares it once and PostgreSQL can keep its plan (a list of VALUES gave it a new
 * text, planned again, for every count of changes, breakdowns and months: about 1.5 ms a write).
 */
function deltaRows(deltas: readonly PostDelta[]) {
  return deltas.map((delta, i) => {
    const c = delta.counters;
    return {
      i,
      created_at: delta.createdAt.toISOString(),
      likes: c.likes,
      fails: c.fails,
      answered: c.answered,
      settled: c.settled,
      resolved: c.resolved,
      verdicts: c.verdicts,
      would_buy_again: c.wouldBuyAgain,
      promises_kept: c.promisesKept,
      promises_broken: c.promisesBroken,
      long_replies: c.longReplies,
      template_replies: c.templateReplies,
      me_toos: c.meToos,
      eligible_before: delta.eligibilityBefore,
      eligible_after: delta.eligibilityAfter,
      times_changed: delta.responseTimesChanged,
    };
  });
}

/** The changes' month rows, summed per month in the order the months come (a month appears once). */
function monthChanges(deltas: readonly PostDelta[]) {
  const months = new Map<
    string,
    { month: string; likes: number; fails: number; answered: number; stale: boolean }
  >();
  for (const delta of deltas) {
    const c = delta.counters;
    if (c.likes === 0 && c.fails === 0 && c.answered === 0 && !delta.responseTimesChanged) continue;
    const month = months.get(delta.month) ?? {
      month: delta.month,
      likes: 0,
      fails: 0,
      answered: 0,
      stale: false,
    };
    month.likes += c.likes;
    month.fails += c.fails;
    month.answered += c.answered;
    month.stale ||= delta.responseTimesChanged;
    months.set(delta.month, month);
  }
  return [...months.values()];
}

/**
 * Adds posts' changes (one writer's, with those it took from the queue) to
 * every window row of their brand that contains each post, to those windows'
 * breakdowns and to each post's month, and asks for the figures refresh — one
 * statement however many changes, whose row locks last until the write
 * commits. The 72-hour grace is judged at each row's `computed_at`, the
 * instant the row describes. Returns false when the brand has no rows yet.
 */
export async function applyPostDeltas(
  db: Db,
  brandId: number,
  deltas: readonly PostDelta[],
): Promise<boolean> {
  if (deltas.length === 0) return true;
  const eligibleAt = (kind: SQL) => sql`case ${kind} when 'answered' then 1
    when 'by_age' then (m.created_at <= m.computed_at - make_interval(hours => ${RESPONSE_GRACE_HOURS}))::int
    else 0 end`;
  const breakdowns = deltas.flatMap((delta, i) => delta.breakdowns.map((row) => ({ i, ...row })));
  const [row] = rowsOf<{ windows: number }>(
    await db.execute(sql`
      with d as (
        select * from json_to_recordset(${JSON.stringify(deltaRows(deltas))}::json) as d(i int,
          created_at timestamptz, likes int, fails int, answered int, settled int, resolved int, verdicts int,
          would_buy_again int, promises_kept int, promises_broken int, long_replies int, template_replies int,
          me_toos int, eligible_before text, eligible_after text, times_changed boolean)
      ), l as (
        -- Every locker of a brand's rows takes them in window order, so two writers never deadlock.
        select "window" from brand_stats where brand_id = ${brandId} order by "window" for update
      ), m as (
        -- Each change with every window that contains its post. The rows cannot move under this
        -- snapshot: the caller holds the brand's adding turn, or its figures alone.
        select r."window", r.computed_at, d.*
        from l join brand_stats r on r.brand_id = ${brandId} and r."window" = l."window"
        join d on r.window_start is null or r.window_start <= d.created_at
      ), c as (
        select m."window", sum(m.likes)::int as likes, sum(m.fails)::int as fails,
          sum(m.answered)::int as answered, sum(m.settled)::int as settled, sum(m.resolved)::int as resolved,
          sum(m.verdicts)::int as verdicts, sum(m.would_buy_again)::int as would_buy_again,
          sum(m.promises_kept)::int as promises_kept, sum(m.promises_broken)::int as promises_broken,
          sum(m.long_replies)::int as long_replies, sum(m.template_replies)::int as template_replies,
          sum(m.me_toos)::int as me_toos,
          sum(${eligibleAt(sql`m.eligible_after`)} - ${eligibleAt(sql`m.eligible_before`)})::int as response_eligible,
          bool_or(m.times_changed) as times_changed
        from m group by m."window"
      ), s as (
        update brand_stats s set
          likes = s.likes + c.likes, fails = s.fails + c.fails, answered = s.answered + c.answered,
          settled = s.settled + c.settled, resolved = s.resolved + c.resolved, verdicts = s.verdicts + c.verdicts,
          would_buy_again = s.would_buy_again + c.would_buy_again,
          promises_kept = s.promises_kept + c.promises_kept, promises_broken = s.promises_broken + c.promises_broken,
          long_replies = s.long_replies + c.long_replies, template_replies = s.template_replies + c.template_replies,
          me_toos = s.me_toos + c.me_toos, response_eligible = s.response_eligible + c.response_eligible,
          refresh_requested = true,
          percentiles_stale = s.percentiles_stale or c.times_changed
        from c
        where s.brand_id = ${brandId} and s."window" = c."window"
        returning s."window"
      ), b as (
        insert into brand_breakdowns (brand_id, "window", dimension, value, likes, fails)
        select ${brandId}, m."window", v.dimension, v.value, sum(v.likes)::int, sum(v.fails)::int
        from m join json_to_recordset(${JSON.stringify(breakdowns)}::json)
          as v(i int, dimension text, value text, likes int, fails int) on v.i = m.i
        group by m."window", v.dimension, v.value
        on conflict (brand_id, "window", dimension, value) do update set
          likes = brand_breakdowns.likes + excluded.likes, fails = brand_breakdowns.fails + excluded.fails
      ), mo as (
        insert into brand_monthly_stats (brand_id, month, likes, fails, answered, median_stale)
        select ${brandId}, v.month, v.likes, v.fails, v.answered, v.stale
        from json_to_recordset(${JSON.stringify(monthChanges(deltas))}::json)
          as v(month date, likes int, fails int, answered int, stale boolean)
        where exists (select 1 from s)
        on conflict (brand_id, month) do update set
          likes = brand_monthly_stats.likes + excluded.likes, fails = brand_monthly_stats.fails + excluded.fails,
          answered = brand_monthly_stats.answered + excluded.answered,
          median_stale = brand_monthly_stats.median_stale or excluded.median_stale
      )
      select count(*)::int as windows from s`),
  );
  return Number(row?.windows ?? 0) > 0;
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
  /** Unanswered fails that passed the 72-hour line since the row's instant (`readWindowMove`). */
  passedGrace: number;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/**
 * Adds each window's counter changes, moves its start and its instant to `now`, and rolls the
 * response rate's denominator (fails older than the 72-hour grace or answered, at the row's
 * instant): the posts that left the window leave it with their fails (they are older than the
 * grace), and the unanswered fails that passed the 72-hour line between the row's instant and `now`
 * enter it — an indexed range of the time since the last move, read with the leaving posts
 * (`readWindowMove`), where a recount of the whole grace grew with every unanswered fail of the
 * last three days (19–26 ms a second on the million-post board after the write benchmarks).
 * Returns the rows.
 */
export async function applyWindowChanges(
  db: Db,
  brandId: number,
  changes: readonly WindowChange[],
  now: Date,
): Promise<BrandWindowStats[]> {
  const values = sql.join(
    changes.map((change) => {
      const c = change.counters;
      return sql`(${change.window}::stat_window, ${iso(change.windowStart)}::timestamptz, ${c.likes}::int,
        ${c.fails}::int, ${c.answered}::int, ${c.settled}::int, ${c.resolved}::int, ${c.verdicts}::int,
        ${c.wouldBuyAgain}::int, ${c.promisesKept}::int, ${c.promisesBroken}::int, ${c.longReplies}::int,
        ${c.templateReplies}::int, ${c.meToos}::int, ${change.passedGrace}::int)`;
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
        response_eligible = s.response_eligible + v.fails + v.passed_grace,
        computed_at = greatest(s.computed_at, ${now.toISOString()}::timestamptz)
      from (values ${values}) as v("window", window_start, likes, fails, answered, settled, resolved, verdicts,
        would_buy_again, promises_kept, promises_broken, long_replies, template_replies, me_toos, passed_grace)
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
    refreshedAt: row['refreshed_at'] === null ? null : toDate(row['refreshed_at']),
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
 * brand after a rebuild, a thousand rows a statement, as of `at` (the rows'
 * `refreshed_at`). `markRefreshed` also clears the refresh requests (not when
 * only percentiles computed outside the brand's lock are stored: a request
 * made meanwhile must stay).
 */
export async function storeWindowFigures(
  db: Db,
  figures: readonly WindowFigures[],
  { at, markRefreshed = true }: { at: Date; markRefreshed?: boolean },
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
        score = v.score, like_share_lower_bound = v.lower_bound,
        refreshed_at = ${at.toISOString()}::timestamptz${flags}
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
