/**
 * Flags and moderators' decisions (DESIGN §8, issue #11). Readers flag a post
 * or a message of its thread; the item stays visible. A moderator then keeps
 * it (the flags are dismissed), removes it with a public reason (the flags
 * are upheld), or restores a removed item. Every decision closes the item's
 * open flags, writes a row of the audit log, e-mails the author, and — when
 * it removes or restores — moves the brand's figures in the same transaction
 * (decision 004: post lock, facts before, change, facts after).
 */
import type { Db } from '../../../db/client.ts';
import { announceChange } from '../../../db/queries/changes.ts';
import {
  closeOpenFlags,
  findFlagBy,
  findThreadMessage,
  insertFlag,
  type FlagTarget,
} from '../../../db/queries/flags.ts';
import { recordModerationAction } from '../../../db/queries/moderation-log.ts';
import { setMessageRemoval } from '../../../db/queries/moderation.ts';
import { insertEvent, lockPost, updatePost, type PostRow } from '../../../db/queries/post-writes.ts';
import {
  AUDIT_REASONS,
  removalReasonLabel,
  type DecisionInput,
  type FlagInput,
} from '../../domain/moderation.ts';
import type { PostFacts } from '../../domain/post-facts.ts';
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
    const item = message ? 'message' : 'post';

    let closedFlags: number;
    // Facts before a removal or restore: its figures change when the transaction ends (below).
    let before: PostFacts | null | undefined;
    if (input.decision === 'keep') {
      closedFlags = await closeOpenFlags(tx, target, 'dismissed', moderator.id, deps.now);
      if (closedFlags === 0) return { ok: false, reason: 'nothing_to_decide' } as const;
    } else {
      const removing = input.decision === 'remove';
      const isRemoved = message ? message.removedAt !== null : post.visibility === 'removed';
      // Only what readers see can be removed (a withdrawn post's flags can only be dismissed).
      const canChange = removing
        ? !isRemoved && (message !== null || post.visibility === 'published')
        : isRemoved;
      if (!canChange) return { ok: false, reason: 'nothing_to_decide' } as const;
      before = await readFactsBeforeChange(tx, post.id);
      if (message) {
        await setMessageRemoval(tx, message.id, {
          removedAt: removing ? deps.now : null,
          removalReason: removing ? publicReason(input) : null,
        });
      } else {
        await changePostVisibility(tx, post, moderator, input, deps.now);
      }
      closedFlags = await closeOpenFlags(
        tx,
        target,
        removing ? 'upheld' : 'dismissed',
        moderator.id,
        deps.now,
      );
    }

    await recordModerationAction(tx, {
      moderatorId: moderator.id,
      action: `${input.decision}_${item}`,
      targetType: item,
      targetId: message?.id ?? post.id,
      reason:
        input.decision === 'remove'
          ? (input.reason ?? 'other')
          : input.decision === 'keep'
            ? AUDIT_REASONS.flagsDismissed
            : AUDIT_REASONS.restored,
      note: input.explanation,
      createdAt: deps.now,
    });
    await queueDecisionNotice(
      { db: tx, now: deps.now, siteUrl: deps.siteUrl },
      {
        authorId: message?.authorId ?? post.authorId,
        postId: post.id,
        postTitle: post.title,
        item,
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

/** The reason readers see on the notice: "Spam: the same advert on twelve brands." */
function publicReason(input: DecisionInput): string {
  return `${removalReasonLabel(input.reason ?? 'other')}: ${input.explanation}`;
}

async function changePostVisibility(
  tx: Db,
  post: PostRow,
  moderator: Actor,
  input: DecisionInput,
  now: Date,
): Promise<void> {
  if (input.decision === 'remove') {
    const reason = publicReason(input);
    await updatePost(tx, post.id, {
      visibility: 'removed',
      removedAt: now,
      removalReason: reason,
      updatedAt: now,
    });
    await insertEvent(tx, {
      postId: post.id,
      type: 'removed',
      actorId: moderator.id,
      data: { reason },
      createdAt: now,
    });
  } else {
    await updatePost(tx, post.id, {
      visibility: 'published',
      removedAt: null,
      removalReason: null,
      updatedAt: now,
    });
    await insertEvent(tx, {
      postId: post.id,
      type: 'restored',
      actorId: moderator.id,
      data: { reason: input.explanation },
      createdAt: now,
    });
  }
}
