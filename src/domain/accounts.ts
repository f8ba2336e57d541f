/**
 * The account forms' schemas, shared by the pages, the actions and the tests.
 * Messages are written for the person filling the form.
 */
import { z } from 'zod';
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
  .string({ error: 'Enter your e-mail address.' })
  .trim()
  .min(1, 'Enter your e-mail address.')
  .max(254, 'That e-mail address is too long.')
  .transform((value) => value.normalize('NFC').toLowerCase())
  .pipe(z.email('Enter an e-mail address like name@example.com.'));

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine(
    (value) => !isCommonPassword(value),
    'This password is among the most common ones. Choose another.',
  );

/** The current password: checked against the hash, so only its presence is validated here. */
const currentPasswordSchema = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .max(PASSWORD_MAX_LENGTH);

export const displayNameSchema = z
  .string({ error: 'Choose a display name.' })
  .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(2, 'Use at least 2 characters.')
      .max(50, 'Use at most 50 characters.')
      .regex(/^[^\p{C}<>]+$/u, 'Use letters, numbers and ordinary punctuation.'),
  );

// Where to go after logging in: anything but a same-site path becomes "/" (never an input error).
const nextSchema = z
  .string()
  .nullish()
  .transform((value) => safeNextPath(value));
const tokenSchema = z.string().trim().max(100);

/** The language of an account's e-mails (decision 014); unset means the page's. */
const languageSchema = z.enum(LANGUAGES, { error: 'Choose a language.' }).nullish();

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
  confirm: z.boolean().refine((value) => value, 'Tick the box to confirm.'),
});
