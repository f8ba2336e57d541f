/**
 * The thread changes people make (DESIGN §4), each planned from the post's
 * state without writing anything: a brand reply (with its takeover, escalation,
 * promise and proposed resolution), taking a case, the author's follow-up and
 * the verdict. Each answers a refusal or the plan that db/queries/thread-writes.ts
 * applies; what time alone changes is planned in thread-closings.ts.
 */
import { applyFailTransition } from './lifecycle.ts';
import { outcomeOnNewPromise, outcomeOnProposal } from './promises.ts';
import { countWords } from './text.ts';
import {
  emptyPlan,
  type PlannedEvent,
  type Planned,
  type PlanOnly,
  type ThreadPerson,
  type ThreadPlan,
  type ThreadState,
} from './thread-plan.ts';
import type { ThreadEventType } from './vocabulary.ts';

/** The event a settled promise shows; a replaced one is shown by the promise replacing it. */
export function promiseSettledEvent(outcome: 'kept' | 'broken', dueOn: string, at: Date): PlannedEvent {
  return {
    type: outcome === 'kept' ? 'promise_kept' : 'promise_broken',
    actorId: null,
    brandId: null,
    ofMessage: false,
    data: { dueOn },
    at,
  };
}

/** Makes `agent` the case's public handler; a takeover names the previous one. Nothing when they have it. */
function takeOver(state: ThreadState, agent: ThreadPerson, at: Date, ofMessage: boolean, plan: ThreadPlan) {
  if (state.handler?.id === agent.id) return;
  plan.post.handlerId = agent.id;
  const previous = state.handler?.name;
  plan.events.push({
    type: 'case_taken',
    actorId: agent.id,
    brandId: state.brandId,
    ofMessage,
    data: previous ? { previousHandlerName: previous } : {},
    at,
  });
}

export interface BrandReplyInput {
  agent: ThreadPerson;
  body: string;
  /** The earlier reply this one copies (src/domain/canned.ts), found by the command. */
  templateOfId: number | null;
  promiseDueOn: string | null;
  escalatedTo: string | null;
  proposeResolution: boolean;
}

export type BrandReplyRefusal = 'like_takes_reply_only' | 'closed_to_promises' | 'already_closed';

/**
 * A brand's public reply. On a fail it lifts the case out of "waiting"; a new
 * date replaces the pending promise (or records it broken when its day has
 * passed); a proposed resolution keeps the pending promise if its day has not
 * passed, including one made in this same reply.
 */
