/** A fail's promises as read: the pending one, and the overdue candidates (written by thread-writes.ts). */
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { promises } from '../schema.ts';

export type PromiseRow = typeof promises.$inferSelect;

export async function findPendingPromise(db: Db, postId: number): Promise<PromiseRow | null> {
  const [promise] = await db
    .select()
    .from(promises)
    .where(and(eq(promises.postId, postId), eq(promises.outcome, 'pending')))
    .limit(1);
  return promise ?? null;
}

/**
 * Pending promises due before `dueBefore` ("YYYY-MM-DD"): the candidates the
 * maintenance runner asks the planner about (`overdueIfDueBefore` in
 * src/domain/thread-closings.ts gives the day).
 */
export function listOverduePromises(db: Db, dueBefore: string) {
  return db
    .select({ id: promises.id, postId: promises.postId, brandId: promises.brandId, dueOn: promises.dueOn })
    .from(promises)
    .where(and(eq(promises.outcome, 'pending'), lt(promises.dueOn, dueBefore)));
}
