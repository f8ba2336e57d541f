/**
 * What time alone changes (DESIGN §4, §5): a promise whose day passed without
 * a proposal is broken; a proposal left 30 days without a verdict closes as
 * unconfirmed; rolling windows move (by the posts that left them, decision
 * 004). One runner at a time across instances (a transaction-scoped advisory
 * lock); the others skip the round.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';
import { announceChange } from '../../db/queries/changes.ts';
import { deleteFinishedJobs } from '../../db/queries/jobs.ts';
import { insertEvent, listStaleProposals, lockPost, updatePost } from '../../db/queries/post-writes.ts';
import { findPendingPromise, listOverduePromises, settlePromise } from '../../db/queries/promises.ts';
import { deleteExpiredBuckets } from '../../db/queries/rate-limits.ts';
import { listBrandsToRoll } from '../../db/queries/stat-deltas.ts';
import { UNCONFIRMED_AFTER_DAYS } from '../domain/lifecycle.ts';
import { promiseDeadline } from '../domain/promises.ts';
import { STAT_WINDOW_DAYS, STAT_WINDOWS } from '../domain/vocabulary.ts';
import { readFactsBeforeChange, recordPostChange, rollBrandWindows } from './statistics.ts';

const MAINTENANCE_LOCK_ID = 7_236_402;
const DAY_MS = 86_400_000;

const ROLLING_WINDOWS = STAT_WINDOWS.flatMap((window) => {
  const days = STAT_WINDOW_DAYS[window];
  return days === null ? [] : [{ window, days }];
});

export interface MaintenanceReport {
  ran: boolean;
  promisesBroken: number;
  closedUnconfirmed: number;
  brandsRolled: number;
}

export async function runMaintenance(db: Database, now: Date): Promise<MaintenanceReport> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${MAINTENANCE_LOCK_ID}) as locked`),
    );
    if (!lock?.locked) return { ran: false, promisesBroken: 0, closedUnconfirmed: 0, brandsRolled: 0 };

    const today = now.toISOString().slice(0, 10);
    // Day over, no proposal: the SQL form of isOverdue() in src/domain/promises.ts.
    let promisesBroken = 0;
    for (const overdue of await listOverduePromises(tx, today)) {
      // Locked as every thread write locks it, then checked again: a reply may have settled it meanwhile.
      await lockPost(tx, overdue.postId);
      const promise = await findPendingPromise(tx, overdue.postId);
      if (promise?.id !== overdue.id) continue;
      const before = await readFactsBeforeChange(tx, promise.postId);
      await settlePromise(tx, promise, 'broken', promiseDeadline(promise.dueOn));
      await recordPostChange(tx, before, promise.postId, now);
      await announceChange(tx, { brandId: overdue.brandId, postId: promise.postId });
      promisesBroken++;
    }

    const cutoff = new Date(now.getTime() - UNCONFIRMED_AFTER_DAYS * DAY_MS);
    let closedUnconfirmed = 0;
    for (const stale of await listStaleProposals(tx, cutoff)) {
      const post = await lockPost(tx, stale.id);
      if (post?.status !== 'resolution_proposed' || !post.resolutionProposedAt) continue;
      const before = await readFactsBeforeChange(tx, post.id);
      const closedAt = new Date(post.resolutionProposedAt.getTime() + UNCONFIRMED_AFTER_DAYS * DAY_MS);
      await updatePost(tx, post.id, { status: 'unconfirmed', settledAt: closedAt, updatedAt: now });
      await insertEvent(tx, {
        postId: post.id,
        type: 'closed_unconfirmed',
        actorId: null,
        createdAt: closedAt,
      });
      await recordPostChange(tx, before, post.id, now);
      await announceChange(tx, { brandId: post.brandId, postId: post.id });
      closedUnconfirmed++;
    }

    const brandsToRoll = await listBrandsToRoll(tx, ROLLING_WINDOWS, now);
    for (const brandId of brandsToRoll) {
      await rollBrandWindows(tx, brandId, now);
      await announceChange(tx, { brandId, postId: null });
    }
    await deleteExpiredBuckets(tx, now);
    await deleteFinishedJobs(tx, new Date(now.getTime() - 30 * DAY_MS));
    return { ran: true, promisesBroken, closedUnconfirmed, brandsRolled: brandsToRoll.length };
  });
}
