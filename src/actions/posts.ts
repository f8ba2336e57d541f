/** Posting actions: publish, follow up, "me too", verdict, edit, withdraw. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { recordIdSchema } from '../domain/ids.ts';
import { editPostSchema, newPostSchema } from '../domain/posting.ts';
import { setSessionCookie } from '../server/auth/session.ts';
import * as posts from '../server/commands/posts.ts';
import { secureCookies } from '../server/services.ts';
import { commandDeps, NOT_FOUND_RESULT, refusedResult, tooManyRequests, type FormResult } from './support.ts';

const postIdSchema = recordIdSchema;

export const postActions = {
  createPost: defineAction({
    accept: 'form',
    input: newPostSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await posts.createPost(commandDeps(context), context.locals.actor, input);
      if (result.ok) {
        if (result.sessionToken)
          setSessionCookie(context.cookies, result.sessionToken, { secure: secureCookies });
        return { ok: true, postId: result.postId };
      }
      switch (result.reason) {
        case 'rate_limited':
          return tooManyRequests(result.retryAfterSeconds);
        case 'needs_login':
          return {
            ok: false,
            needsLogin: true,
            status: 401,
            formError: 'Your session has ended. Log in below to publish: everything you typed is kept.',
          };
        case 'login_failed':
          return {
            ok: false,
            needsLogin: true,
            status: 401,
            fieldErrors: { loginPassword: 'The e-mail address or the password is wrong.' },
          };
        case 'refused':
          return refusedResult(result.refusal);
        case 'invalid':
          return { ok: false, fieldErrors: result.fieldErrors };
        case 'existing_brand':
          return {
            ok: false,
            existingBrand: result.brand,
            formError: `${result.brand.name} is already on the board, so your post will be about it. Check and publish.`,
          };
        case 'personal_data':
          return {
            ok: false,
            personalData: result.found,
            formError:
              'Your text contains an e-mail address or a phone number. Choose below whether to hide them or publish them.',
          };
      }
    },
  }),

  addFollowUp: defineAction({
    accept: 'form',
    input: z.object({ postId: postIdSchema, body: z.string().max(6000) }),
    handler: async (input, context): Promise<FormResult> => {
      const result = await posts.addFollowUp(commandDeps(context), context.locals.actor, input);
      if (result.ok) return { ok: true };
      if (result.reason === 'rate_limited') return tooManyRequests(result.retryAfterSeconds);
      if (result.reason === 'refused') return refusedResult(result.refusal);
      if (result.reason === 'invalid') return { ok: false, fieldErrors: result.fieldErrors };
      return NOT_FOUND_RESULT;
    },
  }),

  sayMeToo: defineAction({
    accept: 'form',
    input: z.object({ postId: postIdSchema }),
    handler: async (input, context): Promise<FormResult> => {
      const result = await posts.sayMeToo(commandDeps(context), context.locals.actor, input);
      if (result.ok) return { ok: true, message: 'Counted: this happened to you too.' };
      if (result.reason === 'refused') return refusedResult(result.refusal);
      return NOT_FOUND_RESULT;
    },
  }),

  giveVerdict: defineAction({
    accept: 'form',
    input: z.object({
      postId: postIdSchema,
      resolved: z.enum(['yes', 'no'], { error: 'Say whether it was resolved.' }),
      wouldBuyAgain: z.enum(['yes', 'no'], { error: 'Say whether you would buy from them again.' }),
    }),
    handler: async (input, context): Promise<FormResult> => {
      const result = await posts.giveVerdict(commandDeps(context), context.locals.actor, {
        postId: input.postId,
        resolved: input.resolved === 'yes',
        wouldBuyAgain: input.wouldBuyAgain === 'yes',
      });
      if (result.ok) return { ok: true, message: 'Your verdict is published.' };
      switch (result.reason) {
        case 'refused':
          return refusedResult(result.refusal);
        case 'no_brand_reply_yet':
          return { ok: false, formError: 'You can give your verdict once the brand has replied.' };
        case 'already_changed':
          return {
            ok: false,
            formError: 'You already changed your verdict once; it is final now.',
            status: 409,
          };
        case 'unchanged':
          return { ok: false, formError: 'That is already your verdict.' };
        case 'not_found':
          return NOT_FOUND_RESULT;
      }
    },
  }),

  editPost: defineAction({
    accept: 'form',
    input: editPostSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await posts.editPost(commandDeps(context), context.locals.actor, input);
      if (result.ok) return { ok: true };
      if (result.reason === 'refused') return refusedResult(result.refusal);
      if (result.reason === 'personal_data') {
        return {
          ok: false,
          personalData: result.found,
          formError:
            'Your text contains an e-mail address or a phone number. Choose below whether to hide them or publish them.',
        };
      }
      return NOT_FOUND_RESULT;
    },
  }),

  withdrawPost: defineAction({
    accept: 'form',
    input: z.object({ postId: postIdSchema }),
    handler: async (input, context): Promise<FormResult> => {
      const result = await posts.withdrawPost(commandDeps(context), context.locals.actor, input);
      if (result.ok) return { ok: true };
      if (result.reason === 'refused') return refusedResult(result.refusal);
      return NOT_FOUND_RESULT;
    },
  }),
};
