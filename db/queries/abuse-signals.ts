/**
 * Facts behind the abuse signals (src/domain/abuse-signals.ts): a brand's
 * recent likes from new accounts, and a brand's flags on its own fails. Both
 * read an indexed range (`posts_brand_likes_idx`, `flags_flagger_brand_idx`),
 * never a brand's every post.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.ts';

// Arbitrary, fixed first key of a transaction-scoped advisory lock (the second is the brand id).
const LIKE_BURST_LOCK = 7_236_406;

/**
 * Until the transaction ends, other likes from new accounts for this brand
 * wait, so two likes of one burst cannot both count without seeing each other.
 */
export async function lockBrandLikeBurst(db: Db, brandId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${LIKE_BURST_LOCK}::int, ${brandId}::int)`);
}

/**
 * Likes for the brand since `since` (any visibility: held ones are part of the
 * burst) whose author's account was younger than `youngAccountHours` when
 * they posted.
 */
export async function countYoungAccountLikes(
  db: Db,
  brandId: number,
  since: Date,
  youngAccountHours: number,
): Promise<number> {
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`
      select count(*)::int as count
      from posts p
      join users u on u.id = p.author_id
      where p.brand_id = ${brandId} and p.kind = 'like' and p.created_at >= ${since.toISOString()}::timestamptz
        and u.created_at <= p.created_at
        and u.created_at > p.created_at - make_interval(hours => ${youngAccountHours}::int)`),
  );
  return Number(row?.count ?? 0);
}

/**
 * A brand's flags on its own posts since `since`, the distinct published fails
 * of that window they cover, and the brand's fails in its 12-month figures.
 */
export async function readBrandSelfFlags(
  db: Db,
  brandId: number,
  since: Date,
): Promise<{ brandFlags: number; flaggedFails: number; fails: number }> {
  const [row] = rowsOf<{ brand_flags: number; flagged_fails: number; fails: number | null }>(
    await db.execute(sql`
      select count(*)::int as brand_flags,
        count(distinct f.post_id) filter (
          where p.kind = 'fail' and p.visibility = 'published' and p.created_at >= ${since.toISOString()}::timestamptz
        )::int as flagged_fails,
        (select s.fails from brand_stats s where s.brand_id = ${brandId} and s."window" = '12m') as fails
      from flags f
      join posts p on p.id = f.post_id and p.brand_id = ${brandId}
      where f.flagger_brand_id = ${brandId} and f.created_at >= ${since.toISOString()}::timestamptz`),
  );
  return {
    brandFlags: Number(row?.brand_flags ?? 0),
    flaggedFails: Number(row?.flagged_fails ?? 0),
    fails: Number(row?.fails ?? 0),
  };
}
