/**
 * Plays a fail's thread forward in time with the live planners
 * (src/domain/thread-planners.ts, thread-closings.ts), so the seeded data obeys
 * the same rules as live data: before each step, and at the end, time passes
 * (a promise whose day is over breaks, a proposal left 30 days closes as
 * unconfirmed); each step is planned as the commands plan it, and a refused
 * step is skipped. Plans are recorded into the in-memory store with ids
 * assigned up front, then written in bulk (db/seed/store.ts), the way
 * db/queries/thread-writes.ts applies them to the database.
 */
import { planBreakOverduePromise, planCloseUnconfirmed } from '../../src/domain/thread-closings.ts';
import {
  openingThreadState,
  stateAfter,
  type ThreadPlan,
  type Planned,
} from '../../src/domain/thread-plan.ts';
import { planBrandReply, planFollowUp, planVerdict } from '../../src/domain/thread-planners.ts';
import type { FailStatus } from '../../src/domain/vocabulary.ts';
import { plannedMessageRow, plannedRows } from '../queries/thread-writes.ts';
import type { SeedStore } from './store.ts';

export interface Agent {
  userId: number;
  name: string;
}

export type ThreadStep =
  | { type: 'author'; at: Date; body: string }
  | {
      type: 'brand';
      at: Date;
      agent: Agent;
      body: string;
      promiseDueOn?: string | null;
      proposeResolution?: boolean;
      escalateTo?: string | null;
    }
  | { type: 'verdict'; at: Date; resolved: boolean; wouldBuyAgain: boolean };

export interface ThreadPost {
  id: number;
  kind: 'like' | 'fail';
  brandId: number;
  authorId: number;
  createdAt: Date;
}

export interface ThreadOutcome {
  status: FailStatus | null;
  handlerId: number | null;
  escalatedTo: string | null;
  firstBrandReplyAt: Date | null;
  resolutionProposedAt: Date | null;
  settledAt: Date | null;
  lastActivityAt: Date;
  messageCount: number;
  /** Ids of the brand replies written, in order (to detect templates later). */
  brandReplyIds: number[];
}

/** Adds the plan's rows to the store, built as thread-writes.ts builds them for the database. */
function record(store: SeedStore, post: ThreadPost, plan: ThreadPlan) {
  let messageId: number | null = null;
  if (plan.message) {
    messageId = store.nextId('messages');
    store.messages.push({ id: messageId, ...plannedMessageRow(post, plan.message) });
  }
  const rows = plannedRows(post, plan, messageId);
  for (const settlement of plan.settlements) {
    const row = store.promises.find((promise) => promise.id === settlement.id)!;
    row.outcome = settlement.outcome;
    row.settledAt = settlement.at;
  }
  let newPromiseId: number | null = null;
  if (rows.promise) {
    newPromiseId = store.nextId('promises');
    store.promises.push({ id: newPromiseId, ...rows.promise });
  }
  if (rows.newVerdict) store.verdicts.push(rows.newVerdict);
  if (rows.changedVerdict) {
    Object.assign(
      store.verdicts.find((verdict) => verdict.postId === post.id)!,
      rows.changedVerdict,
    );
  }
  for (const event of rows.events) store.events.push({ id: store.nextId('events'), ...event });
  return { messageId, newPromiseId };
}

export function playThread(
  store: SeedStore,
  post: ThreadPost,
  steps: ThreadStep[],
  now: Date,
): ThreadOutcome {
  let state = openingThreadState(post);
  let escalatedTo: string | null = null;
  let settledAt: Date | null = null;
  let lastActivityAt = post.createdAt;
  const brandReplyIds: number[] = [];

  /** Records a planned change and moves the state on; a refused change leaves both as they were. */
  const apply = (planned: Planned<string>, agent: Agent | null = null) => {
    if (!planned.ok) return null;
    const { plan } = planned;
    const written = record(store, post, plan);
    const handler = agent ? { id: agent.userId, name: agent.name } : null;
    state = stateAfter(state, plan, { newPromiseId: written.newPromiseId, handler });
    escalatedTo = plan.post.escalatedTo ?? escalatedTo;
    settledAt = plan.post.settledAt ?? settledAt;
    lastActivityAt = plan.post.lastActivityAt ?? lastActivityAt;
    return written;
  };

  /** Lets time pass, as the maintenance runner would. */
  const advanceTo = (at: Date) => {
    apply(planBreakOverduePromise(state, at));
    apply(planCloseUnconfirmed(state, at));
  };

  for (const step of [...steps].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (step.at > now) break;
    advanceTo(step.at);
    if (step.type === 'author') {
      apply(planFollowUp(state, step.body, step.at));
    } else if (step.type === 'verdict') {
      apply(planVerdict(state, step, step.at));
    } else {
      const agent = { id: step.agent.userId, name: step.agent.name };
      const written = apply(
        planBrandReply(
          state,
          {
            agent,
            body: step.body,
            templateOfId: null,
            promiseDueOn: step.promiseDueOn ?? null,
            escalatedTo: step.escalateTo ?? null,
            proposeResolution: step.proposeResolution ?? false,
          },
          step.at,
        ),
        step.agent,
      );
      if (written?.messageId) brandReplyIds.push(written.messageId);
    }
  }
  advanceTo(now);

  return {
    status: state.status,
    handlerId: state.handler?.id ?? null,
    escalatedTo,
    firstBrandReplyAt: state.firstBrandReplyAt,
    resolutionProposedAt: state.resolutionProposedAt,
    settledAt,
    lastActivityAt,
    messageCount: state.messageCount,
    brandReplyIds,
  };
}
