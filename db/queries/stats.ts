/**
 * The maintained aggregates (DESIGN §5) that brand pages and rankings read.
 * `recomputeBrandStats` rebuilds every count from the posts in one statement
 * per table; the scores are computed from those rows by
 * `rebuildBrandStatistics` (src/server/statistics.ts), which the seed, brand
 * merges and the tests use.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  LONG_REPLY_WORDS,
  RESPONSE_GRACE_HOURS,
  STAT_WINDOW_DAYS,
  STAT_WINDOWS,
  type StatWindow,
} from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { brandStats } from '../schema.ts';

export type BrandWindowStats = typeof brandStats.$inferSelect;

export async function getBrandWindowStats(
  db: Db,
  brandId: number,
  window: StatWindow,
): Promise<BrandWindowStats> {
  const [row] = await db
    .select()
    .from(brandStats)
    .where(and(eq(brandStats.brandId, brandId), eq(brandStats.window, window)))
    .limit(1);
  return row ?? emptyBrandWindowStats(brandId, window);
}

/** The row of a brand with nothing counted yet in a window (what a missing row means). */
export function emptyBrandWindowStats(brandId: number, window: StatWindow): BrandWindowStats {
  return {
    brandId,
    window,
    windowStart: null,
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
    meToos: 0,
    score: null,
    postCount: 0,
    likeShareLowerBound: 0,
    refreshRequested: false,
    percentilesStale: false,
    computedAt: new Date(0),
    refreshedAt: null,
  };
}

/**
 * Rebuilds brand_stats and brand_monthly_stats from published posts: for every
 * brand, or for one (`brandId`) inside the transaction of a write that changed it.
 */
/** The statistics windows and their lengths in days (null: all time), from the vocabulary. */
const WINDOW_DAYS = sql.join(
  STAT_WINDOWS.map((window) => sql`(${window}, ${STAT_WINDOW_DAYS[window]}::int)`),
  sql`, `,
);

