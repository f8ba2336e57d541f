/**
 * The forms under a post (DESIGN §3, §4): a follow-up, "me too", the verdict,
 * withdrawing it, a brand member taking the case. Each command decides who may
 * and when; these say what a valid request is.
 */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { checkEvidence, evidenceFields, withUploads } from './evidence.ts';
import { recordIdSchema } from './ids.ts';
import { STORY_MAX } from './posting.ts';
import { normalizeText } from './text.ts';

/** A form that names its post and nothing else: "me too", withdraw, take the case. */
export const postRefSchema = z.object({ postId: recordIdSchema });

const FOLLOW_UP_LENGTH = fieldMessage('follow_up_length', { min: 2, max: STORY_MAX });

/** The author's follow-up: as long as a story may be (DESIGN §3: stories ≤ 5,000 characters). */
export const followUpSchema = z.object({
  postId: recordIdSchema,
  body: z
    .string({ error: FOLLOW_UP_LENGTH })
    .transform(normalizeText)
    .pipe(z.string().min(2, FOLLOW_UP_LENGTH).max(STORY_MAX, FOLLOW_UP_LENGTH)),
});

/** The follow-up form: the text and up to four images. */
export const followUpFormSchema = followUpSchema
  .extend(evidenceFields)
  .superRefine(checkEvidence)
  .transform(withUploads);

const yesNo = (question: string) => z.enum(['yes', 'no'], { error: question });

/** The customer's final word on a fail: resolved or not, and would they buy again. */
export const verdictSchema = z.object({
  postId: recordIdSchema,
  resolved: yesNo(fieldMessage('say_resolved')),
  wouldBuyAgain: yesNo(fieldMessage('say_would_buy_again')),
});

/** "Helpful" on or off: a plain form posts the state it wants, so a repeated post changes nothing. */
export const helpfulSchema = z.object({
  postId: recordIdSchema,
  helpful: yesNo(fieldMessage('say_helpful')),
});
