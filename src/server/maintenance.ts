/**
 * What time alone changes (DESIGN §4, §5): a promise whose day passed without
 * a proposal is broken; a proposal left 30 days without a verdict closes as
 * unconfirmed; rolling windows move (by the posts that left them, decision
 * 004). One runner at a time across instances (a lease in the database); the
 * others skip the round.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { announceChange } from '../../db/queries/changes.ts';
import { deleteFinishedJobs } from '../../db/queries/jobs.ts';
import { releaseLease, takeLease } from '../../db/queries/leases.ts';
import { insertEvent, listStaleProposals, lockPost, updatePost } from '../../db/queries/post-writes.ts';
import { findPendingPromise, listOverduePromises, settlePromise } from '../../db/queries/promises.ts';
import { deleteExpiredBuckets } from '../../db/queries/rate-limits.ts';
import { listBrandsToRefresh, listBrandsToRoll } from '../../db/queries/stat-deltas.ts';
import { UNCONFIRMED_AFTER_DAYS } from '../domain/lifecycle.ts';
import { promiseDeadline } from '../domain/promises.ts';
import { STAT_WINDOW_DAYS, STAT_WINDOWS } from '../domain/vocabulary.ts';
import { sweepExpiredSessions } from './auth/session.ts';
import { readFactsBeforeChange, recordPostChange, refreshBrandFigures } from './statistics.ts';

const DAY_MS = 86_400_000;
/** Longer than a run ever takes: a dead instance's lease frees itself after this. */
const LEASE_MILLISECONDS = 5 * 60_000;
/** This process, as a lease holder. */
const HOLDER = `${process.pid}-${randomBytes(6).toString('hex')}`;

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

/**
 * One run, under the `maintenance` lease so one instance at a time does it. Each
 * change is its own short transaction that locks the post first, as every
 * thread write does, and checks again that the change is still due (a reply
 * or a verdict may have come meanwhile): no run ever holds locks that writers
 * wait on for longer than one item.
 */
export async function runMaintenance(db: Database, now: Date): Promise<MaintenanceReport> {
  const until = new Date(now.getTime() + LEASE_MILLISECONDS);
  if (!(await takeLease(db, 'maintenance', HOLDER, now, until))) {
    return { ran: false, promisesBroken: 0, closedUnconfirmed: 0, brandsRolled: 0 };
  }
  try {
    const today = now.toISOString().slice(0, 10);
    let promisesBroken = 0;
    // Day over, no proposal: the SQL form of isOverdue() in src/domain/promises.ts.
    for (const overdue of await listOverduePromises(db, today)) {
      const broke = await db.transaction(async (tx) => {
        await lockPost(tx, overdue.postId);
        const promise = await findPendingPromise(tx, overdue.postId);
        if (promise?.id !== overdue.id) return false;
        const before = await readFactsBeforeChange(tx, promise.postId);
        await settlePromise(tx, promise, 'broken', promiseDeadline(promise.dueOn));
        await announceChange(tx, { brandId: overdue.brandId, postId: promise.postId });
        await recordPostChange(tx, before, promise.postId, now);
        return true;
      });
      if (broke) promisesBroken++;
    }

    const cutoff = new Date(now.getTime() - UNCONFIRMED_AFTER_DAYS * DAY_MS);
    let closedUnconfirmed = 0;
    for (const stale of await listStaleProposals(db, cutoff)) {
      const closed = await db.transaction(async (tx) => {
        const post = await lockPost(tx, stale.id);
        if (post?.status !== 'resolution_proposed' || !post.resolutionProposedAt) return false;
        const before = await readFactsBeforeChange(tx, post.id);
        const closedAt = new Date(post.resolutionProposedAt.getTime() + UNCONFIRMED_AFTER_DAYS * DAY_MS);
        await updatePost(tx, post.id, { status: 'unconfirmed', settledAt: closedAt, updatedAt: now });
        await insertEvent(tx, {
          postId: post.id,
          type: 'closed_unconfirmed',
          actorId: null,
          createdAt: closedAt,
        });
        await announceChange(tx, { brandId: post.brandId, postId: post.id });
        await recordPostChange(tx, before, post.id, now);
        return true;
      });
      if (closed) closedUnconfirmed++;
    }

    // Brands whose windows time has moved, and those whose writes still wait for their refresh. Only
    // the latter are announced: what time alone moves, cached pages show within their minute of life
    // (decision 005), and announcing every brand whose window moved would empty the cache each minute.
    const written = new Set(await listBrandsToRefresh(db, 10_000));
    const brandsToRoll = [...new Set([...(await listBrandsToRoll(db, ROLLING_WINDOWS, now)), ...written])];
    for (const brandId of brandsToRoll) {
      await db.transaction(async (tx) => {
        await refreshBrandFigures(tx, brandId, now);
        if (written.has(brandId)) await announceChange(tx, { brandId, postId: null });
      });
    }
    await deleteExpiredBuckets(db, now);
    await sweepExpiredSessions(db, now);
    await deleteFinishedJobs(db, new Date(now.getTime() - 30 * DAY_MS));
    return { ran: true, promisesBroken, closedUnconfirmed, brandsRolled: brandsToRoll.length };
  } finally {
    await releaseLease(db, 'maintenance', HOLDER);
  }
}
