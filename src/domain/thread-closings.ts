/**
 * What time alone changes in a thread (DESIGN §4, §5): a promise whose day
 * passed without a proposal is broken at the end of that day, and a proposal
 * left 30 days without a verdict closes as unconfirmed. The maintenance runner
 * (src/server/maintenance.ts) and the demo seed (db/seed/threads.ts) both plan
 * these here. The runner picks candidates in SQL with the thresholds below,
 * which a unit test proves agree with the rules, then lets the planner decide.
 */
import { applyFailTransition, UNCONFIRMED_AFTER_DAYS } from './lifecycle.ts';
import { isoDay, isOverdue, promiseDeadline } from './promises.ts';
import { emptyPlan, type Planned, type ThreadState } from './thread-plan.ts';
import { promiseSettledEvent } from './thread-planners.ts';

const DAY_MILLISECONDS = 86_400_000;

/** A pending promise is overdue at `now` exactly when its day is before this one ("YYYY-MM-DD"). */
export function overdueIfDueBefore(now: Date): string {
  return isoDay(now);
}

/** A proposal closes as unconfirmed at `now` exactly when it was made at or before this instant. */
export function unconfirmedIfProposedBy(now: Date): Date {
  return new Date(now.getTime() - UNCONFIRMED_AFTER_DAYS * DAY_MILLISECONDS);
}

/** Breaks the pending promise whose day is over; it is broken as of the end of its day. */
export function planBreakOverduePromise(
  state: ThreadState,
  now: Date,
): Planned<'no_pending_promise' | 'not_overdue'> {
  const promise = state.pendingPromise;
  if (!promise) return { ok: false, reason: 'no_pending_promise' };
  if (!isOverdue(promise, now)) return { ok: false, reason: 'not_overdue' };
  const at = promiseDeadline(promise.dueOn);
  const plan = emptyPlan();
  plan.settlements.push({ id: promise.id, outcome: 'broken', at });
  plan.events.push(promiseSettledEvent('broken', promise.dueOn, at));
  return { ok: true, plan };
}

/** Closes a proposal left 30 days without a verdict, as of the day the 30 days ran out. */
export function planCloseUnconfirmed(
  state: ThreadState,
  now: Date,
): Planned<'no_open_proposal' | 'too_early'> {
  const proposedAt = state.resolutionProposedAt;
  if (state.status === null || proposedAt === null) return { ok: false, reason: 'no_open_proposal' };
  const transition = applyFailTransition(state.status, { type: 'close_unconfirmed', proposedAt, now });
  if (!transition.ok)
    return { ok: false, reason: transition.reason === 'too_early' ? 'too_early' : 'no_open_proposal' };
  const closedAt = new Date(proposedAt.getTime() + UNCONFIRMED_AFTER_DAYS * DAY_MILLISECONDS);
  const plan = emptyPlan();
  plan.post = { status: transition.status, settledAt: closedAt, updatedAt: now };
  plan.events.push({
    type: 'closed_unconfirmed',
    actorId: null,
    brandId: null,
    ofMessage: false,
    data: {},
    at: closedAt,
  });
  return { ok: true, plan };
}
