/** Posting actions: publish, follow up, "me too", "helpful", verdict, edit, withdraw. */
import { defineAction } from 'astro:actions';
import { followUpFormSchema, helpfulSchema, postRefSchema, verdictSchema } from '../domain/post-forms.ts';
import { editPostSchema, newPostFormSchema } from '../domain/posting.ts';
import { setSessionCookie } from '../server/auth/session.ts';
import { markHelpful } from '../server/commands/helpful.ts';
import * as posts from '../server/commands/posts.ts';
import { secureCookies } from '../server/services.ts';
import { commandDeps, COMMON_ANSWERS, respond, runCommand, type FormResult } from './support.ts';
import { m } from '../i18n/messages.ts';

const askAboutPersonalData = ({ found }: { found: { emails: string[]; phones: string[] } }): FormResult => ({
  ok: false,
  personalData: found,
  formError: m.refusal_personal_data(),
});

export const postActions = {
  createPost: defineAction({
    accept: 'form',
    input: newPostFormSchema,
    handler: async (input, context): Promise<FormResult> => {
      // A story's language defaults to the page's: a French form writes French posts (decision 014).
      const language = input.language ?? context.locals.locale ?? 'en';
      const result = await posts.createPost(commandDeps(context), context.locals.actor, {
        ...input,
        language,
      });
      if (result.ok && result.sessionToken)
        setSessionCookie(context.cookies, result.sessionToken, { secure: secureCookies });
      return respond(
        result,
        // A held post is not published yet: its page says so instead.
        (done) => ({ ok: true, postId: done.postId, ...(done.held ? {} : { flash: 'posted' }) }),
        {
          ...COMMON_ANSWERS,
          needs_login: {
            ok: false,
            needsLogin: true,
            status: 401,
            formError: m.refusal_session_ended(),
          },
          login_failed: {
            ok: false,
            needsLogin: true,
            status: 401,
            fieldErrors: { loginPassword: m.action_invalid_credentials() },
          },
          existing_brand: ({ brand }) => ({
            ok: false,
            existingBrand: brand,
            formError: m.refusal_brand_exists({ brand: brand.name }),
          }),
          personal_data: askAboutPersonalData,
        },
      );
    },
  }),

  addFollowUp: defineAction({
    accept: 'form',
    input: followUpFormSchema,
    handler: runCommand(posts.addFollowUp, { ok: true, flash: 'follow-up' }, COMMON_ANSWERS),
  }),

  sayMeToo: defineAction({
    accept: 'form',
    input: postRefSchema,
    handler: runCommand(posts.sayMeToo, { ok: true, flash: 'me-too' }, COMMON_ANSWERS),
  }),

  markHelpful: defineAction({
    accept: 'form',
    input: helpfulSchema,
    handler: runCommand(
      markHelpful,
      (done) => ({ ok: true, flash: done.helpful ? 'helpful' : 'not-helpful' }),
      COMMON_ANSWERS,
    ),
  }),

  giveVerdict: defineAction({
    accept: 'form',
    input: verdictSchema,
    handler: async (input, context) =>
      respond(
        await posts.giveVerdict(commandDeps(context), context.locals.actor, {
          postId: input.postId,
          resolved: input.resolved === 'yes',
          wouldBuyAgain: input.wouldBuyAgain === 'yes',
        }),
        { ok: true, flash: 'verdict' },
        {
          ...COMMON_ANSWERS,
          no_brand_reply_yet: {
            ok: false,
            formError: m.refusal_verdict_too_early(),
          },
          already_changed: {
            ok: false,
            formError: m.refusal_verdict_final(),
            status: 409,
          },
          unchanged: { ok: false, formError: m.refusal_verdict_unchanged() },
        },
      ),
  }),

  editPost: defineAction({
    accept: 'form',
    input: editPostSchema,
    handler: runCommand(
      posts.editPost,
      { ok: true },
      {
        ...COMMON_ANSWERS,
        personal_data: askAboutPersonalData,
      },
    ),
  }),

  withdrawPost: defineAction({
    accept: 'form',
    input: postRefSchema,
    handler: runCommand(posts.withdrawPost, { ok: true }, COMMON_ANSWERS),
  }),
};
