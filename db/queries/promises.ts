/** A fail's promises: the pending one, new ones, and their outcomes with the thread event each shows. */
import { and, eq, lt } from 'drizzle-orm';
import type { PromiseOutcome } from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { promises } from '../schema.ts';
import { insertEvent } from './post-writes.ts';

export type PromiseRow = typeof promises.$inferSelect;

export async function findPendingPromise(db: Db, postId: number): Promise<PromiseRow | null> {
  const [promise] = await db
    .select()
    .from(promises)
    .where(and(eq(promises.postId, postId), eq(promises.outcome, 'pending')))
    .limit(1);
  return promise ?? null;
}

export async function insertPromise(db: Db, row: typeof promises.$inferInsert): Promise<PromiseRow> {
  const [promise] = await db.insert(promises).values(row).returning();
  return promise!;
}

/**
 * Settles a pending promise at `at`. Kept and broken show in the thread as
 * events; a replaced promise is shown by the event of the promise replacing it.
 */
export async function settlePromise(
  db: Db,
  promise: Pick<PromiseRow, 'id' | 'postId' | 'dueOn'>,
  outcome: Exclude<PromiseOutcome, 'pending'>,
  at: Date,
): Promise<void> {
  await db.update(promises).set({ outcome, settledAt: at }).where(eq(promises.id, promise.id));
  if (outcome === 'replaced') return;
  await insertEvent(db, {
    postId: promise.postId,
    type: outcome === 'kept' ? 'promise_kept' : 'promise_broken',
    actorId: null,
    data: { dueOn: promise.dueOn },
    createdAt: at,
  });
}

/** Pending promises whose day is over by `today` (a "YYYY-MM-DD" in UTC). */
export function listOverduePromises(db: Db, today: string) {
  return db
    .select({ id: promises.id, postId: promises.postId, brandId: promises.brandId, dueOn: promises.dueOn })
    .from(promises)
    .where(and(eq(promises.outcome, 'pending'), lt(promises.dueOn, today)));
}
