/**
 * The brand's side of a thread (issue #5): public replies (with an optional
 * promised date, escalation or proposed resolution), taking a case, and
 * editing a reply. Every command asks the policy for the post's brand, so a
 * non-member cannot act, and a member of one brand cannot act for another.
 */
import type { Db } from '../../../db/client.ts';
import { announceChange } from '../../../db/queries/changes.ts';
import { findMessage, latestBrandReplies, lockMessage, reviseMessage } from '../../../db/queries/messages.ts';
import {
  insertEvent,
  insertMessage,
  lockPost,
  updatePost,
  type PostRow,
} from '../../../db/queries/post-writes.ts';
import { findPendingPromise, insertPromise, settlePromise } from '../../../db/queries/promises.ts';
import { findUserById } from '../../../db/queries/users.ts';
import { findTemplateSource, shingles, type EarlierReply } from '../../domain/canned.ts';
import { applyFailTransition } from '../../domain/lifecycle.ts';
import { can, type Actor } from '../../domain/policy.ts';
import { checkPromiseDate, outcomeOnNewPromise, outcomeOnProposal } from '../../domain/promises.ts';
import { countWords } from '../../domain/text.ts';
import { notifyAuthor } from '../notifications.ts';
import { readFactsBeforeChange, recordPostChange } from '../statistics.ts';
import type { CommandDeps, RateLimited } from './deps.ts';
import {
  invalid,
  notFound,
  refused,
  replyQuotaExceeded,
  writeToPublishedPost,
  type FieldProblem,
  type NotFound,
  type Refused,
} from './thread-guards.ts';

/** How many of the brand's latest replies a new one is compared with for the template check. */
export const TEMPLATE_LOOKBACK_REPLIES = 500;

async function displayName(tx: Db, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  return (await findUserById(tx, userId))?.displayName ?? null;
}

/** Makes `actor` the case's public handler, recording a takeover when someone else had it. */
async function takeOver(
  tx: Db,
  post: PostRow,
  actor: Actor,
  now: Date,
  messageId: number | null,
): Promise<void> {
  if (post.handlerId === actor.id) return;
  const previous = await displayName(tx, post.handlerId);
  await updatePost(tx, post.id, { handlerId: actor.id });
  await insertEvent(tx, {
    postId: post.id,
    type: 'case_taken',
    actorId: actor.id,
    brandId: post.brandId,
    messageId,
    data: previous ? { previousHandlerName: previous } : {},
    createdAt: now,
  });
}

/** The earlier reply this one copies (same brand, another post), by DESIGN §5's rule. */
async function detectTemplate(
  tx: Db,
  brandId: number,
  postId: number,
  body: string,
  authorName: string,
  customerName: string,
  before: { createdAt: Date; id: number } | null = null,
) {
  const earlier = await latestBrandReplies(tx, brandId, TEMPLATE_LOOKBACK_REPLIES, before);
  const candidates: EarlierReply[] = earlier
    .reverse()
    .map((reply) => ({ id: reply.id, postId: reply.postId, shingles: shingles(reply.body, [reply.agent]) }));
  return findTemplateSource({ postId, shingles: shingles(body, [authorName, customerName]) }, candidates);
}

export type ReplyResult = { ok: true; messageId: number } | Refused | NotFound | FieldProblem | RateLimited;

