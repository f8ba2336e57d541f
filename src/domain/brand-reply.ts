/** A brand's public reply: the message, an optional promised date and an optional escalation. */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { checkEvidence, evidenceFields, withUploads } from './evidence.ts';
import { recordIdSchema } from './ids.ts';
import { normalizeText } from './text.ts';

export const replyBodySchema = z
  .string({ error: fieldMessage('reply_required') })
  .transform(normalizeText)
  .pipe(
    z
      .string()
      .min(2, fieldMessage('reply_required'))
      .max(5000, fieldMessage('reply_max', { max: 5000 })),
  );

export const brandReplySchema = z.object({
  postId: recordIdSchema,
  body: replyBodySchema,
  promiseDueOn: z
    .string()
    .nullish()
    .transform((value) => value || null)
    .refine(
      (value) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(value),
      fieldMessage('promise_date_required'),
    ),
  escalatedTo: z
    .string()
    .max(80, fieldMessage('team_name_max', { max: 80 }))
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
