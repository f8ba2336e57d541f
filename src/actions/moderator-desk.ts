/**
 * Moderators' desks for held posts, accounts and brand merges: thin adapters
 * over src/server/commands/held-posts.ts, suspensions.ts and brand-merge.ts.
 */
import { defineAction } from 'astro:actions';
import {
  heldDecisionSchema,
  liftSuspensionSchema,
  mergeBrandsSchema,
  suspendSchema,
} from '../domain/moderator-actions.ts';
import { mergeBrands } from '../server/commands/brand-merge.ts';
import { decideHeldPost } from '../server/commands/held-posts.ts';
import { liftSuspension, suspendAccount } from '../server/commands/suspensions.ts';
import { commandDeps, refusedResult, type FormResult } from './support.ts';

const NO_ACCOUNT: FormResult = { ok: false, formError: 'No account has this id.', status: 404 };

export const moderatorDeskActions = {
  decideHeldPost: defineAction({
    accept: 'form',
    input: heldDecisionSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await decideHeldPost(commandDeps(context), context.locals.actor, input);
      if (result.ok) {
        return {
          ok: true,
          message:
            input.decision === 'release'
              ? 'Released: the post is public and counts in the brand’s figures from now on.'
              : 'Removed: its page shows the removal notice with your reason.',
        };
      }
      if (result.reason === 'refused') return refusedResult(result.refusal);
      return {
        ok: false,
        status: 409,
        formError: 'This post is no longer held: another moderator may have decided already.',
      };
    },
  }),

  suspendAccount: defineAction({
    accept: 'form',
    input: suspendSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await suspendAccount(commandDeps(context), context.locals.actor, input);
      if (result.ok) return { ok: true, message: 'Suspended: the account’s sessions are ended.' };
      if (result.reason === 'refused') {
        return context.locals.actor?.role === 'moderator' && result.refusal === 'forbidden'
          ? {
              ok: false,
              status: 403,
              formError: 'A moderator cannot suspend themselves or another moderator.',
            }
          : refusedResult(result.refusal);
      }
      if (result.reason === 'already_suspended')
        return { ok: false, status: 409, formError: 'This account is already suspended.' };
      return NO_ACCOUNT;
    },
  }),

  liftSuspension: defineAction({
    accept: 'form',
    input: liftSuspensionSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await liftSuspension(commandDeps(context), context.locals.actor, input);
      if (result.ok) return { ok: true, message: 'Suspension lifted: the account can log in again.' };
      if (result.reason === 'refused') return refusedResult(result.refusal);
      if (result.reason === 'not_suspended')
        return { ok: false, status: 409, formError: 'This account is not suspended.' };
      return NO_ACCOUNT;
    },
  }),

  mergeBrands: defineAction({
    accept: 'form',
    input: mergeBrandsSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await mergeBrands(commandDeps(context), context.locals.actor, input);
      if (result.ok) {
        return {
          ok: true,
          message: `Merged: ${result.movedPosts} ${result.movedPosts === 1 ? 'post moved' : 'posts moved'} to ${result.keptSlug}; the old address answers with a permanent redirect.`,
        };
      }
      switch (result.reason) {
        case 'refused':
          return refusedResult(result.refusal);
        case 'no_such_brand':
          return { ok: false, fieldErrors: { [result.field]: 'No brand has this address name.' } };
        case 'same_brand':
          return { ok: false, fieldErrors: { keepSlug: 'A brand cannot be merged into itself.' } };
        case 'into_merged_brand':
          return {
            ok: false,
            fieldErrors: {
              keepSlug: 'This brand was itself merged into another: merge into that one instead.',
            },
          };
        case 'already_merged':
          return {
            ok: false,
            fieldErrors: { duplicateSlug: 'This brand is already merged into another.' },
          };
      }
    },
  }),
};