export async function recomputeBrandStats(
  db: Db,
  now: Date = new Date(),
  brandId: number | null = null,
): Promise<void> {
  const nowIso = now.toISOString();
  const onlyBrand = brandId === null ? sql`true` : sql`b.id = ${brandId}`;
  const onlyPosts = brandId === null ? sql`true` : sql`brand_id = ${brandId}`;
  await db.execute(sql`
    with windows(name, days) as (values ${WINDOW_DAYS}),
    post_promises as (
      select post_id,
             count(*) filter (where outcome = 'kept')::int as kept,
             count(*) filter (where outcome = 'broken')::int as broken
      from promises where ${onlyPosts} group by post_id
    ),
    post_replies as (
      select post_id,
             count(*) filter (where word_count >= ${LONG_REPLY_WORDS})::int as long_replies,
             count(*) filter (where word_count >= ${LONG_REPLY_WORDS} and is_template)::int as template_replies
      from thread_messages where kind = 'brand_reply' and removed_at is null and ${onlyPosts} group by post_id
    )
    insert into brand_stats (brand_id, "window", window_start, likes, fails, response_eligible, answered,
      first_response_median_seconds, first_response_p90_seconds, settled, resolved, verdicts,
      would_buy_again, promises_kept, promises_broken, long_replies, template_replies, me_toos,
      score, computed_at)
    select b.id, w.name::stat_window,
      ${nowIso}::timestamptz - make_interval(days => w.days),
      count(p.id) filter (where p.kind = 'like')::int,
      count(p.id) filter (where p.kind = 'fail')::int,
      count(p.id) filter (where p.kind = 'fail' and (p.first_brand_reply_at is not null
        or p.created_at <= ${nowIso}::timestamptz - make_interval(hours => ${RESPONSE_GRACE_HOURS})))::int,
      count(p.id) filter (where p.kind = 'fail' and p.first_brand_reply_at is not null)::int,
      round(percentile_cont(0.5) within group (order by extract(epoch from p.first_brand_reply_at - p.created_at))
        filter (where p.kind = 'fail' and p.first_brand_reply_at is not null))::int,
      round(percentile_cont(0.9) within group (order by extract(epoch from p.first_brand_reply_at - p.created_at))
        filter (where p.kind = 'fail' and p.first_brand_reply_at is not null))::int,
      count(p.id) filter (where p.kind = 'fail' and (v.post_id is not null or p.status = 'unconfirmed'))::int,
      count(p.id) filter (where p.kind = 'fail' and v.resolved)::int,
      count(v.post_id) filter (where p.kind = 'fail')::int,
      count(p.id) filter (where p.kind = 'fail' and v.would_buy_again)::int,
      coalesce(sum(pp.kept), 0)::int,
      coalesce(sum(pp.broken), 0)::int,
      coalesce(sum(pr.long_replies), 0)::int,
      coalesce(sum(pr.template_replies), 0)::int,
      coalesce(sum(p.me_too_count) filter (where p.kind = 'fail'), 0)::int,
      null,
      ${nowIso}::timestamptz
    from brands b
    cross join windows w
    left join posts p on p.brand_id = b.id and p.visibility = 'published'
      and (w.days is null or p.created_at >= ${nowIso}::timestamptz - make_interval(days => w.days))
    left join verdicts v on v.post_id = p.id
    left join post_promises pp on pp.post_id = p.id
    left join post_replies pr on pr.post_id = p.id
    where ${onlyBrand}
    group by b.id, w.name, w.days
    on conflict (brand_id, "window") do update set
      window_start = excluded.window_start, likes = excluded.likes, fails = excluded.fails,
      response_eligible = excluded.response_eligible, answered = excluded.answered,
      first_response_median_seconds = excluded.first_response_median_seconds,
      first_response_p90_seconds = excluded.first_response_p90_seconds,
      settled = excluded.settled, resolved = excluded.resolved, verdicts = excluded.verdicts,
      would_buy_again = excluded.would_buy_again, promises_kept = excluded.promises_kept,
      promises_broken = excluded.promises_broken, long_replies = excluded.long_replies,
      template_replies = excluded.template_replies, me_toos = excluded.me_toos,
      computed_at = excluded.computed_at, refresh_requested = false, percentiles_stale = false
  `);
  await db.execute(sql`delete from brand_breakdowns where ${onlyPosts}`);
  await db.execute(sql`
    with windows(name, days) as (values ${WINDOW_DAYS}),
    published as (
      select p.* from posts p where p.visibility = 'published' and ${onlyPosts}
    )
    insert into brand_breakdowns (brand_id, "window", dimension, value, likes, fails)
    select brand_id, w.name::stat_window, d.dimension, d.value,
      count(*) filter (where kind = 'like')::int, count(*) filter (where kind = 'fail')::int
    from published
    cross join windows w
    cross join lateral (values ('category', category::text), ('channel', channel::text), ('country', coalesce(country, '—'))) as d(dimension, value)
    where w.days is null or created_at >= ${nowIso}::timestamptz - make_interval(days => w.days)
    group by brand_id, w.name, d.dimension, d.value
  `);
  await db.execute(sql`delete from brand_monthly_stats where ${onlyPosts}`);
  // (Rebuilt months have fresh medians: median_stale starts false.)
  await db.execute(sql`
    insert into brand_monthly_stats (brand_id, month, likes, fails, answered, first_response_median_seconds)
    select brand_id, date_trunc('month', created_at at time zone 'UTC')::date,
      count(*) filter (where kind = 'like')::int,
      count(*) filter (where kind = 'fail')::int,
      count(*) filter (where kind = 'fail' and first_brand_reply_at is not null)::int,
      round(percentile_cont(0.5) within group (order by extract(epoch from first_brand_reply_at - created_at))
        filter (where kind = 'fail' and first_brand_reply_at is not null))::int
    from posts where visibility = 'published' and ${onlyPosts}
    group by 1, 2
  `);
}

/** Every window row, of one brand or of all (for the score pass after a rebuild). */
export function listWindowRows(db: Db, brandId: number | null) {
  return db
    .select()
    .from(brandStats)
    .where(brandId === null ? undefined : eq(brandStats.brandId, brandId));
}

/** Every window's row for some brands (the compare page). */
export function getStatsForBrands(db: Db, brandIds: number[], window: StatWindow) {
  if (brandIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(brandStats)
    .where(and(inArray(brandStats.brandId, brandIds), eq(brandStats.window, window)));
}