export function planBrandReply(
  state: ThreadState,
  input: BrandReplyInput,
  now: Date,
): Planned<BrandReplyRefusal> {
  if (state.kind === 'like' && (input.promiseDueOn || input.proposeResolution || input.escalatedTo)) {
    return { ok: false, reason: 'like_takes_reply_only' };
  }
  const plan = emptyPlan();
  plan.message = {
    authorId: input.agent.id,
    kind: 'brand_reply',
    brandId: state.brandId,
    body: input.body,
    wordCount: countWords(input.body),
    templateOfId: input.templateOfId,
    at: now,
  };
  takeOver(state, input.agent, now, true, plan);
  Object.assign(plan.post, {
    messageCount: state.messageCount + 1,
    lastActivityAt: now,
    updatedAt: now,
    firstBrandReplyAt: state.firstBrandReplyAt ?? now,
  });
  const brandEvent = (type: ThreadEventType, data: Record<string, unknown> = {}) =>
    plan.events.push({
      type,
      actorId: input.agent.id,
      brandId: state.brandId,
      ofMessage: true,
      data,
      at: now,
    });

  let status = state.status;
  if (status !== null) {
    // A reply never refuses and never moves a case backwards.
    const answered = applyFailTransition(status, { type: 'brand_reply' });
    if (answered.ok) status = answered.status;
    if (input.escalatedTo) {
      plan.post.escalatedTo = input.escalatedTo;
      brandEvent('escalated', { team: input.escalatedTo });
    }
    if (input.promiseDueOn) {
      const promised = applyFailTransition(status, { type: 'promise' });
      if (!promised.ok) return { ok: false, reason: 'closed_to_promises' };
      const previous = state.pendingPromise;
      const previousOutcome = previous ? outcomeOnNewPromise(previous, now) : null;
      if (previous && previousOutcome) {
        plan.settlements.push({ id: previous.id, outcome: previousOutcome, at: now });
        if (previousOutcome === 'broken')
          plan.events.push(promiseSettledEvent('broken', previous.dueOn, now));
      }
      plan.newPromise = {
        madeById: input.agent.id,
        dueOn: input.promiseDueOn,
        at: now,
        outcome: 'pending',
        settledAt: null,
      };
      if (previous && previousOutcome === 'replaced') {
        brandEvent('promise_replaced', { dueOn: input.promiseDueOn, previousDueOn: previous.dueOn });
      } else {
        brandEvent('promise_made', { dueOn: input.promiseDueOn });
      }
      status = promised.status;
    }
    if (input.proposeResolution) {
      const proposed = applyFailTransition(status, { type: 'propose_resolution' });
      if (!proposed.ok) return { ok: false, reason: 'already_closed' };
      brandEvent('resolution_proposed');
      // A promise made in this same reply is kept by it; an earlier one is kept if its day has not passed.
      if (plan.newPromise) {
        const outcome = outcomeOnProposal(plan.newPromise, now);
        plan.newPromise = { ...plan.newPromise, outcome, settledAt: now };
        plan.events.push(promiseSettledEvent(outcome, plan.newPromise.dueOn, now));
      } else if (state.pendingPromise) {
        const outcome = outcomeOnProposal(state.pendingPromise, now);
        plan.settlements.push({ id: state.pendingPromise.id, outcome, at: now });
        plan.events.push(promiseSettledEvent(outcome, state.pendingPromise.dueOn, now));
      }
      plan.post.resolutionProposedAt = now;
      status = proposed.status;
    }
  }
  plan.post.status = status;
  return { ok: true, plan };
}

/** "Take this case": the member becomes its public handler; an empty plan when they already are. */
export function planTakeCase(state: ThreadState, agent: ThreadPerson, now: Date): PlanOnly {
  const plan = emptyPlan();
  takeOver(state, agent, now, false, plan);
  return { ok: true, plan };
}

/** The author's follow-up: a message in the thread; the lifecycle does not move. */
export function planFollowUp(state: ThreadState, body: string, now: Date): PlanOnly {
  const plan = emptyPlan();
  plan.message = {
    authorId: state.authorId,
    kind: 'follow_up',
    brandId: null,
    body,
    wordCount: countWords(body),
    templateOfId: null,
    at: now,
  };
  plan.post = { messageCount: state.messageCount + 1, lastActivityAt: now };
  return { ok: true, plan };
}

export type VerdictRefusal = 'not_a_fail' | 'no_brand_reply_yet' | 'unchanged' | 'already_changed';

/** The author's final word: once the brand has replied, and changeable once (DESIGN §4). */
export function planVerdict(
  state: ThreadState,
  input: { resolved: boolean; wouldBuyAgain: boolean },
  now: Date,
): Planned<VerdictRefusal> {
  if (state.status === null) return { ok: false, reason: 'not_a_fail' };
  const transition = applyFailTransition(state.status, { type: 'verdict', resolved: input.resolved });
  if (!transition.ok) return { ok: false, reason: 'no_brand_reply_yet' };
  const previous = state.verdict;
  if (previous?.resolved === input.resolved && previous.wouldBuyAgain === input.wouldBuyAgain) {
    return { ok: false, reason: 'unchanged' };
  }
  if (previous && previous.changeCount >= 1) return { ok: false, reason: 'already_changed' };
  const plan = emptyPlan();
  const { resolved, wouldBuyAgain } = input;
  plan.verdict = previous
    ? { change: 'update', resolved, wouldBuyAgain, changeCount: previous.changeCount + 1, at: now }
    : { change: 'insert', userId: state.authorId, resolved, wouldBuyAgain, at: now };
  plan.events.push({
    type: previous ? 'verdict_changed' : 'verdict',
    actorId: state.authorId,
    brandId: null,
    ofMessage: false,
    data: { resolved, wouldBuyAgain },
    at: now,
  });
  plan.post = { status: transition.status, settledAt: now, lastActivityAt: now, updatedAt: now };
  return { ok: true, plan };
}
