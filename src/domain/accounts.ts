/**
 * The account forms' schemas, shared by the pages, the actions and the tests.
 * Messages are written for the person filling the form.
 */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { dictionary } from '@zxcvbn-ts/language-common';
import { safeNextPath } from './next-path.ts';
import { LANGUAGES } from './vocabulary.ts';

export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 200;

/** ~1,500 common passwords of 10+ characters ("qwertyuiop", "password123"…), from zxcvbn-ts. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].filter((password) => password.length >= PASSWORD_MIN_LENGTH),
);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

export const emailSchema = z
  .string({ error: fieldMessage('email_required') })
  .trim()
  .min(1, fieldMessage('email_required'))
  .max(254, fieldMessage('email_too_long'))
  .transform((value) => value.normalize('NFC').toLowerCase())
  .pipe(z.email(fieldMessage('email_invalid')));

export const newPasswordSchema = z
  .string({ error: fieldMessage('password_required') })
  .min(PASSWORD_MIN_LENGTH, fieldMessage('characters_at_least', { min: PASSWORD_MIN_LENGTH }))
  .max(PASSWORD_MAX_LENGTH, fieldMessage('characters_at_most', { max: PASSWORD_MAX_LENGTH }))
  .refine((value) => !isCommonPassword(value), fieldMessage('password_common'));

/** The current password: checked against the hash, so only its presence is validated here. */
const currentPasswordSchema = z
  .string({ error: fieldMessage('password_missing') })
  .min(1, fieldMessage('password_missing'))
  .max(PASSWORD_MAX_LENGTH);

export const displayNameSchema = z
  .string({ error: fieldMessage('display_name_required') })
  .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(2, fieldMessage('characters_at_least', { min: 2 }))
      .max(50, fieldMessage('characters_at_most', { max: 50 }))
      .regex(/^[^\p{C}<>]+$/u, fieldMessage('display_name_characters')),
  );

// Where to go after logging in: anything but a same-site path becomes "/" (never an input error).
const nextSchema = z
  .string()
  .nullish()
  .transform((value) => safeNextPath(value));
const tokenSchema = z.string().trim().max(100);

/** The language of an account's e-mails (decision 014); unset means the page's. */
const languageSchema = z.enum(LANGUAGES, { error: fieldMessage('language_required') }).nullish();

export const signupSchema = z.object({
  email: emailSchema,
  displayName: displayNameSchema,
  password: newPasswordSchema,
  language: languageSchema,
});

export const loginSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
  next: nextSchema,
});

export const resetRequestSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: tokenSchema, password: newPasswordSchema });
/** A form that carries only the token of an e-mailed link: verification, e-mail change, claim, invitation. */
export const linkTokenSchema = z.object({ token: tokenSchema });
export const changePasswordSchema = z.object({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});
export const changeEmailSchema = z.object({ email: emailSchema, password: currentPasswordSchema });
export const profileSchema = z.object({ displayName: displayNameSchema, language: languageSchema });
export const revokeSessionSchema = z.object({ sessionId: z.string().trim().max(64) });
export const deleteAccountSchema = z.object({
  password: currentPasswordSchema,
  confirm: z.boolean().refine((value) => value, fieldMessage('confirm_required')),
});
