/**
 * Flags and moderators' decisions (DESIGN §8, issue #11). Readers flag a post
 * or a message of its thread; the item stays visible. A moderator then keeps
 * it (the flags are dismissed), removes it with a public reason (the flags
 * are upheld), or restores a removed item. Every decision closes the item's
 * open flags, writes a row of the audit log, e-mails the author, and — when
 * it removes or restores — moves the brand's figures in the same transaction
 * (decision 004: post lock, facts before, change, facts after).
 */
import { announceChange } from '../../../db/queries/changes.ts';
import { findFlagBy, findThreadMessage, insertFlag, type FlagTarget } from '../../../db/queries/flags.ts';
import { recordModerationAction } from '../../../db/queries/moderation-log.ts';
import { applyDecision } from '../../../db/queries/post-changes.ts';
import { lockPost } from '../../../db/queries/post-writes.ts';
import { planDecision, type DecidedItem } from '../../domain/moderation-decisions.ts';
import type { DecisionInput, FlagInput } from '../../domain/moderation.ts';
import { can, membershipOf, type Action, type Actor } from '../../domain/policy.ts';
import { RATE_LIMITS } from '../../domain/rate-limits.ts';
import { queueDecisionNotice } from '../moderation-mail.ts';
import { attempt } from '../rate-limit.ts';
import { readFactsBeforeChange, recordPostChange } from '../statistics.ts';
import type { CommandDeps, RateLimited } from './deps.ts';
import { notFound, refused, type NotFound, type Refused } from './thread-guards.ts';

export type FlagResult =
  { ok: true; alreadyFlagged: boolean; byBrand: boolean } | Refused | NotFound | RateLimited;

/**
 * Files a flag on a published post or on a message of its thread. One per
 * account and item: a second attempt answers `alreadyFlagged` without counting
 * against the rate limit. A member of the post's brand flags as the brand,
 * which the post page shows publicly with its outcome.
 */
export async function flagContent(
  deps: CommandDeps,
  actor: Actor | null,
  input: FlagInput,
): Promise<FlagResult> {
  return deps.db.transaction(async (tx) => {
    // The post's lock orders a flag after (or before) a decision on the same post.
    const post = await lockPost(tx, input.postId);
    if (!post || post.visibility !== 'published') return notFound;
    let authorId = post.authorId;
    if (input.messageId !== null) {
      const message = await findThreadMessage(tx, post.id, input.messageId);
      if (!message || message.removedAt) return notFound;
      authorId = message.authorId;
    }
    const decision = can(actor, 'flag', { brandId: post.brandId, authorId, postKind: post.kind });
    if (!decision.ok) return refused(decision.reason);
    const flagger = actor!;
    const target: FlagTarget = { postId: post.id, messageId: input.messageId };
    if (await findFlagBy(tx, target, flagger.id)) return { ok: true, alreadyFlagged: true, byBrand: false };

    const limited = await attempt(
      tx,
      RATE_LIMITS.flagsPerAccount,
      String(flagger.id),
      deps.now,
      deps.rateLimitExempt,
    );
    if (!limited.ok)
      return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };

    const flaggerBrandId = membershipOf(flagger, post.brandId) ? post.brandId : null;
    const inserted = await insertFlag(tx, {
      ...target,
      userId: flagger.id,
      flaggerBrandId,
      reason: input.reason,
      note: input.note,
      createdAt: deps.now,
    });
    // A parallel request by the same account got there first: the unique index said no.
    if (!inserted) return { ok: true, alreadyFlagged: true, byBrand: false };
    // /transparency counts every flag, and the post page shows a brand's: evict their cached copies.
    await announceChange(tx, { brandId: post.brandId, postId: post.id });
    return { ok: true, alreadyFlagged: false, byBrand: flaggerBrandId !== null };
  });
}

export type DecisionResult =
  | { ok: true; closedFlags: number }
  | Refused
  | NotFound
  /** Keep with no open flag, remove what is not published, restore what is not removed. */
  | { ok: false; reason: 'nothing_to_decide' };

const NEEDS: Record<DecisionInput['decision'], Action> = {
  keep: 'review_flags',
  remove: 'hide_content',
  restore: 'restore_content',
};

/** Keeps, removes or restores a post or one message of its thread, with its audit row and e-mail. */
export async function decideOnItem(
  deps: CommandDeps,
  actor: Actor | null,
  input: DecisionInput,
): Promise<DecisionResult> {
  const decision = can(actor, NEEDS[input.decision]);
  if (!decision.ok) return refused(decision.reason);
  const moderator = actor!;
  return deps.db.transaction(async (tx) => {
    const post = await lockPost(tx, input.postId);
    if (!post) return notFound;
    const message = input.messageId === null ? null : await findThreadMessage(tx, post.id, input.messageId);
    if (input.messageId !== null && !message) return notFound;
    const target: FlagTarget = { postId: post.id, messageId: message?.id ?? null };
    const item: DecidedItem = message
      ? { kind: 'message', messageId: message.id, removed: message.removedAt !== null }
      : { kind: 'post', postId: post.id, visibility: post.visibility };
    const planned = planDecision(item, input, moderator.id, deps.now);
    if (!planned.ok) return planned;
    const { plan } = planned;

    // Facts before a removal or restore: its figures change when the transaction ends (below).
    const before = input.decision === 'keep' ? undefined : await readFactsBeforeChange(tx, post.id);
    const closedFlags = await applyDecision(tx, target, plan);
    // Nothing was written: keeping an item takes an open flag to dismiss.
    if (input.decision === 'keep' && closedFlags === 0)
      return { ok: false, reason: 'nothing_to_decide' } as const;
    await recordModerationAction(tx, plan.audit);
    await queueDecisionNotice(
      { db: tx, now: deps.now, siteUrl: deps.siteUrl },
      {
        authorId: message?.authorId ?? post.authorId,
        postId: post.id,
        postTitle: post.title,
        messageId: message?.id ?? null,
        decision: input.decision,
        reason: input.reason ?? null,
        explanation: input.explanation,
      },
    );
    // Removed posts and brand replies leave the figures, restored ones come back: last, because the
    // brand's statistics rows stay locked from here to the commit.
    if (before !== undefined) await recordPostChange(tx, before, post.id, deps.now);
    // The page changes (notice, brand flag outcome), and with a removal or restore the lists and figures.
    await announceChange(tx, { brandId: post.brandId, postId: post.id });
    return { ok: true, closedFlags } as const;
  });
}
