/**
 * The one writer of thread changes (issue #10): reads the state a planner
 * needs, and applies the plan it answers (src/domain/thread-plan.ts) — the
 * message, settled and new promises, the verdict, the post's columns, then the
 * events in the order the thread shows them. Callers lock the post first
 * (`lockPost`) and apply inside the same transaction.
 */
import { eq } from 'drizzle-orm';
import type { PlannedMessage, ThreadPlan, ThreadState } from '../../src/domain/thread-plan.ts';
import type { Db } from '../client.ts';
import { promises, threadEvents, threadMessages, verdicts } from '../schema.ts';
import { findVerdict, insertMessage, updatePost, type PostRow } from './post-writes.ts';
import { findPendingPromise } from './promises.ts';
import { findUserById } from './users.ts';

/** The thread state of a post read (and locked) by `lockPost` in this transaction. */
export async function loadThreadState(db: Db, post: PostRow): Promise<ThreadState> {
  const [handler, pending, verdict] = await Promise.all([
    post.handlerId === null ? null : findUserById(db, post.handlerId),
    findPendingPromise(db, post.id),
    findVerdict(db, post.id),
  ]);
  return {
    postId: post.id,
    brandId: post.brandId,
    authorId: post.authorId,
    kind: post.kind,
    status: post.status,
    handler: post.handlerId === null ? null : { id: post.handlerId, name: handler?.displayName ?? null },
    firstBrandReplyAt: post.firstBrandReplyAt,
    resolutionProposedAt: post.resolutionProposedAt,
    messageCount: post.messageCount,
    pendingPromise: pending ? { id: pending.id, dueOn: pending.dueOn } : null,
    verdict: verdict
      ? { resolved: verdict.resolved, wouldBuyAgain: verdict.wouldBuyAgain, changeCount: verdict.changeCount }
      : null,
  };
}

type PostKey = Pick<PostRow, 'id' | 'brandId'>;

/** The row of the message a plan adds. */
function plannedMessageRow(post: PostKey, message: PlannedMessage) {
  return {
    postId: post.id,
    authorId: message.authorId,
    kind: message.kind,
    brandId: message.brandId,
    body: message.body,
    wordCount: message.wordCount,
    ...(message.templateOfId === null ? {} : { isTemplate: true, templateOfId: message.templateOfId }),
    createdAt: message.at,
    updatedAt: message.at,
  } satisfies typeof threadMessages.$inferInsert;
}

/** The other rows of a plan, once its message (if any) has its id. */
function plannedRows(post: PostKey, plan: ThreadPlan, messageId: number | null) {
  const { newPromise, verdict } = plan;
  return {
    promise: newPromise && {
      postId: post.id,
      brandId: post.brandId,
      madeById: newPromise.madeById,
      messageId,
      dueOn: newPromise.dueOn,
      outcome: newPromise.outcome,
      ...(newPromise.settledAt ? { settledAt: newPromise.settledAt } : {}),
      createdAt: newPromise.at,
    },
    newVerdict: verdict?.change === 'insert' && {
      postId: post.id,
      userId: verdict.userId,
      resolved: verdict.resolved,
      wouldBuyAgain: verdict.wouldBuyAgain,
      createdAt: verdict.at,
      updatedAt: verdict.at,
    },
    changedVerdict: verdict?.change === 'update' && {
      resolved: verdict.resolved,
      wouldBuyAgain: verdict.wouldBuyAgain,
      changeCount: verdict.changeCount,
      updatedAt: verdict.at,
    },
    events: plan.events.map((event) => ({
      postId: post.id,
      type: event.type,
      actorId: event.actorId,
      brandId: event.brandId,
      messageId: event.ofMessage ? messageId : null,
      data: event.data,
      createdAt: event.at,
    })),
  } satisfies {
    promise: typeof promises.$inferInsert | null;
    newVerdict: typeof verdicts.$inferInsert | false;
    changedVerdict: Partial<typeof verdicts.$inferInsert> | false;
    events: (typeof threadEvents.$inferInsert)[];
  };
}

/** Writes `plan` for the post; answers the ids of the message and the promise it added, if any. */
export async function applyThreadPlan(
  db: Db,
  post: PostKey,
  plan: ThreadPlan,
): Promise<{ messageId: number | null; promiseId: number | null }> {
  const message = plan.message ? await insertMessage(db, plannedMessageRow(post, plan.message)) : null;
  const messageId = message?.id ?? null;
  const rows = plannedRows(post, plan, messageId);
  // Settled first: the unique pending-promise index allows one pending promise per post.
  for (const settlement of plan.settlements) {
    await db
      .update(promises)
      .set({ outcome: settlement.outcome, settledAt: settlement.at })
      .where(eq(promises.id, settlement.id));
  }
  const [promise] = rows.promise
    ? await db.insert(promises).values(rows.promise).returning({ id: promises.id })
    : [];
  if (rows.newVerdict) await db.insert(verdicts).values(rows.newVerdict);
  if (rows.changedVerdict)
    await db.update(verdicts).set(rows.changedVerdict).where(eq(verdicts.postId, post.id));
  if (Object.keys(plan.post).length > 0) await updatePost(db, post.id, plan.post);
  if (rows.events.length > 0) await db.insert(threadEvents).values(rows.events);
  return { messageId, promiseId: promise?.id ?? null };
}
