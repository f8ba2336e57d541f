/**
 * What time alone changes (DESIGN §4, §5): a promise whose day passed without
 * a proposal is broken; a proposal left 30 days without a verdict closes as
 * unconfirmed; rolling windows move. One runner at a time across instances
 * (a transaction-scoped advisory lock); the others skip the round.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/client.ts';
import { deleteFinishedJobs } from '../../db/queries/jobs.ts';
import { insertEvent, listStaleProposals, updatePost } from '../../db/queries/post-writes.ts';
import { listOverduePromises, settlePromise } from '../../db/queries/promises.ts';
import { deleteExpiredBuckets } from '../../db/queries/rate-limits.ts';
import { recomputeBrandStats } from '../../db/queries/stats.ts';
import { UNCONFIRMED_AFTER_DAYS } from '../domain/lifecycle.ts';
import { promiseDeadline } from '../domain/promises.ts';

const MAINTENANCE_LOCK_ID = 7_236_402;
const DAY_MS = 86_400_000;

export interface MaintenanceReport {
  ran: boolean;
  promisesBroken: number;
  closedUnconfirmed: number;
}

export async function runMaintenance(
  db: Database,
  now: Date,
  options: { refreshWindows?: boolean } = {},
): Promise<MaintenanceReport> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${MAINTENANCE_LOCK_ID}) as locked`),
    );
    if (!lock?.locked) return { ran: false, promisesBroken: 0, closedUnconfirmed: 0 };
    const touchedBrands = new Set<number>();

    const today = now.toISOString().slice(0, 10);
    // Day over, no proposal: the SQL form of isOverdue() in src/domain/promises.ts.
    const overdue = await listOverduePromises(tx, today);
    for (const promise of overdue) {
      await settlePromise(tx, promise, 'broken', promiseDeadline(promise.dueOn));
      touchedBrands.add(promise.brandId);
    }

    const cutoff = new Date(now.getTime() - UNCONFIRMED_AFTER_DAYS * DAY_MS);
    const stale = await listStaleProposals(tx, cutoff);
    for (const post of stale) {
      const closedAt = new Date(post.proposedAt!.getTime() + UNCONFIRMED_AFTER_DAYS * DAY_MS);
      await updatePost(tx, post.id, { status: 'unconfirmed', settledAt: closedAt, updatedAt: now });
      await insertEvent(tx, {
        postId: post.id,
        type: 'closed_unconfirmed',
        actorId: null,
        createdAt: closedAt,
      });
      touchedBrands.add(post.brandId);
    }

    if (options.refreshWindows) await recomputeBrandStats(tx, now);
    else for (const brandId of touchedBrands) await recomputeBrandStats(tx, now, brandId);
    await deleteExpiredBuckets(tx, now);
    await deleteFinishedJobs(tx, new Date(now.getTime() - 30 * DAY_MS));
    return { ran: true, promisesBroken: overdue.length, closedUnconfirmed: stale.length };
  });
}
