/**
 * What a thread change is made of, before anything is written (issue #10).
 * A planner (src/domain/thread-planners.ts, thread-closings.ts) reads a
 * `ThreadState` and answers a refusal or a `ThreadPlan`: the rows to add, the
 * post's changed columns and the events the thread shows, in the order they
 * are shown. One writer applies a plan (db/queries/thread-writes.ts), for the
 * commands, the maintenance runner and the demo seed alike, so every rule
 * of the thread lives in the planners and nowhere else.
 */
import { openingStatus } from './lifecycle.ts';
import type { FailStatus, PostKind, PromiseOutcome, ThreadEventType } from './vocabulary.ts';

/** Someone acting in the thread, with the name a takeover shows ("took over from Alex"). */
export interface ThreadPerson {
  id: number;
  name: string | null;
}

/** What the planners know of a post: its row's thread columns and its pending promise and verdict. */
export interface ThreadState {
  postId: number;
  brandId: number;
  authorId: number;
  kind: PostKind;
  /** Null for a like: a like has no lifecycle. */
  status: FailStatus | null;
  handler: ThreadPerson | null;
  firstBrandReplyAt: Date | null;
  resolutionProposedAt: Date | null;
  messageCount: number;
  pendingPromise: { id: number; dueOn: string } | null;
  verdict: { resolved: boolean; wouldBuyAgain: boolean; changeCount: number } | null;
}

/** The state of a thread nobody has written in yet: a fail waits for the brand, a like has no status. */
export function openingThreadState(post: {
  id: number;
  brandId: number;
  authorId: number;
  kind: PostKind;
}): ThreadState {
  return {
    postId: post.id,
    brandId: post.brandId,
    authorId: post.authorId,
    kind: post.kind,
    status: openingStatus(post.kind),
    handler: null,
    firstBrandReplyAt: null,
    resolutionProposedAt: null,
    messageCount: 0,
    pendingPromise: null,
    verdict: null,
  };
}

/** The post's columns a plan may change. */
export interface PostChanges {
  status?: FailStatus | null;
  handlerId?: number;
  escalatedTo?: string;
  firstBrandReplyAt?: Date;
  resolutionProposedAt?: Date;
  settledAt?: Date;
  messageCount?: number;
  lastActivityAt?: Date;
  updatedAt?: Date;
}

export interface PlannedMessage {
  authorId: number;
  kind: 'brand_reply' | 'follow_up';
  brandId: number | null;
  body: string;
  wordCount: number;
  templateOfId: number | null;
  at: Date;
}

export interface PlannedEvent {
  type: ThreadEventType;
  actorId: number | null;
  brandId: number | null;
  /** Whether the event points at the message this plan adds (a reply's promise, its takeover…). */
  ofMessage: boolean;
  data: Record<string, unknown>;
  at: Date;
}

/** A promise already stored, settled by this plan. */
export interface PromiseSettlement {
  id: number;
  outcome: Exclude<PromiseOutcome, 'pending'>;
  at: Date;
}

/** A promise this plan makes, made by the plan's message; settled at once when the same reply proposes. */
export interface PlannedPromise {
  madeById: number;
  dueOn: string;
  at: Date;
  outcome: PromiseOutcome;
  settledAt: Date | null;
}

export type PlannedVerdict =
  | { change: 'insert'; userId: number; resolved: boolean; wouldBuyAgain: boolean; at: Date }
  | { change: 'update'; resolved: boolean; wouldBuyAgain: boolean; changeCount: number; at: Date };

export interface ThreadPlan {
  message: PlannedMessage | null;
  post: PostChanges;
  /** Settled before `newPromise` is added: a post has at most one pending promise. */
  settlements: PromiseSettlement[];
  newPromise: PlannedPromise | null;
  verdict: PlannedVerdict | null;
  /** In the order the thread shows them. */
  events: PlannedEvent[];
}

/** A planner's answer: the plan, or why the change is refused. */
export type Planned<Reason extends string> = PlanOnly | { ok: false; reason: Reason };

/** The answer of a planner that never refuses. */
export interface PlanOnly {
  ok: true;
  plan: ThreadPlan;
}

export const emptyPlan = (): ThreadPlan => ({
  message: null,
  post: {},
  settlements: [],
  newPromise: null,
  verdict: null,
  events: [],
});

/**
 * The state after `plan` was applied, for a caller that plays several changes
 * in a row (the demo seed): `newPromiseId` is the id the writer gave the
 * plan's new promise, and `handler` who the plan made the handler.
 */
export function stateAfter(
  state: ThreadState,
  plan: ThreadPlan,
  written: { newPromiseId: number | null; handler: ThreadPerson | null },
): ThreadState {
  const { post } = plan;
  const settledIds = new Set(plan.settlements.map((settlement) => settlement.id));
  let pendingPromise =
    state.pendingPromise && settledIds.has(state.pendingPromise.id) ? null : state.pendingPromise;
  if (plan.newPromise?.outcome === 'pending' && written.newPromiseId !== null) {
    pendingPromise = { id: written.newPromiseId, dueOn: plan.newPromise.dueOn };
  }
  const verdict = plan.verdict
    ? {
        resolved: plan.verdict.resolved,
        wouldBuyAgain: plan.verdict.wouldBuyAgain,
        changeCount: plan.verdict.change === 'update' ? plan.verdict.changeCount : 0,
      }
    : state.verdict;
  return {
    ...state,
    status: post.status !== undefined ? post.status : state.status,
    handler: post.handlerId !== undefined ? written.handler : state.handler,
    firstBrandReplyAt: post.firstBrandReplyAt ?? state.firstBrandReplyAt,
    resolutionProposedAt: post.resolutionProposedAt ?? state.resolutionProposedAt,
    messageCount: post.messageCount ?? state.messageCount,
    pendingPromise,
    verdict,
  };
}