export async function replyAsBrand(
  deps: CommandDeps,
  actor: Actor | null,
  input: {
    postId: number;
    body: string;
    promiseDueOn: string | null;
    escalatedTo: string | null;
    proposeResolution: boolean;
  },
): Promise<ReplyResult> {
  if (input.promiseDueOn) {
    const problem = checkPromiseDate(input.promiseDueOn, deps.now);
    if (problem) return invalid({ promiseDueOn: problem });
  }
  const overQuota = await replyQuotaExceeded(deps, actor);
  if (overQuota) return overQuota;
  return writeToPublishedPost(deps, actor, input.postId, 'reply_as_brand', async (tx, post, agent) => {
    if (post.kind === 'like' && (input.promiseDueOn || input.proposeResolution || input.escalatedTo)) {
      return invalid({ body: 'A like takes a reply only: no promise, escalation or resolution.' });
    }
    const [agentName, customerName] = await Promise.all([
      displayName(tx, agent.id),
      displayName(tx, post.authorId),
    ]);
    const templateOf = await detectTemplate(
      tx,
      post.brandId,
      post.id,
      input.body,
      agentName ?? '',
      (customerName ?? '').split(' ')[0] ?? '',
    );
    const message = await insertMessage(tx, {
      postId: post.id,
      authorId: agent.id,
      kind: 'brand_reply',
      brandId: post.brandId,
      body: input.body,
      wordCount: countWords(input.body),
      isTemplate: templateOf !== null,
      templateOfId: templateOf,
      createdAt: deps.now,
      updatedAt: deps.now,
    });
    await takeOver(tx, post, agent, deps.now, message.id);

    const changes: Partial<PostRow> = {
      messageCount: post.messageCount + 1,
      lastActivityAt: deps.now,
      updatedAt: deps.now,
      firstBrandReplyAt: post.firstBrandReplyAt ?? deps.now,
    };
    let status = post.status;
    if (status)
      status = (applyFailTransition(status, { type: 'brand_reply' }) as { status: typeof status }).status;

    if (status && input.escalatedTo) {
      changes.escalatedTo = input.escalatedTo;
      await insertEvent(tx, {
        postId: post.id,
        type: 'escalated',
        actorId: agent.id,
        brandId: post.brandId,
        messageId: message.id,
        data: { team: input.escalatedTo },
        createdAt: deps.now,
      });
    }

    // The pending promise, if any: a new date replaces it (or records it broken), a proposal settles it.
    let pending = await findPendingPromise(tx, post.id);
    if (status && input.promiseDueOn) {
      const transition = applyFailTransition(status, { type: 'promise' });
      if (!transition.ok) return invalid({ promiseDueOn: 'This case is closed: no new promise.' });
      const previous = pending;
      const previousOutcome = previous ? outcomeOnNewPromise(previous, deps.now) : null;
      if (previous && previousOutcome) await settlePromise(tx, previous, previousOutcome, deps.now);
      pending = await insertPromise(tx, {
        postId: post.id,
        brandId: post.brandId,
        madeById: agent.id,
        messageId: message.id,
        dueOn: input.promiseDueOn,
        createdAt: deps.now,
      });
      const replaced = previous !== null && previousOutcome === 'replaced';
      await insertEvent(tx, {
        postId: post.id,
        type: replaced ? 'promise_replaced' : 'promise_made',
        actorId: agent.id,
        brandId: post.brandId,
        messageId: message.id,
        data: replaced
          ? { dueOn: input.promiseDueOn, previousDueOn: previous.dueOn }
          : { dueOn: input.promiseDueOn },
        createdAt: deps.now,
      });
      status = transition.status;
    }

    if (status && input.proposeResolution) {
      const transition = applyFailTransition(status, { type: 'propose_resolution' });
      if (!transition.ok) return invalid({ body: 'This case is already closed.' });
      await insertEvent(tx, {
        postId: post.id,
        type: 'resolution_proposed',
        actorId: agent.id,
        brandId: post.brandId,
        messageId: message.id,
        createdAt: deps.now,
      });
      // A promise made in this same reply is kept by it; an earlier one is kept if its day has not passed.
      if (pending) await settlePromise(tx, pending, outcomeOnProposal(pending, deps.now), deps.now);
      changes.resolutionProposedAt = deps.now;
      status = transition.status;
    }

    changes.status = status;
    await updatePost(tx, post.id, changes);
    const notify = { db: tx, now: deps.now, siteUrl: deps.siteUrl };
    await notifyAuthor(
      notify,
      post,
      input.proposeResolution && status === 'resolution_proposed' ? 'resolution_proposed' : 'brand_reply',
    );
    return { ok: true, messageId: message.id } as const;
  });
}

/** "Take this case": the member becomes its public handler; a takeover is shown in the thread. */
export async function takeCase(
  deps: CommandDeps,
  actor: Actor | null,
  input: { postId: number },
): Promise<{ ok: true } | Refused | NotFound> {
  return writeToPublishedPost(deps, actor, input.postId, 'take_case', async (tx, post, agent) => {
    await takeOver(tx, post, agent, deps.now, null);
    return { ok: true } as const;
  });
}

/** Edits a reply by its own writer; the replaced text stays readable behind "edited". */
export async function editReply(
  deps: CommandDeps,
  actor: Actor | null,
  input: { messageId: number; body: string },
): Promise<{ ok: true; postId: number } | Refused | NotFound> {
  return deps.db.transaction(async (tx) => {
    // The post first, as every thread write locks it: its figures change with the reply's length.
    const unlocked = await findMessage(tx, input.messageId);
    if (!unlocked) return notFound;
    const post = await lockPost(tx, unlocked.postId);
    // Only published posts take changes, replies included.
    if (!post || post.visibility !== 'published') return notFound;
    const before = await readFactsBeforeChange(tx, post.id);
    const message = await lockMessage(tx, input.messageId);
    if (!message || message.kind !== 'brand_reply' || message.removedAt) return notFound;
    const decision = can(actor, 'reply_as_brand', { brandId: message.brandId! });
    if (!decision.ok) return refused(decision.reason);
    // A brand's reply is signed by the member who wrote it: only they may change it.
    if (message.authorId !== actor!.id) return refused('forbidden');
    if (message.body === input.body) return { ok: true, postId: message.postId } as const;
    // An edit is checked against the replies written before this one, as a new reply would have been.
    const [agentName, customerName] = await Promise.all([
      displayName(tx, message.authorId),
      displayName(tx, post.authorId),
    ]);
    const templateOf = await detectTemplate(
      tx,
      message.brandId!,
      post.id,
      input.body,
      agentName ?? '',
      (customerName ?? '').split(' ')[0] ?? '',
      { createdAt: message.createdAt, id: message.id },
    );
    await reviseMessage(tx, message, input.body, countWords(input.body), templateOf, deps.now);
    await recordPostChange(tx, before, message.postId, deps.now);
    await announceChange(tx, { brandId: post.brandId, postId: post.id });
    return { ok: true, postId: message.postId } as const;
  });
}
