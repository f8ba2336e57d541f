/**
 * Posting a like or a fail (DESIGN §3, §8): the one schema the form, the
 * action and the API share, and the rules a post must pass. Pure: the command
 * loads the facts (recent titles, the clock) and asks these functions.
 */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { brandNameKey, normalizeDomain } from './brand-identity.ts';
import { recordIdSchema } from './ids.ts';
import { foldLookAlikes } from './confusables.ts';
import { checkEvidence, evidenceFields, withUploads } from './evidence.ts';
import { normalizeText, stripInvisible } from './text.ts';
import { CATEGORIES, CHANNELS, LANGUAGES, POST_KINDS, SECTORS } from './vocabulary.ts';

export const TITLE_MAX = 120;
export const STORY_MIN = 20;
export const STORY_MAX = 5000;
export const WAIT_MINUTES_MAX = 7 * 24 * 60;
export const DUPLICATE_WINDOW_HOURS = 24;

/** "2026-02-30" parses in JavaScript (as 2 March); a real date survives the round trip. */
function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((value) => {
      const text = value ? normalizeText(value) : '';
      return text === '' ? null : text;
    });

export const titleSchema = z
  .string({ error: fieldMessage('title_required') })
  .transform((value) => normalizeText(value).replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(5, fieldMessage('title_min', { min: 5 }))
      .max(TITLE_MAX, fieldMessage('title_max', { max: TITLE_MAX })),
  );

export const storySchema = z
  .string({ error: fieldMessage('story_required') })
  .transform(normalizeText)
  .pipe(
    z
      .string()
      .min(STORY_MIN, fieldMessage('story_min', { min: STORY_MIN }))
      .max(STORY_MAX, fieldMessage('story_max', { max: STORY_MAX })),
  );

export const categorySchema = z.enum(CATEGORIES, { error: fieldMessage('category_required') });
export const channelSchema = z.enum(CHANNELS, { error: fieldMessage('channel_required') });

/** The fields an author may edit later (DESIGN §4). */
export const editPostSchema = z.object({
  postId: recordIdSchema,
  title: titleSchema,
  story: storySchema,
  category: categorySchema,
  channel: channelSchema,
  personalData: z.enum(['mask', 'publish']).nullish(),
});

export const newPostSchema = z
  .object({
    kind: z.enum(POST_KINDS, { error: fieldMessage('kind_required') }),
    /** An existing brand… */
    brandSlug: optionalText(100),
    /** …or a new one. */
    newBrandName: optionalText(80),
    newBrandWebsite: optionalText(300),
    newBrandSector: z.enum(SECTORS, { error: fieldMessage('sector_required') }).nullish(),
    title: titleSchema,
    story: storySchema,
    /** The language the story is written in; unset means the page's (decision 014). */
    language: z.enum(LANGUAGES, { error: fieldMessage('story_language_required') }).nullish(),
    category: categorySchema,
    channel: channelSchema,
    experiencedOn: z
      .string({ error: fieldMessage('date_required') })
      .regex(/^\d{4}-\d{2}-\d{2}$/, fieldMessage('date_required'))
      .refine((value) => isRealDate(value), fieldMessage('date_not_real')),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .nullish()
      .transform((value) => value || null)
      .refine((value) => value === null || /^[A-Z]{2}$/.test(value), fieldMessage('country_code')),
    waitMinutes: z
      .number({ error: fieldMessage('wait_whole_minutes') })
      .int(fieldMessage('wait_whole_minutes'))
      .min(0, fieldMessage('wait_negative'))
      .max(WAIT_MINUTES_MAX, fieldMessage('wait_max', { max: WAIT_MINUTES_MAX }))
      // No .transform() here: Astro reads form numbers only for a (nullish) z.number().
      .nullish(),
    /** The author's answer when the story contains e-mail addresses or phone numbers. */
    personalData: z.enum(['mask', 'publish']).nullish(),
    /** Log-in fields shown when the session ended while the form was open. */
    loginEmail: optionalText(254),
    loginPassword: z.string().max(200).nullish(),
  })
  .superRefine((input, context) => {
    if (input.brandSlug) return;
    if (!input.newBrandName) {
      context.addIssue({
        code: 'custom',
        path: ['newBrandName'],
        message: fieldMessage('brand_or_new'),
      });
      return;
    }
    // brandNameKey is empty when the name has no letter or digit ("--", invisible characters only).
    if (input.newBrandName.length < 2 || brandNameKey(input.newBrandName) === '') {
      context.addIssue({ code: 'custom', path: ['newBrandName'], message: fieldMessage('new_brand_name') });
    }
    if (!input.newBrandWebsite || normalizeDomain(input.newBrandWebsite) === null) {
      context.addIssue({
        code: 'custom',
        path: ['newBrandWebsite'],
        message: fieldMessage('new_brand_website'),
      });
    }
    if (!input.newBrandSector) {
      context.addIssue({
        code: 'custom',
        path: ['newBrandSector'],
        message: fieldMessage('new_brand_sector'),
      });
    }
  });

