/**
 * "Helpful" (DESIGN §3): a signed-in reader marks a published post useful, or
 * takes the mark back. One mark per account and post (the primary key of
 * `helpful_marks`); the post's count changes in the same transaction, and the
 * write frame re-applies the exceptional-story rule (src/server/stories.ts).
 */
import { setHelpfulMark } from '../../../db/queries/stories.ts';
import type { Actor } from '../../domain/policy.ts';
import { RATE_LIMITS } from '../../domain/rate-limits.ts';
import { attempt } from '../rate-limit.ts';
import type { CommandDeps, RateLimited } from './deps.ts';
import { goAhead, writeToPublishedPost, type NotFound, type Refused } from './thread-guards.ts';

export type HelpfulResult =
  { ok: true; helpful: boolean; changed: boolean } | Refused | NotFound | RateLimited;

export async function markHelpful(
  deps: CommandDeps,
  actor: Actor | null,
  input: { postId: number; helpful: 'yes' | 'no' },
): Promise<HelpfulResult> {
  const helpful = input.helpful === 'yes';
  return writeToPublishedPost(deps, actor, input.postId, 'mark_helpful', async (tx, post, reader) => {
    // Counted after the policy said yes, so refused attempts cost nothing.
    const limited = await attempt(
      tx,
      RATE_LIMITS.helpfulMarksPerAccount,
      String(reader.id),
      deps.now,
      deps.rateLimitExempt,
    );
    if (!limited.ok)
      return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds } as const;
    return goAhead(async () => {
      const changed = await setHelpfulMark(tx, post.id, reader.id, helpful, deps.now);
      return { ok: true, helpful, changed } as const;
    });
  });
}
