/**
 * The brand's side of a thread (issue #5): public replies (with an optional
 * promised date, escalation or proposed resolution), taking a case, and
 * editing a reply. Every command asks the policy for the post's brand, so a
 * non-member cannot act, and a member of one brand cannot act for another.
 */
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { insertEvent, insertMessage, updatePost, type PostRow } from '../../../db/queries/post-writes.ts';
import { recomputeBrandStats } from '../../../db/queries/stats.ts';
import { findUserById } from '../../../db/queries/users.ts';
import { messageRevisions, promises, threadMessages, users } from '../../../db/schema.ts';
import { findTemplateSource, shingles, type EarlierReply } from '../../domain/canned.ts';
import { applyFailTransition } from '../../domain/lifecycle.ts';
import { can, type Actor } from '../../domain/policy.ts';
import { checkPromiseDate, outcomeOnNewPromise, outcomeOnProposal } from '../../domain/promises.ts';
import { countWords } from '../../domain/text.ts';
import { notifyAuthor } from '../notifications.ts';
import type { CommandDeps, RateLimited } from './deps.ts';
import { publishedPost, replyQuotaExceeded } from './thread-guards.ts';
import type { FieldProblem, NotFound, Refused } from './posts.ts';

/** How many of the brand's latest replies a new one is compared with for the template check. */
export const TEMPLATE_LOOKBACK_REPLIES = 500;

