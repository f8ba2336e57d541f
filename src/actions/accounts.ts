/**
 * Account actions: sign-up, log-in and out, verification, reset, and /account's
 * forms. The forms of /account act on the signed-in person's own account,
 * authorized by the policy like every other command (src/server/own-account.ts).
 */
import { defineAction } from 'astro:actions';
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  linkTokenSchema,
  loginSchema,
  profileSchema,
  resetPasswordSchema,
  resetRequestSchema,
  revokeSessionSchema,
  signupSchema,
} from '../domain/accounts.ts';
import { notificationSettingsSchema } from '../domain/notifications.ts';
import { deleteSessionCookie, setSessionCookie } from '../server/auth/session.ts';
import * as accounts from '../server/commands/accounts.ts';
import { asOwnAccount } from '../server/own-account.ts';
import { secureCookies } from '../server/services.ts';
import { commandDeps, COMMON_ANSWERS, respond, type FormResult } from './support.ts';
import { m } from '../i18n/messages.ts';

const cookieOptions = { secure: secureCookies };
// Functions, not constants: each answer is written in the language of the request (decision 014).
const INVALID_LINK = (): FormResult => ({ ok: false, formError: m.action_invalid_link() });
const WRONG_PASSWORD = () => m.action_wrong_password();
const SUSPENDED = () => m.action_suspended();

export const accountActions = {
  signup: defineAction({
    accept: 'form',
    input: signupSchema,
    handler: async (input, context) => {
      // Unchosen, the account speaks the language of the page it signed up on (decision 014).
      const language = input.language ?? context.locals.locale ?? 'en';
      return respond(
        await accounts.signUp(commandDeps(context), { ...input, language }),
        { ok: true },
        COMMON_ANSWERS,
      );
    },
  }),

  login: defineAction({
    accept: 'form',
    input: loginSchema,
    handler: async (input, context) => {
      const result = await accounts.logIn(commandDeps(context), input);
      if (result.ok) setSessionCookie(context.cookies, result.sessionToken, cookieOptions);
      return respond(
        result,
        { ok: true, next: input.next },
        {
          ...COMMON_ANSWERS,
          suspended: { ok: false, formError: SUSPENDED(), status: 403 },
          invalid_credentials: { ok: false, formError: m.action_invalid_credentials() },
        },
      );
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
    input: linkTokenSchema,
    handler: async (input, context) => {
      const result = await accounts.verifyEmail(commandDeps(context), input.token);
      if (result.ok) setSessionCookie(context.cookies, result.sessionToken, cookieOptions);
      return respond(result, { ok: true, flash: 'welcome' }, { invalid_token: INVALID_LINK() });
    },
  }),

  resendVerification: defineAction({
    accept: 'form',
    handler: async (_input, context) =>
      respond(
        await asOwnAccount(context.locals.actor, (owner) =>
          accounts.resendVerification(commandDeps(context), owner.id),
        ),
        { ok: true, message: m.action_link_resent() },
        {
          ...COMMON_ANSWERS,
          already_verified: { ok: false, formError: m.action_already_verified() },
        },
      ),
  }),

  requestPasswordReset: defineAction({
    accept: 'form',
    input: resetRequestSchema,
    handler: async (input, context) =>
      respond(await accounts.requestPasswordReset(commandDeps(context), input), { ok: true }, COMMON_ANSWERS),
  }),

  resetPassword: defineAction({
    accept: 'form',
    input: resetPasswordSchema,
    handler: async (input, context) => {
      const result = await accounts.resetPassword(commandDeps(context), input);
      if (result.ok) setSessionCookie(context.cookies, result.sessionToken, cookieOptions);
      return respond(result, { ok: true, flash: 'password-reset' }, { invalid_token: INVALID_LINK() });
    },
  }),

  changePassword: defineAction({
    accept: 'form',
    input: changePasswordSchema,
    handler: async (input, context) => {
      const result = await asOwnAccount(context.locals.actor, (owner) =>
        accounts.changePassword(commandDeps(context), { userId: owner.id, ...input }),
      );
      if (result.ok) setSessionCookie(context.cookies, result.sessionToken, cookieOptions);
      return respond(
        result,
        { ok: true, message: m.action_password_changed() },
        {
          ...COMMON_ANSWERS,
          wrong_password: { ok: false, fieldErrors: { currentPassword: WRONG_PASSWORD() } },
        },
      );
    },
  }),

  changeEmail: defineAction({
    accept: 'form',
    input: changeEmailSchema,
    handler: async (input, context) =>
      respond(
        await asOwnAccount(context.locals.actor, (owner) =>
          accounts.requestEmailChange(commandDeps(context), { userId: owner.id, ...input }),
        ),
        {
          ok: true,
          message: m.action_email_link_sent({ email: input.email }),
        },
        {
          ...COMMON_ANSWERS,
          wrong_password: { ok: false, fieldErrors: { password: WRONG_PASSWORD() } },
          same_email: { ok: false, fieldErrors: { email: m.action_same_email() } },
        },
      ),
  }),

  confirmEmailChange: defineAction({
    accept: 'form',
    input: linkTokenSchema,
    handler: async (input, context) =>
      respond(
        await accounts.confirmEmailChange(commandDeps(context), input.token),
        { ok: true, message: m.action_email_confirmed() },
        {
          invalid_token: INVALID_LINK(),
          email_taken: {
            ok: false,
            formError: m.action_email_taken(),
          },
        },
      ),
  }),

  updateProfile: defineAction({
    accept: 'form',
    input: profileSchema,
    handler: async (input, context) =>
      respond(
        await asOwnAccount(context.locals.actor, (owner) =>
          accounts.updateProfile(commandDeps(context), { userId: owner.id, ...input }),
        ),
        { ok: true, message: m.account_profile_saved() },
        COMMON_ANSWERS,
      ),
  }),

  updateNotifications: defineAction({
    accept: 'form',
    input: notificationSettingsSchema,
    handler: async (input, context) =>
      respond(
        await asOwnAccount(context.locals.actor, (owner) =>
          accounts.updateNotificationSettings(commandDeps(context), { userId: owner.id, settings: input }),
        ),
        { ok: true, message: m.action_notifications_saved() },
        COMMON_ANSWERS,
      ),
  }),

  revokeSession: defineAction({
    accept: 'form',
    input: revokeSessionSchema,
    handler: async (input, context) => {
      const result = await asOwnAccount(context.locals.actor, (owner) =>
        accounts.revokeSession(commandDeps(context), { userId: owner.id, ...input }),
      );
      if (result.ok && input.sessionId === context.locals.session?.id)
        deleteSessionCookie(context.cookies, cookieOptions);
      return respond(
        result,
        { ok: true, message: m.action_session_logged_out() },
        {
          ...COMMON_ANSWERS,
          not_found: { ok: false, formError: m.action_session_gone() },
        },
      );
    },
  }),

  deleteAccount: defineAction({
    accept: 'form',
    input: deleteAccountSchema,
    handler: async (input, context) => {
      const result = await asOwnAccount(context.locals.actor, (owner) =>
        accounts.deleteAccount(commandDeps(context), { userId: owner.id, password: input.password }),
      );
      if (result.ok) deleteSessionCookie(context.cookies, cookieOptions);
      return respond(
        result,
        { ok: true, flash: 'account-deleted' },
        {
          ...COMMON_ANSWERS,
          wrong_password: { ok: false, fieldErrors: { password: WRONG_PASSWORD() } },
        },
      );
    },
  }),
};
