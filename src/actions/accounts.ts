/** Account actions: sign-up, log-in and out, verification, reset, and /account's forms. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  loginSchema,
  profileSchema,
  resetPasswordSchema,
  resetRequestSchema,
  revokeSessionSchema,
  signupSchema,
  verifyEmailSchema,
} from '../domain/accounts.ts';
import { NOTIFICATION_KINDS } from '../domain/notifications.ts';
import { deleteSessionCookie, setSessionCookie } from '../server/auth/session.ts';
import * as accounts from '../server/commands/accounts.ts';
import { secureCookies } from '../server/services.ts';
import { commandDeps, requireActor, tooManyRequests, type FormResult } from './support.ts';

const cookieOptions = { secure: secureCookies };
const INVALID_LINK = 'This link is invalid, expired or already used. Ask for a new one.';

const SUSPENDED =
  'This account is suspended by a moderator: it cannot log in. Its posts stay on the board. Write to the moderators if you think this is a mistake.';

export const accountActions = {
  signup: defineAction({
    accept: 'form',
    input: signupSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await accounts.signUp(commandDeps(context), input);
      if (!result.ok) tooManyRequests(result.retryAfterSeconds);
      return { ok: true };
    },
  }),

  login: defineAction({
    accept: 'form',
    input: loginSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await accounts.logIn(commandDeps(context), input);
      if (!result.ok && result.reason === 'rate_limited') tooManyRequests(result.retryAfterSeconds);
      if (!result.ok && result.reason === 'suspended')
        return { ok: false, formError: SUSPENDED, status: 403 };
      if (!result.ok) return { ok: false, formError: 'The e-mail address or the password is wrong.' };
      setSessionCookie(context.cookies, result.sessionToken, cookieOptions);
      return { ok: true, next: input.next };
    },
  }),

  logout: defineAction({
    accept: 'form',
    handler: async (_input, context): Promise<FormResult> => {
      if (context.locals.session) await accounts.logOut(commandDeps(context), context.locals.session.id);
      deleteSessionCookie(context.cookies, cookieOptions);
      return { ok: true };
    },
  }),

  verifyEmail: defineAction({
    accept: 'form',
    input: verifyEmailSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await accounts.verifyEmail(commandDeps(context), input.token);
      if (!result.ok) return { ok: false, formError: INVALID_LINK };
      setSessionCookie(context.cookies, result.sessionToken, cookieOptions);
      return { ok: true };
    },
  }),

  resendVerification: defineAction({
    accept: 'form',
    handler: async (_input, context): Promise<FormResult> => {
      const actor = requireActor(context);
      const result = await accounts.resendVerification(commandDeps(context), actor.id);
      if (!result.ok && result.reason === 'rate_limited') tooManyRequests(result.retryAfterSeconds);
      if (!result.ok) return { ok: false, formError: 'Your address is already confirmed.' };
      return { ok: true, message: 'We sent a new link. It works for 48 hours.' };
    },
  }),

  requestPasswordReset: defineAction({
    accept: 'form',
    input: resetRequestSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await accounts.requestPasswordReset(commandDeps(context), input);
      if (!result.ok) tooManyRequests(result.retryAfterSeconds);
      return { ok: true };
    },
  }),

  resetPassword: defineAction({
    accept: 'form',
    input: resetPasswordSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await accounts.resetPassword(commandDeps(context), input);
      if (!result.ok) return { ok: false, formError: INVALID_LINK };
      setSessionCookie(context.cookies, result.sessionToken, cookieOptions);
      return { ok: true };
    },
  }),

  changePassword: defineAction({
    accept: 'form',
    input: changePasswordSchema,
    handler: async (input, context): Promise<FormResult> => {
      const actor = requireActor(context);
      const result = await accounts.changePassword(commandDeps(context), { userId: actor.id, ...input });
      if (!result.ok && result.reason === 'rate_limited') tooManyRequests(result.retryAfterSeconds);
      if (!result.ok)
        return { ok: false, fieldErrors: { currentPassword: 'This is not your current password.' } };
      setSessionCookie(context.cookies, result.sessionToken, cookieOptions);
      return { ok: true, message: 'Password changed. Your other sessions were logged out.' };
    },
  }),

  changeEmail: defineAction({
    accept: 'form',
    input: changeEmailSchema,
    handler: async (input, context): Promise<FormResult> => {
      const actor = requireActor(context);
      const result = await accounts.requestEmailChange(commandDeps(context), { userId: actor.id, ...input });
      if (!result.ok && result.reason === 'rate_limited') tooManyRequests(result.retryAfterSeconds);
      if (!result.ok && result.reason === 'wrong_password') {
        return { ok: false, fieldErrors: { password: 'This is not your current password.' } };
      }
      if (!result.ok) return { ok: false, fieldErrors: { email: 'This is already your address.' } };
      return {
        ok: true,
        message: `We sent a link to ${input.email}. Your address changes when you follow it.`,
      };
    },
  }),

  confirmEmailChange: defineAction({
    accept: 'form',
    input: verifyEmailSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await accounts.confirmEmailChange(commandDeps(context), input.token);
      if (!result.ok && result.reason === 'email_taken') {
        return { ok: false, formError: 'Another account uses this address now; the change was not made.' };
      }
      if (!result.ok) return { ok: false, formError: INVALID_LINK };
      return { ok: true, message: 'Your new e-mail address is confirmed.' };
    },
  }),

  updateProfile: defineAction({
    accept: 'form',
    input: profileSchema,
    handler: async (input, context): Promise<FormResult> => {
      const actor = requireActor(context);
      await accounts.updateProfile(commandDeps(context), { userId: actor.id, ...input });
      return { ok: true, message: 'Display name saved.' };
    },
  }),

  updateNotifications: defineAction({
    accept: 'form',
    input: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind.key, z.boolean()]))),
    handler: async (input, context): Promise<FormResult> => {
      const actor = requireActor(context);
      await accounts.updateNotificationSettings(commandDeps(context), { userId: actor.id, settings: input });
      return { ok: true, message: 'Notification settings saved.' };
    },
  }),

  revokeSession: defineAction({
    accept: 'form',
    input: revokeSessionSchema,
    handler: async (input, context): Promise<FormResult> => {
      const actor = requireActor(context);
      const result = await accounts.revokeSession(commandDeps(context), { userId: actor.id, ...input });
      if (!result.ok) return { ok: false, formError: 'That session no longer exists.' };
      if (input.sessionId === context.locals.session?.id) deleteSessionCookie(context.cookies, cookieOptions);
      return { ok: true, message: 'Session logged out.' };
    },
  }),

  deleteAccount: defineAction({
    accept: 'form',
    input: deleteAccountSchema,
    handler: async (input, context): Promise<FormResult> => {
      const actor = requireActor(context);
      const result = await accounts.deleteAccount(commandDeps(context), {
        userId: actor.id,
        password: input.password,
      });
      if (!result.ok && result.reason === 'rate_limited') tooManyRequests(result.retryAfterSeconds);
      if (!result.ok) return { ok: false, fieldErrors: { password: 'This is not your current password.' } };
      deleteSessionCookie(context.cookies, cookieOptions);
      return { ok: true };
    },
  }),
};
