/**
 * Brand claims (DESIGN §8): a claim is verified by a link sent to an address
 * at the brand's own domain; without one, a moderator decides.
 */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { emailSchema } from './accounts.ts';
import { recordIdSchema } from './ids.ts';

/** Whether `email` is at the brand's domain or one of its subdomains ("care.northwind.example"). */
export function isAtBrandDomain(email: string, brandDomain: string | null): boolean {
  if (!brandDomain) return false;
  const host = email.split('@')[1]?.toLowerCase() ?? '';
  return host === brandDomain || host.endsWith(`.${brandDomain}`);
}

export const claimSchema = z.object({
  brandSlug: z.string().max(100),
  workEmail: z
    .string()
    .max(254)
    .nullish()
    .transform((value) => (value ? value.trim() : null))
    .pipe(emailSchema.nullable()),
  message: z
    .string()
    .max(1000, fieldMessage('claim_message_max', { max: 1000 }))
    .nullish()
    .transform((value) => value?.trim() ?? ''),
});

/** A moderator's decision on a claim waiting in the queue. */
export const claimDecisionSchema = z.object({
  claimId: recordIdSchema,
  decision: z.enum(['approve', 'reject']),
});
