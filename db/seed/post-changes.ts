/**
 * The demo board's edits, withdrawals and a moderator's removal, played at their instant among the
 * threads' steps (db/seed/threads.ts) through the live rules: the domain's planners
 * (src/domain/post-changes.ts, moderation-decisions.ts) applied by the commands' own writer
 * (db/queries/post-changes.ts), as `editPost`, `withdrawPost` and `decideOnItem` do. The seed leaves
 * out what only a live request needs: the policy (the script is its own authority), rate limits,
 * the author's e-mail, and the figures' running deltas, which the seed rebuilds once at the end
 * from the same per-post rules (`rebuildBrandStatistics`).
 */
import { planDecision } from '../../src/domain/moderation-decisions.ts';
import type { RemovalReason } from '../../src/domain/moderation.ts';
import { planEdit, planWithdrawal, type PostText } from '../../src/domain/post-changes.ts';
import type { Db } from '../client.ts';
import { recordModerationAction } from '../queries/moderation-log.ts';
import { applyDecision, applyPostChange } from '../queries/post-changes.ts';
import { lastEventAt, lockPost } from '../queries/post-writes.ts';

export type SeedPostChange =
  /** The author rewrites the post into `text`. */
  | { type: 'edit'; postId: number; at: Date; text: PostText }
  | { type: 'withdraw'; postId: number; at: Date }
  | {
      type: 'remove';
      postId: number;
      at: Date;
      moderatorId: number;
      reason: RemovalReason;
      explanation: string;
    };

/** Plays one change on the post as it is now; a change the rules refuse is a broken demo script. */
export async function playPostChange(db: Db, change: SeedPostChange): Promise<void> {
  const post = await lockPost(db, change.postId);
  if (!post) throw new Error(`The demo changes post ${change.postId}, which it never wrote.`);
  if (change.type === 'edit') {
    const previousEdit = await lastEventAt(db, post.id, 'edited');
    const plan = planEdit(post, change.text, post.authorId, previousEdit, change.at);
    if (plan) await applyPostChange(db, post.id, plan);
    return;
  }
  if (change.type === 'withdraw') {
    await applyPostChange(db, post.id, planWithdrawal(post.authorId, change.at));
    return;
  }
  const item = { kind: 'post', postId: post.id, visibility: post.visibility } as const;
  const decision = { decision: 'remove', reason: change.reason, explanation: change.explanation } as const;
  const planned = planDecision(item, decision, change.moderatorId, change.at);
  if (!planned.ok) throw new Error(`The demo removes post ${post.id}, which is ${post.visibility}.`);
  await applyDecision(db, { postId: post.id, messageId: null }, planned.plan);
  await recordModerationAction(db, planned.plan.audit);
}