const notFound: NotFound = { ok: false, reason: 'not_found' };

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
) {
  const earlier = await tx
    .select({
      id: threadMessages.id,
      postId: threadMessages.postId,
      body: threadMessages.body,
      agent: users.displayName,
    })
    .from(threadMessages)
    .innerJoin(users, eq(users.id, threadMessages.authorId))
    .where(and(eq(threadMessages.brandId, brandId), eq(threadMessages.kind, 'brand_reply')))
    .orderBy(desc(threadMessages.createdAt), desc(threadMessages.id))
    .limit(TEMPLATE_LOOKBACK_REPLIES);
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
    if (problem) return { ok: false, reason: 'invalid', fieldErrors: { promiseDueOn: problem } };
  }
  const overQuota = await replyQuotaExceeded(deps, actor);
  if (overQuota) return overQuota;
  return deps.db.transaction(async (tx) => {
    const post = await publishedPost(tx, input.postId);
    if (!post) return notFound;
    const decision = can(actor, 'reply_as_brand', {
      brandId: post.brandId,
      authorId: post.authorId,
      postKind: post.kind,
    });
    if (!decision.ok) return { ok: false, reason: 'refused', refusal: decision.reason } as const;
    const agent = actor!;
    if (post.kind === 'like' && (input.promiseDueOn || input.proposeResolution || input.escalatedTo)) {
      return {
        ok: false,
        reason: 'invalid',
        fieldErrors: { body: 'A like takes a reply only: no promise, escalation or resolution.' },
      } as const;
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

    const [pending] = await tx
      .select()
      .from(promises)
      .where(and(eq(promises.postId, post.id), eq(promises.outcome, 'pending')))
      .limit(1);
    if (status && input.promiseDueOn) {
      const transition = applyFailTransition(status, { type: 'promise' });
      if (!transition.ok)
        return {
          ok: false,
          reason: 'invalid',
          fieldErrors: { promiseDueOn: 'This case is closed: no new promise.' },
        } as const;
      if (pending) {
        const outcome = outcomeOnNewPromise(pending, deps.now);
        await tx.update(promises).set({ outcome, settledAt: deps.now }).where(eq(promises.id, pending.id));
        if (outcome === 'broken') {
          await insertEvent(tx, {
            postId: post.id,
            type: 'promise_broken',
            actorId: null,
            data: { dueOn: pending.dueOn },
            createdAt: deps.now,
          });
        }
      }
      await tx.insert(promises).values({
        postId: post.id,
        brandId: post.brandId,
        madeById: agent.id,
        messageId: message.id,
        dueOn: input.promiseDueOn,
        createdAt: deps.now,
      });
      const replaced = pending && outcomeOnNewPromise(pending, deps.now) === 'replaced';
      await insertEvent(tx, {
        postId: post.id,
        type: replaced ? 'promise_replaced' : 'promise_made',
        actorId: agent.id,
        brandId: post.brandId,
        messageId: message.id,
        data: replaced
          ? { dueOn: input.promiseDueOn, previousDueOn: pending.dueOn }
          : { dueOn: input.promiseDueOn },
        createdAt: deps.now,
      });
      status = transition.status;
    }

    if (status && input.proposeResolution) {
      const transition = applyFailTransition(status, { type: 'propose_resolution' });
      if (!transition.ok)
        return {
          ok: false,
          reason: 'invalid',
          fieldErrors: { body: 'This case is already closed.' },
        } as const;
      await insertEvent(tx, {
        postId: post.id,
        type: 'resolution_proposed',
        actorId: agent.id,
        brandId: post.brandId,
        messageId: message.id,
        createdAt: deps.now,
      });
      // A promise made in this same reply is kept by it; an earlier one is kept if its day has not passed.
      const [open] = await tx
        .select()
        .from(promises)
        .where(and(eq(promises.postId, post.id), eq(promises.outcome, 'pending')))
        .limit(1);
      if (open) {
        const outcome = outcomeOnProposal(open, deps.now);
        await tx.update(promises).set({ outcome, settledAt: deps.now }).where(eq(promises.id, open.id));
        await insertEvent(tx, {
          postId: post.id,
          type: outcome === 'kept' ? 'promise_kept' : 'promise_broken',
          actorId: null,
          data: { dueOn: open.dueOn },
          createdAt: deps.now,
        });
      }
      changes.resolutionProposedAt = deps.now;
      status = transition.status;
    }

    changes.status = status;
    await updatePost(tx, post.id, changes);
    await recomputeBrandStats(tx, deps.now, post.brandId);
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
  return deps.db.transaction(async (tx) => {
    const post = await publishedPost(tx, input.postId);
    if (!post) return notFound;
    const decision = can(actor, 'take_case', {
      brandId: post.brandId,
      authorId: post.authorId,
      postKind: post.kind,
    });
    if (!decision.ok) return { ok: false, reason: 'refused', refusal: decision.reason } as const;
    await takeOver(tx, post, actor!, deps.now, null);
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
    const [message] = await tx
      .select()
      .from(threadMessages)
      .where(eq(threadMessages.id, input.messageId))
      .for('update')
      .limit(1);
    if (!message || message.kind !== 'brand_reply' || message.removedAt) return notFound;
    const decision = can(actor, 'reply_as_brand', { brandId: message.brandId! });
    if (!decision.ok) return { ok: false, reason: 'refused', refusal: decision.reason } as const;
    // A brand's reply is signed by the member who wrote it: only they may change it.
    if (message.authorId !== actor!.id)
      return { ok: false, reason: 'refused', refusal: 'forbidden' } as const;
    if (message.body === input.body) return { ok: true, postId: message.postId } as const;
    await tx.insert(messageRevisions).values({
      messageId: message.id,
      revision: message.revisionCount + 1,
      body: message.body,
      createdAt: message.updatedAt,
    });
    await tx
      .update(threadMessages)
      .set({
        body: input.body,
        wordCount: countWords(input.body),
        revisionCount: message.revisionCount + 1,
        updatedAt: deps.now,
      })
      .where(eq(threadMessages.id, message.id));
    await recomputeBrandStats(tx, deps.now, message.brandId!);
    return { ok: true, postId: message.postId } as const;
  });
}

/** Earlier versions of a reply, oldest first. */
export function listReplyRevisions(db: Db, messageId: number) {
  return db
    .select()
    .from(messageRevisions)
    .where(and(eq(messageRevisions.messageId, messageId), gte(messageRevisions.revision, 1)))
    .orderBy(messageRevisions.revision);
}
