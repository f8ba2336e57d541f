/**
 * The one writer of thread changes (issue #10): reads the state a planner
 * needs, and applies the plan it answers (src/domain/thread-plan.ts) — the
 * message, settled and new promises, the verdict, the post's columns, then the
 * events in the order the thread shows them. Callers lock the post first
 * (`lockPost`) and apply inside the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { ThreadPlan, ThreadState } from '../../src/domain/thread-plan.ts';
import type { Db } from '../client.ts';
import { promises, users } from '../schema.ts';
import {
  findVerdict,
  insertEvent,
  insertMessage,
  insertVerdict,
  updatePost,
  updateVerdict,
  type PostRow,
} from './post-writes.ts';
import { findPendingPromise } from './promises.ts';

async function displayName(db: Db, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const [user] = await db
    .select({ displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user?.displayName ?? null;
}

/** The thread state of a post read (and locked) by `lockPost` in this transaction. */
export async function loadThreadState(db: Db, post: PostRow): Promise<ThreadState> {
  const [handlerName, pending, verdict] = await Promise.all([
    displayName(db, post.handlerId),
    findPendingPromise(db, post.id),
    findVerdict(db, post.id),
  ]);
  return {
    postId: post.id,
    brandId: post.brandId,
    authorId: post.authorId,
    kind: post.kind,
    status: post.status,
    handler: post.handlerId === null ? null : { id: post.handlerId, name: handlerName },
    firstBrandReplyAt: post.firstBrandReplyAt,
    resolutionProposedAt: post.resolutionProposedAt,
    messageCount: post.messageCount,
    pendingPromise: pending ? { id: pending.id, dueOn: pending.dueOn } : null,
    verdict: verdict
      ? { resolved: verdict.resolved, wouldBuyAgain: verdict.wouldBuyAgain, changeCount: verdict.changeCount }
      : null,
  };
}

/** Writes `plan` for the post; answers the id of the message it added, if any. */
export async function applyThreadPlan(
  db: Db,
  post: Pick<PostRow, 'id' | 'brandId'>,
  plan: ThreadPlan,
): Promise<{ messageId: number | null }> {
  const message = plan.message
    ? await insertMessage(db, {
        postId: post.id,
        authorId: plan.message.authorId,
        kind: plan.message.kind,
        brandId: plan.message.brandId,
        body: plan.message.body,
        wordCount: plan.message.wordCount,
        isTemplate: plan.message.templateOfId !== null,
        templateOfId: plan.message.templateOfId,
        createdAt: plan.message.at,
        updatedAt: plan.message.at,
      })
    : null;
  const messageId = message?.id ?? null;
  // Settled first: the unique pending-promise index allows one pending promise per post.
  for (const settlement of plan.settlements) {
    await db
      .update(promises)
      .set({ outcome: settlement.outcome, settledAt: settlement.at })
      .where(eq(promises.id, settlement.id));
  }
  if (plan.newPromise) {
    await db.insert(promises).values({
      postId: post.id,
      brandId: post.brandId,
      madeById: plan.newPromise.madeById,
      messageId,
      dueOn: plan.newPromise.dueOn,
      outcome: plan.newPromise.outcome,
      settledAt: plan.newPromise.settledAt,
      createdAt: plan.newPromise.at,
    });
  }
  const verdict = plan.verdict;
  if (verdict?.change === 'insert') {
    await insertVerdict(db, {
      postId: post.id,
      userId: verdict.userId,
      resolved: verdict.resolved,
      wouldBuyAgain: verdict.wouldBuyAgain,
      createdAt: verdict.at,
      updatedAt: verdict.at,
    });
  } else if (verdict?.change === 'update') {
    await updateVerdict(db, post.id, {
      resolved: verdict.resolved,
      wouldBuyAgain: verdict.wouldBuyAgain,
      changeCount: verdict.changeCount,
      updatedAt: verdict.at,
    });
  }
  if (Object.keys(plan.post).length > 0) await updatePost(db, post.id, plan.post);
  for (const event of plan.events) {
    await insertEvent(db, {
      postId: post.id,
      type: event.type,
      actorId: event.actorId,
      brandId: event.brandId,
      messageId: event.ofMessage ? messageId : null,
      data: event.data,
      createdAt: event.at,
    });
  }
  return { messageId };
}
