/**
 * The inputs of the moderators' desks for held posts, accounts and brand
 * merges (DESIGN §2, §8), each parsed once here and reused by the action and
 * its form. Every decision gives a reason: it goes to the audit log, and for
 * a removal onto the public notice.
 */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { emailSchema } from './accounts.ts';
import { recordIdSchema } from './ids.ts';
import { optionalRemovalReason, requireRemovalReason } from './moderation.ts';
import { normalizeText } from './text.ts';

export const MODERATOR_REASON_MAX_CHARACTERS = 300;

/** A required reason: normalised, 3 to 300 characters. */
const reason = z.preprocess(
  (value) => (typeof value === 'string' ? normalizeText(value) : ''),
  z
    .string()
    .min(3, fieldMessage('moderator_reason_required'))
    .max(
      MODERATOR_REASON_MAX_CHARACTERS,
      fieldMessage('keep_it_to', { max: MODERATOR_REASON_MAX_CHARACTERS }),
    ),
);

/** A slug typed or chosen in a form: what /brands/{slug} takes. */
const brandSlug = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : ''),
  z.string().min(1, fieldMessage('brand_required')).max(100, fieldMessage('no_brand_named')),
);

export const heldDecisionSchema = z
  .object({
    postId: recordIdSchema,
    decision: z.enum(['release', 'remove'], { error: fieldMessage('decision_required') }),
    reason: optionalRemovalReason,
    explanation: z.preprocess(
      (value) => (typeof value === 'string' ? normalizeText(value) : ''),
      z
        .string()
        .max(
          MODERATOR_REASON_MAX_CHARACTERS,
          fieldMessage('keep_it_to', { max: MODERATOR_REASON_MAX_CHARACTERS }),
        ),
    ),
  })
  .superRefine((input, context) => {
    requireRemovalReason(input, context);
    if (input.decision === 'remove' && input.explanation.length < 3)
      context.addIssue({
        code: 'custom',
        path: ['explanation'],
        message: fieldMessage('held_removal_explain'),
      });
  });
export type HeldDecisionInput = z.infer<typeof heldDecisionSchema>;

export const findAccountSchema = z.object({ email: emailSchema });

export const suspendSchema = z.object({ userId: recordIdSchema, reason });
export type SuspendInput = z.infer<typeof suspendSchema>;

/** Lifting may say why; without a word the audit log reads "Suspension lifted". */
export const liftSuspensionSchema = z.object({
  userId: recordIdSchema,
  reason: z.preprocess(
    (value) => (typeof value === 'string' && normalizeText(value) !== '' ? value : 'Suspension lifted'),
    reason,
  ),
});
export type LiftSuspensionInput = z.infer<typeof liftSuspensionSchema>;

export const mergeBrandsSchema = z
  .object({ duplicateSlug: brandSlug, keepSlug: brandSlug, reason })
  .refine((input) => input.duplicateSlug !== input.keepSlug, {
    path: ['keepSlug'],
    message: fieldMessage('merge_same_brand'),
  });
export type MergeBrandsInput = z.infer<typeof mergeBrandsSchema>;

/**
 * Who keeps which seat when two brands' teams become one: a person on both
 * teams keeps the higher role, but the kept brand has one owner at most — its
 * own owner stays owner, and the duplicate's owner becomes a member (unless the
 * kept brand had no owner, then they own it).
 */
export function mergedRole(
  kept: 'owner' | 'member' | null,
  duplicate: 'owner' | 'member' | null,
  keptBrandHasOwner: boolean,
): 'owner' | 'member' {
  if (kept === 'owner') return 'owner';
  if (duplicate === 'owner' && !keptBrandHasOwner) return 'owner';
  return 'member';
}
