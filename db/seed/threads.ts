/**
 * Plays a fail's thread forward in time so the seeded data obeys the same
 * rules as live data: statuses come from the lifecycle module, promise
 * outcomes from the dates (kept when a resolution is proposed by the due
 * date, replaced when moved before it passes, broken when it passes), and a
 * proposal left 30 days without a verdict closes as unconfirmed.
 */
import { applyFailTransition, UNCONFIRMED_AFTER_DAYS } from '../../src/domain/lifecycle.ts';
import { countWords } from '../../src/domain/text.ts';
import type { FailStatus, ThreadEventType } from '../../src/domain/vocabulary.ts';
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

const DAY_MS = 86_400_000;

/** The instant a promise for `dueOn` has passed: the start of the next UTC day. */
function endOfDay(dueOn: string): Date {
  return new Date(new Date(`${dueOn}T00:00:00Z`).getTime() + DAY_MS);
}

export function playThread(
  store: SeedStore,
  post: ThreadPost,
  steps: ThreadStep[],
  now: Date,
): ThreadOutcome {
  let status: FailStatus | null = post.kind === 'fail' ? 'waiting' : null;
  let handler: Agent | null = null;
  let escalatedTo: string | null = null;
  let firstBrandReplyAt: Date | null = null;
  let resolutionProposedAt: Date | null = null;
  let settledAt: Date | null = null;
  let lastActivityAt = post.createdAt;
  let messageCount = 0;
  let pending: { id: number; dueOn: string } | null = null;
  const brandReplyIds: number[] = [];

  const event = (
    type: ThreadEventType,
    at: Date,
    actor: Agent | null,
    data: Record<string, unknown>,
    messageId: number | null = null,
    byAuthor = false,
  ) =>
    store.events.push({
      id: store.nextId('events'),
      postId: post.id,
      type,
      actorId: byAuthor ? post.authorId : (actor?.userId ?? null),
      brandId: actor && !byAuthor ? post.brandId : null,
      messageId,
      data,
      createdAt: at,
    });

  const settlePromise = (outcome: 'kept' | 'broken' | 'replaced', at: Date) => {
    if (!pending) return;
    const row = store.promises.find((promise) => promise.id === pending!.id)!;
    row.outcome = outcome;
    row.settledAt = at;
    if (outcome !== 'replaced')
      event(outcome === 'kept' ? 'promise_kept' : 'promise_broken', at, null, { dueOn: pending.dueOn });
    pending = null;
  };

  /** Lets time pass: a promise whose day is over without a proposal is broken. */
  const advanceTo = (at: Date) => {
    if (pending && endOfDay(pending.dueOn) <= at) settlePromise('broken', endOfDay(pending.dueOn));
    if (status === 'resolution_proposed' && resolutionProposedAt) {
      const result = applyFailTransition(status, {
        type: 'close_unconfirmed',
        proposedAt: resolutionProposedAt,
        now: at,
      });
      if (result.ok) {
        const closedAt = new Date(resolutionProposedAt.getTime() + UNCONFIRMED_AFTER_DAYS * DAY_MS);
        status = result.status;
        settledAt = closedAt;
        event('closed_unconfirmed', closedAt, null, {});
      }
    }
  };

  for (const step of [...steps].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (step.at > now) break;
    advanceTo(step.at);
    if (step.type === 'author') {
      store.messages.push({
        id: store.nextId('messages'),
        postId: post.id,
        authorId: post.authorId,
        kind: 'follow_up',
        brandId: null,
        body: step.body,
        wordCount: countWords(step.body),
        createdAt: step.at,
        updatedAt: step.at,
      });
      messageCount++;
      lastActivityAt = step.at;
      continue;
    }
    if (step.type === 'verdict') {
      if (status === null) continue;
      const result = applyFailTransition(status, { type: 'verdict', resolved: step.resolved });
      if (!result.ok) continue;
      status = result.status;
      settledAt = step.at;
      store.verdicts.push({
        postId: post.id,
        userId: post.authorId,
        resolved: step.resolved,
        wouldBuyAgain: step.wouldBuyAgain,
        createdAt: step.at,
        updatedAt: step.at,
      });
      event(
        'verdict',
        step.at,
        null,
        { resolved: step.resolved, wouldBuyAgain: step.wouldBuyAgain },
        null,
        true,
      );
      lastActivityAt = step.at;
      continue;
    }
    // A brand reply, possibly carrying a promise, a proposal or an escalation.
    const messageId = store.nextId('messages');
    store.messages.push({
      id: messageId,
      postId: post.id,
      authorId: step.agent.userId,
      kind: 'brand_reply',
      brandId: post.brandId,
      body: step.body,
      wordCount: countWords(step.body),
      createdAt: step.at,
      updatedAt: step.at,
    });
    brandReplyIds.push(messageId);
    messageCount++;
    lastActivityAt = step.at;
    firstBrandReplyAt ??= step.at;
    if (!handler || handler.userId !== step.agent.userId) {
      event(
        'case_taken',
        step.at,
        step.agent,
        handler ? { previousHandlerName: handler.name } : {},
        messageId,
      );
      handler = step.agent;
    }
    if (status === null) continue; // a like: a thank-you, no lifecycle
    status = (applyFailTransition(status, { type: 'brand_reply' }) as { status: FailStatus }).status;
    if (step.escalateTo) {
      escalatedTo = step.escalateTo;
      event('escalated', step.at, step.agent, { team: step.escalateTo }, messageId);
    }
    if (step.promiseDueOn) {
      const result = applyFailTransition(status, { type: 'promise' });
      if (result.ok) {
        const previous: { id: number; dueOn: string } | null = pending;
        if (previous) settlePromise('replaced', step.at);
        const promiseId = store.nextId('promises');
        store.promises.push({
          id: promiseId,
          postId: post.id,
          brandId: post.brandId,
          madeById: step.agent.userId,
          messageId,
          dueOn: step.promiseDueOn,
          outcome: 'pending',
          createdAt: step.at,
        });
        pending = { id: promiseId, dueOn: step.promiseDueOn };
        event(
          previous ? 'promise_replaced' : 'promise_made',
          step.at,
          step.agent,
          previous
            ? { dueOn: step.promiseDueOn, previousDueOn: previous.dueOn }
            : { dueOn: step.promiseDueOn },
          messageId,
        );
        status = result.status;
      }
    }
    if (step.proposeResolution) {
      const result = applyFailTransition(status, { type: 'propose_resolution' });
      if (result.ok) {
        status = result.status;
        resolutionProposedAt = step.at;
        event('resolution_proposed', step.at, step.agent, {}, messageId);
        if (pending) settlePromise('kept', step.at);
      }
    }
  }
  advanceTo(now);

  return {
    status,
    handlerId: (handler as Agent | null)?.userId ?? null,
    escalatedTo,
    firstBrandReplyAt,
    resolutionProposedAt,
    settledAt,
    lastActivityAt,
    messageCount,
    brandReplyIds,
  };
}
