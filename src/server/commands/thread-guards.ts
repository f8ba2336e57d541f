/** Checks every thread write starts with: the reply quota, and a published post locked for the write. */
import type { Db } from '../../../db/client.ts';
import { lockPost, type PostRow } from '../../../db/queries/post-writes.ts';
import type { Actor } from '../../domain/policy.ts';
import { RATE_LIMITS } from '../../domain/rate-limits.ts';
import { attempt } from '../rate-limit.ts';
import type { CommandDeps, RateLimited } from './deps.ts';

/** Counts a reply or follow-up against the hourly quota; a refusal, or null to go ahead. */
export async function replyQuotaExceeded(
  deps: CommandDeps,
  actor: Actor | null,
): Promise<RateLimited | null> {
  if (!actor) return null; // the policy refuses anonymous writes right after
  const limited = await attempt(deps.db, RATE_LIMITS.repliesPerAccount, String(actor.id), deps.now);
  return limited.ok
    ? null
    : { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
}

/** Loads and locks a post for a thread write; only published posts take new activity. */
export async function publishedPost(tx: Db, postId: number): Promise<PostRow | null> {
  const post = await lockPost(tx, postId);
  return post && post.visibility === 'published' ? post : null;
}
