/**
 * What every thread command shares: its result shapes, the reply quota, and
 * the preamble of each write — open the transaction, lock the published post,
 * ask the policy — so a command body starts where the rules differ.
 */
import type { Db } from '../../../db/client.ts';
import { announceChange } from '../../../db/queries/changes.ts';
import { lockPost, type PostRow } from '../../../db/queries/post-writes.ts';
import { can, type Action, type Actor, type Refusal } from '../../domain/policy.ts';
import { RATE_LIMITS } from '../../domain/rate-limits.ts';
import { attempt } from '../rate-limit.ts';
import { readFactsBeforeChange, recordPostChange } from '../statistics.ts';
import type { CommandDeps, RateLimited } from './deps.ts';

export type Refused = { ok: false; reason: 'refused'; refusal: Refusal };
export type NotFound = { ok: false; reason: 'not_found' };
export type FieldProblem = { ok: false; reason: 'invalid'; fieldErrors: Record<string, string> };

export const refused = (refusal: Refusal): Refused => ({ ok: false, reason: 'refused', refusal });
export const notFound: NotFound = { ok: false, reason: 'not_found' };
export const invalid = (fieldErrors: Record<string, string>): FieldProblem => ({
  ok: false,
  reason: 'invalid',
  fieldErrors,
});

/** Counts a reply or follow-up against the hourly quota; a refusal, or null to go ahead. */
export async function replyQuotaExceeded(
  deps: CommandDeps,
  actor: Actor | null,
): Promise<RateLimited | null> {
  if (!actor) return null; // the policy refuses anonymous writes right after
  const limited = await attempt(
    deps.db,
    RATE_LIMITS.repliesPerAccount,
    String(actor.id),
    deps.now,
    deps.rateLimitExempt,
  );
  return limited.ok
    ? null
    : { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
}

/** Carries a refusal out of a transaction so the transaction rolls back. */
class RolledBack<T> extends Error {
  readonly result: T;
  constructor(result: T) {
    super('rolled back');
    this.result = result;
  }
}

/**
 * Runs `write` in a transaction on the locked post when it is published and
 * the policy lets `actor` do `action` to it; otherwise answers not found or
 * refused without writing anything. When `write` itself answers a refusal
 * (`ok: false`) after writing part of its work, that work is rolled back:
 * a refused write leaves nothing behind. What the write changed in the post's
 * figures is applied to its brand's statistics in the same transaction, and
 * the change is announced (page cache, live updates) when it commits.
 */
export async function writeToPublishedPost<T extends { ok: boolean }>(
  deps: CommandDeps,
  actor: Actor | null,
  postId: number,
  action: Action,
  write: (tx: Db, post: PostRow, actor: Actor) => Promise<T>,
): Promise<T | Refused | NotFound> {
  try {
    return await deps.db.transaction(async (tx) => {
      const post = await lockPost(tx, postId);
      // Only published posts take new activity.
      if (!post || post.visibility !== 'published') return notFound;
      const decision = can(actor, action, {
        brandId: post.brandId,
        authorId: post.authorId,
        postKind: post.kind,
      });
      if (!decision.ok) return refused(decision.reason);
      const before = await readFactsBeforeChange(tx, post.id);
      // Every thread action needs a signed-in actor: the policy refused anyone else above.
      const result = await write(tx, post, actor!);
      if (!result.ok) throw new RolledBack(result);
      await recordPostChange(tx, before, post.id, deps.now);
      await announceChange(tx, { brandId: post.brandId, postId: post.id });
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result as T;
    throw error;
  }
}
