/**
 * A moderator removes one image of a post or of its thread (issue #15),
 * typically flagged as "personal data in an image": the image's bytes are
 * dropped, a public notice takes its place, the post and its text stay, the
 * open "personal data in an image" flags on its post or message are upheld,
 * and the audit log records it. The post's lock orders the removal with the
 * thread's other writes; the change is announced so cached pages forget it.
 */
import { announceChange } from '../../../db/queries/changes.ts';
import { closeOpenFlags } from '../../../db/queries/flags.ts';
import { findImage, removeImage as dropImage } from '../../../db/queries/images.ts';
import { recordModerationAction } from '../../../db/queries/moderation-log.ts';
import { lockPost } from '../../../db/queries/post-writes.ts';
import { publicReason } from '../../domain/moderation-decisions.ts';
import type { RemovalReason } from '../../domain/moderation.ts';
import { can, type Actor } from '../../domain/policy.ts';
import type { CommandDeps } from './deps.ts';
import { notFound, refused, type NotFound, type Refused } from './thread-guards.ts';

export type RemoveImageResult =
  { ok: true; postId: number } | Refused | NotFound | { ok: false; reason: 'already_removed' };

export async function removeImage(
  deps: CommandDeps,
  actor: Actor | null,
  input: { imageId: number; reason: RemovalReason; explanation: string },
): Promise<RemoveImageResult> {
  const decision = can(actor, 'hide_content');
  if (!decision.ok) return refused(decision.reason);
  const moderator = actor!;
  return deps.db.transaction(async (tx) => {
    const unlocked = await findImage(tx, input.imageId);
    if (!unlocked) return notFound;
    const post = await lockPost(tx, unlocked.postId);
    if (!post) return notFound;
    const image = await findImage(tx, input.imageId);
    if (!image) return notFound;
    if (image.removedAt) return { ok: false, reason: 'already_removed' } as const;
    // Stored as the notice reads, like a removed message's: "Personal data in an image: a customer's face."
    await dropImage(tx, image.id, publicReason(input), deps.now);
    // Flags that asked for exactly this are answered: upheld, on the post or on the image's message.
    await closeOpenFlags(
      tx,
      { postId: post.id, messageId: image.messageId },
      'upheld',
      moderator.id,
      deps.now,
      'personal_data_in_image',
    );
    await recordModerationAction(tx, {
      moderatorId: moderator.id,
      action: 'remove_image',
      targetType: 'image',
      targetId: image.id,
      reason: input.reason,
      note: input.explanation,
      createdAt: deps.now,
    });
    await announceChange(tx, { brandId: post.brandId, postId: post.id });
    return { ok: true, postId: post.id } as const;
  });
}