export type NewPostInput = z.infer<typeof newPostSchema>;

/** The /new form: the post and up to four images (src/domain/evidence.ts). */
export const newPostFormSchema = newPostSchema
  .safeExtend(evidenceFields)
  .superRefine(checkEvidence)
  .transform(withUploads);

// ── rules ────────────────────────────────────────────────────────────────
const DAY_MS = 86_400_000;

/** The date of the experience may not be in the future (a day of slack for time zones) nor absurdly old. */
export function checkExperienceDate(experiencedOn: string, now: Date): string | null {
  const date = Date.parse(`${experiencedOn}T00:00:00Z`);
  if (date > now.getTime() + DAY_MS) return fieldMessage('date_in_future');
  if (date < Date.UTC(2000, 0, 1)) return fieldMessage('date_too_old');
  return null;
}

/** Titles compared for the duplicate guard: case, accents, spacing, punctuation and look-alike letters ignored. */
export function titleKey(title: string): string {
  return foldLookAlikes(stripInvisible(title).normalize('NFKD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same account may not post the same title about the same brand twice in 24 hours. */
export function isDuplicatePost(
  title: string,
  recent: readonly { title: string; createdAt: Date }[],
  now: Date,
): boolean {
  const key = titleKey(title);
  const since = now.getTime() - DUPLICATE_WINDOW_HOURS * 3_600_000;
  return recent.some((post) => post.createdAt.getTime() > since && titleKey(post.title) === key);
}

// ── personal data guard ──────────────────────────────────────────────────
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Seven or more digits, possibly split by spaces, dots, dashes or brackets, optionally after "+".
const PHONE_PATTERN = /(?<![\p{L}\p{N}])\+?\(?\d(?:[\s.\-()/]{0,2}\d){6,}(?![\p{L}\p{N}])/gu;

export interface PersonalDataFound {
  emails: string[];
  phones: string[];
}

/**
 * Whether a digit run found by PHONE_PATTERN reads as a phone number: written
 * with "+" or with separators between groups ("06 12 34 56 78"), or ten or
 * eleven digits starting with 0 ("0612345678"). Plain long numbers (order and
 * ticket numbers, amounts) and dates are left alone.
 */
function looksLikePhone(candidate: string): boolean {
  const text = candidate.trim();
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  if (text.startsWith('+') || text.startsWith('(')) return true;
  if (/[\s.\-()/]/.test(text)) return true;
  return /^0\d{9,10}$/.test(text);
}

export function findPersonalData(text: string): PersonalDataFound {
  const emails = text.match(EMAIL_PATTERN) ?? [];
  const phones = (text.replace(EMAIL_PATTERN, ' ').match(PHONE_PATTERN) ?? []).filter(looksLikePhone);
  return { emails: [...new Set(emails)], phones: [...new Set(phones.map((phone) => phone.trim()))] };
}

export function hasPersonalData(found: PersonalDataFound): boolean {
  return found.emails.length > 0 || found.phones.length > 0;
}

/** Replaces e-mail addresses and phone numbers with neutral markers. */
/** What masking writes into the story (in English whatever the page: it is part of the stored text). */
export const MASKED_EMAIL = '[e-mail address hidden]';
export const MASKED_PHONE = '[phone number hidden]';

export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL_PATTERN, MASKED_EMAIL)
    .replace(PHONE_PATTERN, (match) => (looksLikePhone(match) ? MASKED_PHONE : match));
}
