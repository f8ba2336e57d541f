/**
 * What every thread command shares: its result shapes, the reply quota, and
 * the frame of each write — open the transaction, lock the published post,
 * ask the policy, let the command decide (load → plan), then write and record
 * the figures — so a command body starts where the rules differ.
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

/** A write that may go ahead: `write` runs it and answers the command's result. */
export interface GoAhead<T> {
  ok: true;
  write: () => Promise<T>;
}

/**
 * Runs a thread write in one transaction on the locked post, when it is
 * published and the policy lets `actor` do `action` to it; otherwise answers
 * not found or refused without writing anything. `decide` only reads (it
 * loads the facts and plans the change): it answers a refusal, and then
 * nothing was written and nothing needs rolling back, or the go-ahead, whose
 * `write` applies the plan. What the write changed in the post's figures is
 * applied to its brand's statistics in the same transaction, and the change is
 * announced (page cache, live updates) when it commits.
 */
export async function writeToPublishedPost<D extends GoAhead<{ ok: true }> | { ok: false }>(
  deps: CommandDeps,
  actor: Actor | null,
  postId: number,
  action: Action,
  decide: (tx: Db, post: PostRow, actor: Actor) => Promise<D>,
): Promise<Written<D> | Exclude<D, GoAhead<unknown>> | Refused | NotFound> {
  return deps.db.transaction(async (tx) => {
    const post = await lockPost(tx, postId);
    // Only published posts take new activity.
    if (!post || post.visibility !== 'published') return notFound;
    const decision = can(actor, action, {
      brandId: post.brandId,
      authorId: post.authorId,
      postKind: post.kind,
    });
    if (!decision.ok) return refused(decision.reason);
    // Every thread action needs a signed-in actor: the policy refused anyone else above.
    const planned = await decide(tx, post, actor!);
    if (!isGoAhead(planned)) return planned as Exclude<D, GoAhead<unknown>>;
    const before = await readFactsBeforeChange(tx, post.id);
    const result = (await planned.write()) as Written<D>;
    await recordPostChange(tx, before, post.id, deps.now);
    await announceChange(tx, { brandId: post.brandId, postId: post.id });
    return result;
  });
}

/** What a go-ahead's write answers. */
type Written<D> = D extends GoAhead<infer T> ? T : never;

const isGoAhead = (decision: { ok: boolean }): decision is GoAhead<unknown> => decision.ok;

/** The go-ahead for a write. */
export const goAhead = <T>(write: () => Promise<T>): GoAhead<T> => ({ ok: true, write });
