/**
 * Flags and moderators' decisions (DESIGN §8): the reasons a flag or a
 * removal can give, what each means in plain words (the /guidelines page
 * shows these, one anchor per reason), the form inputs, and how a brand's
 * flag reads once a moderator has decided. The flag reasons themselves are
 * the board's vocabulary (`FLAG_REASONS`): adding one there adds it to the
 * flag form, the removal form, the guidelines and /transparency.
 */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { recordIdSchema } from './ids.ts';
import { normalizeText } from './text.ts';
import { FLAG_REASON_LABELS, FLAG_REASONS, type Language } from './vocabulary.ts';

export const NOTE_MAX_CHARACTERS = 500;

/** A removal gives one of the flag reasons, or "other" with its explanation. */
export const REMOVAL_REASONS = [...FLAG_REASONS, 'other'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
  ...FLAG_REASON_LABELS,
  other: 'Other breach of the guidelines',
};

/** What each reason covers is explained on /guidelines, in both languages (src/i18n/labels.ts). */

export function isRemovalReason(value: string): value is RemovalReason {
  return (REMOVAL_REASONS as readonly string[]).includes(value);
}

/** "Spam", "Other breach of the guidelines"; an unknown stored value is shown as it is. */
export function removalReasonLabel(value: string): string {
  return isRemovalReason(value) ? REMOVAL_REASON_LABELS[value] : value;
}

/** Free text of at most 500 characters; an empty form field (which Astro reads as null) is "". */
const note = z.preprocess(
  (value) => value ?? '',
  z
    .string()
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .max(NOTE_MAX_CHARACTERS, fieldMessage('keep_it_to', { max: NOTE_MAX_CHARACTERS }))
        .refine((text) => !text.includes('\u0000'), fieldMessage('unstorable_character')),
    ),
);

/** A form's optional "message id" field: empty means the flag is about the post itself. */
const optionalMessageId = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? null : value),
  z.coerce.number().pipe(recordIdSchema).nullable(),
);

export const flagSchema = z.object({
  postId: recordIdSchema,
  messageId: optionalMessageId,
  reason: z.enum(FLAG_REASONS, { error: fieldMessage('flag_reason_required') }),
  note,
});
export type FlagInput = z.infer<typeof flagSchema>;

/** A removal's reason from the list, in a form where other decisions leave it empty. */
export const optionalRemovalReason = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.enum(REMOVAL_REASONS, { error: fieldMessage('removal_reason_required') }).optional(),
);

/** A removal gives its reason (a decision schema's refinement). */
export function requireRemovalReason(
  input: { decision: string; reason?: RemovalReason | undefined },
  context: z.RefinementCtx,
): void {
  if (input.decision === 'remove' && !input.reason)
    context.addIssue({ code: 'custom', path: ['reason'], message: fieldMessage('removal_reason_required') });
}

const MODERATION_DECISIONS = ['keep', 'remove', 'restore'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/**
 * A moderator's decision on one item. Removing gives a reason from the list
 * and a public explanation; restoring gives an explanation; keeping may add a
 * note for the audit log.
 */
export const decisionSchema = z
  .object({
    postId: recordIdSchema,
    messageId: optionalMessageId,
    decision: z.enum(MODERATION_DECISIONS, { error: fieldMessage('decision_required') }),
    reason: optionalRemovalReason,
    explanation: note,
  })
  .superRefine((input, context) => {
    requireRemovalReason(input, context);
    if (input.decision !== 'keep' && input.explanation.trim() === '')
      context.addIssue({
        code: 'custom',
        path: ['explanation'],
        message:
          input.decision === 'remove' ? fieldMessage('removal_explain') : fieldMessage('restore_explain'),
      });
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

export type FlagStatus = 'open' | 'upheld' | 'dismissed';

/** A brand's flag as readers see it: "under review", then "kept" or "removed". */
export function describeFlagOutcome(status: FlagStatus): string {
  switch (status) {
    case 'open':
      return 'under review';
    case 'dismissed':
      return 'kept';
    case 'upheld':
      return 'removed';
  }
}

/** Every action the audit log records (`moderation_actions.action`; /transparency counts them). */
export const MODERATION_ACTIONS = [
  'keep_post',
  'keep_message',
  'remove_post',
  'remove_message',
  'restore_post',
  'restore_message',
  'approve_claim',
  'reject_claim',
  'transfer_ownership',
  'hold_release',
  'hold_remove',
  'suspend',
  'unsuspend',
  'merge_brands',
  'remove_image',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export function isModerationAction(value: string): value is ModerationAction {
  return (MODERATION_ACTIONS as readonly string[]).includes(value);
}

/**
 * The reasons the board itself writes into the audit log, beside the removal reasons' codes and
 * the moderators' own words. The stored values are these English texts (rows written before the
 * codes had names keep them), so a page can tell them apart and translate them.
 */
export const AUDIT_REASONS = {
  flagsDismissed: 'flags_dismissed',
  restored: 'restored',
  released: 'Released after review',
  claimApproved: 'Claim approved after review',
  claimRejected: 'Claim rejected after review',
  ownershipTransferred: 'Ownership transferred',
} as const;
export type AuditReasonName = keyof typeof AUDIT_REASONS;

/** Which of the board's own audit reasons a stored reason is, or null (a removal code, a moderator's words). */
export function auditReasonName(reason: string): AuditReasonName | null {
  const names = Object.keys(AUDIT_REASONS) as AuditReasonName[];
  return names.find((name) => AUDIT_REASONS[name] === reason) ?? null;
}

/** Where authors appeal a moderator's decision (shown on /guidelines and in decision e-mails). */
export const APPEALS_ADDRESS = 'moderation@likes-and-fails.example';

// ── what the moderators' desk shows (read by db/queries/moderation.ts) ──────────
export interface QueueItem {
  postId: number;
  /** Null when the flags are about the post itself. */
  messageId: number | null;
  firstFlaggedAt: Date;
  flagCount: number;
  postTitle: string;
  /** The post's language, for the `lang` of its title and text (a message is in its post's language). */
  language: Language;
  postVisibility: 'published' | 'withdrawn' | 'removed';
  postRevisionCount: number;
  brandName: string;
  /** The flagged text: the post's story, or the message's body. */
  text: string;
  authorName: string;
  messageKind: 'follow_up' | 'brand_reply' | null;
  messageRemoved: boolean;
  messageRevisionCount: number;
  flags: QueueFlag[];
}

interface QueueFlag {
  id: number;
  reason: string;
  note: string;
  createdAt: Date;
  flaggerName: string;
  /** Set when a member of the post's brand flagged it. */
  flaggerBrandName: string | null;
}

export interface RemovedItem {
  postId: number;
  messageId: number | null;
  title: string;
  language: Language;
  text: string;
  removedAt: Date;
  reason: string;
  explanation: string;
}

export interface AuditEntry {
  id: number;
  action: string;
  targetType: string;
  targetId: number;
  reason: string;
  note: string;
  createdAt: Date;
  moderatorName: string;
  /** For a message, the post it belongs to (for the link). */
  messagePostId: number | null;
}
