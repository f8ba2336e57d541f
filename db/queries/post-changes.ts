/**
 * The one writer of changes to a post itself (src/domain/post-changes.ts) and of moderators'
 * decisions (src/domain/moderation-decisions.ts), for the commands and the demo seed alike.
 * Callers lock the post first (`lockPost`) and apply inside the same transaction.
 */
import type { DecisionPlan } from '../../src/domain/moderation-decisions.ts';
import type { PostChangePlan } from '../../src/domain/post-changes.ts';
import type { Db } from '../client.ts';
import { closeOpenFlags, type FlagTarget } from './flags.ts';
import { setMessageRemoval } from './moderation.ts';
import { insertEvent, insertRevision, updatePost } from './post-writes.ts';

/** The replaced version (an edit), the post's columns, then the event the thread shows. */
export async function applyPostChange(db: Db, postId: number, plan: PostChangePlan): Promise<void> {
  const { revision } = plan;
  if (revision) {
    await insertRevision(db, {
      postId,
      revision: revision.revision,
      title: revision.title,
      story: revision.story,
      category: revision.category,
      channel: revision.channel,
      createdAt: revision.publishedAt,
    });
  }
  await updatePost(db, postId, plan.post);
  await insertEvent(db, {
    postId,
    type: plan.event.type,
    actorId: plan.event.actorId,
    data: plan.event.data,
    createdAt: plan.event.at,
  });
}

/**
 * The item's change, if any, then its open flags closed; answers how many were closed. The audit
 * row (`plan.audit`) is written by `recordModerationAction` once the caller knows there was
 * something to decide.
 */
export async function applyDecision(db: Db, target: FlagTarget, plan: DecisionPlan): Promise<number> {
  const { moderatorId, createdAt } = plan.audit;
  if (plan.message && target.messageId !== null) await setMessageRemoval(db, target.messageId, plan.message);
  if (plan.post) await applyPostChange(db, target.postId, plan.post);
  return closeOpenFlags(db, target, plan.flagStatus, moderatorId, createdAt);
}
