/**
 * A moderator's decision on a post or one message of its thread (DESIGN §8, decision 006), planned
 * before anything is written: what the item's open flags become, what changes on the item (the
 * notice's public reason), and the audit row. `decideOnItem` (src/server/commands/moderation.ts)
 * and the demo seed apply a plan with `applyDecision` (db/queries/post-changes.ts) and
 * `recordModerationAction`, so neither keeps its own copy of these rules.
 */
import {
  AUDIT_REASONS,
  removalReasonLabel,
  type DecisionInput,
  type ModerationAction,
} from './moderation.ts';
import { planRemoval, planRestore, type PostChangePlan } from './post-changes.ts';
import type { PostVisibility } from './vocabulary.ts';

/** The item decided on, as it is now. */
export type DecidedItem =
  | { kind: 'post'; postId: number; visibility: PostVisibility }
  | { kind: 'message'; messageId: number; removed: boolean };

export interface DecisionPlan {
  /** What the item's open flags become. */
  flagStatus: 'upheld' | 'dismissed';
  /** The post's change, when the post itself is removed or restored. */
  post: PostChangePlan | null;
  /** The message's change, when a message is removed or restored. */
  message: { removedAt: Date | null; removalReason: string | null } | null;
  audit: {
    moderatorId: number;
    action: ModerationAction;
    targetType: DecidedItem['kind'];
    targetId: number;
    reason: string;
    note: string;
    createdAt: Date;
  };
}

export type Decision = Pick<DecisionInput, 'decision' | 'reason' | 'explanation'>;

/** The reason readers see on the notice: "Spam: the same advert on twelve brands." */
export function publicReason(input: Pick<Decision, 'reason' | 'explanation'>): string {
  return `${removalReasonLabel(input.reason ?? 'other')}: ${input.explanation}`;
}

/**
 * Plans a decision, or refuses one with nothing to decide: only what readers see can be removed (a
 * withdrawn post's flags can only be dismissed), only what is removed can be restored. Keeping an
 * item with no open flag is refused by the command once it knows how many flags it closed.
 */
export function planDecision(
  item: DecidedItem,
  input: Decision,
  moderatorId: number,
  now: Date,
): { ok: true; plan: DecisionPlan } | { ok: false; reason: 'nothing_to_decide' } {
  const removing = input.decision === 'remove';
  if (input.decision !== 'keep') {
    const isRemoved = item.kind === 'message' ? item.removed : item.visibility === 'removed';
    const canChange = removing
      ? !isRemoved && (item.kind === 'message' || item.visibility === 'published')
      : isRemoved;
    if (!canChange) return { ok: false, reason: 'nothing_to_decide' };
  }
  const changed = input.decision !== 'keep';
  const reason = publicReason(input);
  const auditReason = removing
    ? (input.reason ?? 'other')
    : input.decision === 'keep'
      ? AUDIT_REASONS.flagsDismissed
      : AUDIT_REASONS.restored;
  return {
    ok: true,
    plan: {
      flagStatus: removing ? 'upheld' : 'dismissed',
      post:
        changed && item.kind === 'post'
          ? removing
            ? planRemoval(moderatorId, reason, now)
            : planRestore(moderatorId, input.explanation, now)
          : null,
      message:
        changed && item.kind === 'message'
          ? { removedAt: removing ? now : null, removalReason: removing ? reason : null }
          : null,
      audit: {
        moderatorId,
        action: `${input.decision}_${item.kind}`,
        targetType: item.kind,
        targetId: item.kind === 'post' ? item.postId : item.messageId,
        reason: auditReason,
        note: input.explanation,
        createdAt: now,
      },
    },
  };
}
