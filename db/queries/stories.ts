/**
 * Exceptional stories (src/domain/stories.ts) and the helpful marks behind
 * them. Featured lists read the partial indexes on `posts.exceptional_since`
 * (only featured posts are in them), then the page's summaries by id.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { LIKE_STORY_MIN_HELPFUL } from '../../src/domain/vocabulary.ts';
import type { PostSummary } from '../../src/domain/views.ts';
import { rowsOf, type Db } from '../client.ts';
import { helpfulMarks, posts } from '../schema.ts';
import { listSummariesByIds } from './posts.ts';

/** Adds or removes this account's mark; false when there was nothing to change (the primary key decides). */
export async function setHelpfulMark(
  db: Db,
  postId: number,
  userId: number,
  helpful: boolean,
  now: Date,
): Promise<boolean> {
  const changed = helpful
    ? await db
        .insert(helpfulMarks)
        .values({ postId, userId, createdAt: now })
        .onConflictDoNothing()
        .returning({ postId: helpfulMarks.postId })
    : await db
        .delete(helpfulMarks)
        .where(and(eq(helpfulMarks.postId, postId), eq(helpfulMarks.userId, userId)))
        .returning({ postId: helpfulMarks.postId });
  if (changed.length === 0) return false;
  await db
    .update(posts)
    .set({ helpfulCount: sql`${posts.helpfulCount} + ${helpful ? 1 : -1}` })
    .where(eq(posts.id, postId));
  return true;
}

export async function hasHelpfulMark(db: Db, postId: number, userId: number): Promise<boolean> {
  return (
    (await db.$count(helpfulMarks, and(eq(helpfulMarks.postId, postId), eq(helpfulMarks.userId, userId)))) > 0
  );
}

/** Sets `exceptional_since` (kept when already set) or clears it. Call with the post locked. */
export async function setExceptional(db: Db, postId: number, exceptional: boolean, now: Date) {
  await db
    .update(posts)
    .set({
      exceptionalSince: exceptional
        ? sql`coalesce(${posts.exceptionalSince}, ${now.toISOString()}::timestamptz)`
        : null,
    })
    .where(eq(posts.id, postId));
}

/**
 * The rule of src/domain/stories.ts restated in SQL over `p` (the posts table),
 * for rebuilding many posts at once (the seeds, a rebuild of the figures) and
 * for migration 0016's backfill. test/integration/stories.test.ts holds it to
 * `isExceptionalStory` on the demo board.
 */
const exceptionalCondition = sql`p.visibility = 'published' and (
  (p.kind = 'like' and p.first_brand_reply_at is not null and p.helpful_count >= ${LIKE_STORY_MIN_HELPFUL})
  or (p.kind = 'fail'
    and exists (select 1 from verdicts v where v.post_id = p.id and v.resolved and v.would_buy_again)
    and exists (select 1 from promises k where k.post_id = p.id and k.outcome = 'kept')
    and not exists (select 1 from promises b where b.post_id = p.id and b.outcome = 'broken')))`;

/**
 * Sets `exceptional_since` on every post (or one brand's) from its rows, the
 * way the writes keep it: a post that became a story gets the time of its
 * last thread activity (no later than `now`), one that is no longer a story
 * loses it, one that stays keeps its time.
 */
export async function rebuildStories(db: Db, now: Date, brandId: number | null = null): Promise<void> {
  await db.execute(sql`
    update posts p set exceptional_since = case when ${exceptionalCondition}
        then coalesce(p.exceptional_since, least(p.last_activity_at, ${now.toISOString()}::timestamptz))
        else null end
    where (p.exceptional_since is not null) is distinct from (${exceptionalCondition})
      ${brandId === null ? sql`` : sql`and p.brand_id = ${brandId}`}`);
}

/** Ids of the posts the SQL rule calls exceptional (for the test that holds it to the domain's). */
export async function listExceptionalIdsBySql(db: Db): Promise<number[]> {
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`select p.id from posts p where ${exceptionalCondition} order by p.id`),
  );
  return rows.map((row) => Number(row.id));
}

const featured = isNotNull(posts.exceptionalSince);

/**
 * Stories most helpful first (then the most recently featured), board-wide or
 * one brand's; `limit + 1` ids so the caller knows whether a next page exists.
 */
export async function listStories(
  db: Db,
  options: { brandId?: number | null; offset?: number; limit: number },
): Promise<{ items: PostSummary[]; more: boolean }> {
  const ids = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(featured, options.brandId ? eq(posts.brandId, options.brandId) : undefined))
    .orderBy(desc(posts.helpfulCount), desc(posts.exceptionalSince), desc(posts.id))
    .limit(options.limit + 1)
    .offset(options.offset ?? 0);
  const items = await listSummariesByIds(
    db,
    ids.slice(0, options.limit).map((row) => row.id),
  );
  return { items, more: ids.length > options.limit };
}

/** The newest stories first (by when they became exceptional), for the Atom feed. */
export async function listNewestStories(db: Db, limit: number) {
  const rows = await db
    .select({ id: posts.id, exceptionalSince: posts.exceptionalSince })
    .from(posts)
    .where(featured)
    .orderBy(desc(posts.exceptionalSince), desc(posts.id))
    .limit(limit);
  const summaries = await listSummariesByIds(
    db,
    rows.map((row) => row.id),
  );
  const since = new Map(rows.map((row) => [row.id, row.exceptionalSince!]));
  return summaries.map((post) => ({ post, featuredAt: since.get(post.id)! }));
}
