/**
 * The recent public changes live pages replay after a reconnection
 * (`live_events`, written by `announceChange`; decision 008).
 */
import { asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { LiveChangeKind } from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { liveEvents, posts } from '../schema.ts';

export interface LiveEventRow {
  id: number;
  kind: LiveChangeKind;
  brandId: number | null;
  postId: number | null;
}

/** Up to `limit` events after `afterId`, oldest first. */
export async function liveEventsAfter(db: Db, afterId: number, limit: number): Promise<LiveEventRow[]> {
  return db
    .select({
      id: liveEvents.id,
      kind: liveEvents.kind,
      brandId: liveEvents.brandId,
      postId: liveEvents.postId,
    })
    .from(liveEvents)
    .where(gt(liveEvents.id, afterId))
    .orderBy(asc(liveEvents.id))
    .limit(limit);
}

/** The oldest event still kept, or null when none is. */
export async function oldestLiveEventId(db: Db): Promise<number | null> {
  const [row] = await db.select({ id: sql<string | number | null>`min(${liveEvents.id})` }).from(liveEvents);
  return row?.id === null || row?.id === undefined ? null : Number(row.id);
}

/** Forgets events older than `keepSeconds` (by the database's clock); returns how many. */
export async function pruneLiveEvents(db: Db, keepSeconds: number): Promise<number> {
  const deleted = await db
    .delete(liveEvents)
    .where(lt(liveEvents.createdAt, sql`now() - make_interval(secs => ${keepSeconds})`))
    .returning({ id: liveEvents.id });
  return deleted.length;
}

/** What authorizing a post's stream needs: its author and visibility; null when there is no such post. */
export async function findLivePost(db: Db, postId: number) {
  const [row] = await db
    .select({ postId: posts.id, authorId: posts.authorId, visibility: posts.visibility })
    .from(posts)
    .where(eq(posts.id, postId));
  return row ?? null;
}
