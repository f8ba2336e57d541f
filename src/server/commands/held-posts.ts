/**
 * Likes held for review (src/domain/abuse-signals.ts): the decision to hold,
 * taken inside createPost's transaction, and the moderator's release or
 * removal. A held post counts nowhere; releasing it publishes it (it counts
 * from then on), removing it leaves the public removal notice. Either way its
 * contribution to the brand's figures changes the way decision 004 says: the
 * post is locked, its facts are read before and after, the difference is
 * applied, and the change is announced.
 */
import type { Db } from '../../../db/client.ts';
import { countYoungAccountLikes, lockBrandLikeBurst } from '../../../db/queries/abuse-signals.ts';
import { announceChange } from '../../../db/queries/changes.ts';
import { recordModerationAction } from '../../../db/queries/moderation-log.ts';
import { insertEvent, lockPost, updatePost } from '../../../db/queries/post-writes.ts';
import { findUserById } from '../../../db/queries/users.ts';
import { burstWindowStart, HELD_LIKES, isYoungAccount, shouldHoldPost } from '../../domain/abuse-signals.ts';
import { AUDIT_REASONS } from '../../domain/moderation.ts';
import { publicReason } from '../../domain/moderation-decisions.ts';
import type { HeldDecisionInput } from '../../domain/moderator-actions.ts';
import { can, type Actor } from '../../domain/policy.ts';
import type { PostKind } from '../../domain/vocabulary.ts';
import { queueWebhookEvent, webhookPostData } from '../notifications.ts';
import { readFactsBeforeChange, recordPostChange } from '../statistics.ts';
import type { CommandDeps } from './deps.ts';
import { notFound, refused, type NotFound, type Refused } from './thread-guards.ts';

/**
 * Whether the post being created is held. Called inside createPost's
 * transaction before the insert; for a like from a new account it serialises
 * with the brand's other such likes, so a burst is seen whole.
 */
export async function shouldHoldNewPost(
  tx: Db,
  post: { kind: PostKind; authorId: number; brandId: number; now: Date },
): Promise<boolean> {
  if (post.kind !== 'like') return false;
  const author = await findUserById(tx, post.authorId);
  if (!author || !isYoungAccount(author.createdAt, post.now)) return false;
  await lockBrandLikeBurst(tx, post.brandId);
  const earlierYoungLikes = await countYoungAccountLikes(
    tx,
    post.brandId,
    burstWindowStart(post.now),
    HELD_LIKES.youngAccountHours,
  );
  return shouldHoldPost({
    kind: post.kind,
    authorCreatedAt: author.createdAt,
    postedAt: post.now,
    earlierYoungLikes,
  });
}

/** A moderator releases (→ published) or removes (→ removed, with a public reason) a held post. */
export async function decideHeldPost(
  deps: CommandDeps,
  actor: Actor | null,
  input: HeldDecisionInput,
): Promise<{ ok: true } | Refused | NotFound> {
  const decision = can(actor, input.decision === 'release' ? 'restore_content' : 'hide_content');
  if (!decision.ok) return refused(decision.reason);
  const moderator = actor!;
  return deps.db.transaction(async (tx) => {
    const post = await lockPost(tx, input.postId);
    // Someone else decided first, or the post was never held.
    if (!post || post.visibility !== 'held') return notFound;
    const before = await readFactsBeforeChange(tx, post.id);
    if (input.decision === 'release') {
      await updatePost(tx, post.id, { visibility: 'published', updatedAt: deps.now });
      const notify = { db: tx, now: deps.now, siteUrl: deps.siteUrl };
      await queueWebhookEvent(notify, post.brandId, 'post.created', webhookPostData(post, deps.siteUrl));
    } else {
      // The same notice as any removal (commands/moderation.ts): the explanation, and the reason's label.
      const code = input.reason ?? 'other';
      await updatePost(tx, post.id, {
        visibility: 'removed',
        removedAt: deps.now,
        removalReason: input.explanation,
        updatedAt: deps.now,
      });
      await insertEvent(tx, {
        postId: post.id,
        type: 'removed',
        actorId: moderator.id,
        data: { reason: publicReason({ reason: code, explanation: input.explanation }), code },
        createdAt: deps.now,
      });
    }
    await recordModerationAction(tx, {
      moderatorId: moderator.id,
      action: input.decision === 'release' ? 'hold_release' : 'hold_remove',
      targetType: 'post',
      targetId: post.id,
      reason: input.decision === 'release' ? AUDIT_REASONS.released : (input.reason ?? 'other'),
      note: input.explanation,
      createdAt: deps.now,
    });
    // Last but the announcement, so the brand's figures stay locked only until the commit.
    await recordPostChange(tx, before, post.id, deps.now);
    // A released post appears in feeds: live pages hear it as a new post.
    const kind = input.decision === 'release' ? 'post' : 'thread';
    await announceChange(tx, { brandId: post.brandId, postId: post.id, kind });
    return { ok: true } as const;
  });
}
