/** A brand's public reply: the message, an optional promised date and an optional escalation. */
import { z } from 'zod';
import { checkEvidence, evidenceFields, withUploads } from './evidence.ts';
import { recordIdSchema } from './ids.ts';
import { normalizeText } from './text.ts';

export const replyBodySchema = z
  .string({ error: 'Write your reply.' })
  .transform(normalizeText)
  .pipe(z.string().min(2, 'Write your reply.').max(5000, 'Keep the reply to 5,000 characters.'));

export const brandReplySchema = z.object({
  postId: recordIdSchema,
  body: replyBodySchema,
  promiseDueOn: z
    .string()
    .nullish()
    .transform((value) => value || null)
    .refine((value) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(value), 'Give the promised date.'),
  escalatedTo: z
    .string()
    .max(80, 'Keep the team name to 80 characters.')
    .nullish()
    .transform((value) => value?.trim() || null),
  proposeResolution: z.boolean(),
});

/** The reply form: the reply and up to four images. */
export const brandReplyFormSchema = brandReplySchema
  .extend(evidenceFields)
  .superRefine(checkEvidence)
  .transform(withUploads);

export const editReplySchema = z.object({
  messageId: recordIdSchema,
  body: replyBodySchema,
});
