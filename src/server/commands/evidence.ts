/**
 * The images a write carries (issue #15), decoded and re-encoded before its
 * transaction opens: sharp's work (a fraction of a second per image) must not
 * hold the post's lock, nor PGlite's one connection.
 */
import type { EvidenceUpload } from '../../domain/evidence.ts';
import type { Actor } from '../../domain/policy.ts';
import { processEvidence, type ProcessedImage } from '../images.ts';
import { invalid, type FieldProblem } from './thread-guards.ts';

/**
 * The uploads as images ready to store, or the field errors of those that
 * were refused. Someone the policy will refuse anyway (signed out, suspended,
 * unverified: every write with images needs all three) gets nothing decoded:
 * the command's own authorization answers them.
 */
export async function prepareEvidence(
  actor: Actor | null,
  uploads: readonly EvidenceUpload[] | undefined,
): Promise<{ ok: true; images: ProcessedImage[] } | FieldProblem> {
  if (!uploads || uploads.length === 0 || !actor || actor.suspended || !actor.emailVerified)
    return { ok: true, images: [] };
  const processed = await processEvidence(uploads);
  return processed.ok ? processed : invalid(processed.fieldErrors);
}
