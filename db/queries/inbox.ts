/**
 * The brand inbox (DESIGN §6): the brand's open fails, oldest first, with
 * age, status, handler and promised date. Reads the partial index on open
 * fails, never the brand's whole history.
 */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { PromiseOutcome } from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { posts, promises, users } from '../schema.ts';

export const INBOX_FILTERS = ['all', 'unassigned', 'promise_due', 'awaiting_verdict'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export function listInbox(db: Db, brandId: number, filter: InboxFilter, now: Date, limit = 100) {
  const in48Hours = new Date(now.getTime() + 48 * 3_600_000).toISOString().slice(0, 10);
  const conditions: (SQL | undefined)[] = [
    eq(posts.brandId, brandId),
    eq(posts.kind, 'fail'),
    eq(posts.visibility, 'published'),
    isNull(posts.settledAt),
  ];
  if (filter === 'unassigned') conditions.push(isNull(posts.handlerId));
  if (filter === 'promise_due') conditions.push(sql`${promises.dueOn} <= ${in48Hours}`);
  if (filter === 'awaiting_verdict') conditions.push(eq(posts.status, 'resolution_proposed'));
  return db
    .select({
      id: posts.id,
      title: posts.title,
      language: posts.language,
      status: posts.status,
      createdAt: posts.createdAt,
      meTooCount: posts.meTooCount,
      firstBrandReplyAt: posts.firstBrandReplyAt,
      handlerName: users.displayName,
      promiseDueOn: promises.dueOn,
      // Without a pending promise, the latest one (a broken one stays visible until a new date).
      lastPromise: sql<{ dueOn: string; outcome: PromiseOutcome } | null>`(
        select json_build_object('dueOn', lp.due_on, 'outcome', lp.outcome) from promises lp
        where lp.post_id = ${posts.id} order by lp.created_at desc, lp.id desc limit 1)`,
    })
    .from(posts)
    .leftJoin(users, eq(users.id, posts.handlerId))
    .leftJoin(promises, and(eq(promises.postId, posts.id), eq(promises.outcome, 'pending')))
    .where(and(...conditions))
    .orderBy(asc(posts.createdAt), asc(posts.id))
    .limit(limit);
}
