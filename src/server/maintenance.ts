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
import { listStaleProposals, lockPost } from '../../db/queries/post-writes.ts';
import { listOverduePromises } from '../../db/queries/promises.ts';
import { deleteExpiredBuckets } from '../../db/queries/rate-limits.ts';
import { listBrandsToRefresh, listBrandsToRoll } from '../../db/queries/stat-deltas.ts';
import { applyThreadPlan, loadThreadState } from '../../db/queries/thread-writes.ts';
import {
  overdueIfDueBefore,
  planBreakOverduePromise,
  planCloseUnconfirmed,
  unconfirmedIfProposedBy,
} from '../domain/thread-closings.ts';
import type { Planned, ThreadState } from '../domain/thread-plan.ts';
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
 * One closing in its own short transaction: lock the post, as every thread
 * write does, load its state, plan, apply, and record the figures. False when
 * the planner finds the change no longer due.
 */
async function applyClosing(
  db: Database,
  postId: number,
  now: Date,
  plan: (state: ThreadState, now: Date) => Planned<string>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const post = await lockPost(tx, postId);
    if (!post) return false;
    const planned = plan(await loadThreadState(tx, post), now);
    if (!planned.ok) return false;
    const before = await readFactsBeforeChange(tx, post.id);
    await applyThreadPlan(tx, post, planned.plan);
    await announceChange(tx, { brandId: post.brandId, postId: post.id });
    await recordPostChange(tx, before, post.id, now);
    return true;
  });
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
    // Candidates are picked in SQL with the domain's thresholds; the planner decides under the lock,
    // since a reply or a verdict may have come meanwhile.
    let promisesBroken = 0;
    for (const overdue of await listOverduePromises(db, overdueIfDueBefore(now))) {
      if (await applyClosing(db, overdue.postId, now, planBreakOverduePromise)) promisesBroken++;
    }
    let closedUnconfirmed = 0;
    for (const stale of await listStaleProposals(db, unconfirmedIfProposedBy(now))) {
      if (await applyClosing(db, stale.id, now, planCloseUnconfirmed)) closedUnconfirmed++;
    }

    // Brands whose windows time has moved, and those whose writes still wait for their refresh. Only
    // the latter are announced: what time alone moves, cached pages show within their minute of life
    // (decision 005), and announcing every brand whose window moved would empty the cache each minute.
    const written = new Set(await listBrandsToRefresh(db, 10_000));
    const brandsToRoll = [...new Set([...(await listBrandsToRoll(db, ROLLING_WINDOWS, now)), ...written])];
    for (const brandId of brandsToRoll) {
      await refreshBrandFigures(db, brandId, now);
      if (written.has(brandId)) await announceChange(db, { brandId, postId: null });
    }
    await deleteExpiredBuckets(db, now);
    await sweepExpiredSessions(db, now);
    await deleteFinishedJobs(db, new Date(now.getTime() - 30 * DAY_MS));
    return { ran: true, promisesBroken, closedUnconfirmed, brandsRolled: brandsToRoll.length };
  } finally {
    await releaseLease(db, 'maintenance', HOLDER);
  }
}
