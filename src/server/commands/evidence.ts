/**
 * The images a write carries (issue #15), decoded and re-encoded before its
 * transaction opens: sharp's work (a fraction of a second per image) must not
 * hold the post's lock, nor PGlite's one connection.
 */
import type { Db } from '../../../db/client.ts';
import { findPostForUpload } from '../../../db/queries/images.ts';
import type { EvidenceUpload } from '../../domain/evidence.ts';
import { can, type Action, type Actor } from '../../domain/policy.ts';
import { processEvidence, type ProcessedImage } from '../images.ts';
import type { CommandDeps, RateLimited } from './deps.ts';
import { invalid, replyQuotaExceeded, type FieldProblem } from './thread-guards.ts';

/**
 * The uploads as images ready to store, or the field errors of those that
 * were refused. Nothing is decoded for someone the write will refuse: signed
 * out, suspended, unverified, or not allowed `onPost.action` on that post
 * (read without a lock here; the write asks the policy again under the post's
 * lock and gives the refusal).
 */
export async function prepareEvidence(
  db: Db,
  actor: Actor | null,
  uploads: readonly EvidenceUpload[] | undefined,
  onPost: { action: Action; postId: number } | null = null,
): Promise<{ ok: true; images: ProcessedImage[] } | FieldProblem> {
  const none = { ok: true as const, images: [] };
  if (!uploads || uploads.length === 0 || !actor || actor.suspended || !actor.emailVerified) return none;
  if (onPost) {
    const post = await findPostForUpload(db, onPost.postId);
    if (!post || post.visibility !== 'published' || !can(actor, onPost.action, post).ok) return none;
  }
  const processed = await processEvidence(uploads);
  return processed.ok ? processed : invalid(processed.fieldErrors);
}

/**
 * What a reply or a follow-up does before its transaction: counts it against the hourly quota,
 * then prepares its images (both outside the post's lock).
 */
export async function beforeThreadMessage(
  deps: CommandDeps,
  actor: Actor | null,
  onPost: { action: Action; postId: number },
  uploads: readonly EvidenceUpload[] | undefined,
): Promise<{ ok: true; images: ProcessedImage[] } | RateLimited | FieldProblem> {
  const overQuota = await replyQuotaExceeded(deps, actor);
  if (overQuota) return overQuota;
  return prepareEvidence(deps.db, actor, uploads, onPost);
}
