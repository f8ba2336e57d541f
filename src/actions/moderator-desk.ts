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
import { commandDeps, COMMON_ANSWERS, refusedResult, respond, runCommand } from './support.ts';

/** Suspending and lifting share their outcomes (src/server/commands/suspensions.ts). */
const SUSPENSION_ANSWERS = {
  ...COMMON_ANSWERS,
  already_suspended: { ok: false, status: 409, formError: 'This account is already suspended.' },
  not_suspended: { ok: false, status: 409, formError: 'This account is not suspended.' },
  not_found: { ok: false, formError: 'No account has this id.', status: 404 },
} as const;

export const moderatorDeskActions = {
  decideHeldPost: defineAction({
    accept: 'form',
    input: heldDecisionSchema,
    handler: runCommand(
      decideHeldPost,
      { ok: true, flash: 'held-decided' },
      {
        ...COMMON_ANSWERS,
        not_found: {
          ok: false,
          status: 409,
          formError: 'This post is no longer held: another moderator may have decided already.',
        },
      },
    ),
  }),

  suspendAccount: defineAction({
    accept: 'form',
    input: suspendSchema,
    handler: async (input, context) =>
      respond(
        await suspendAccount(commandDeps(context), context.locals.actor, input),
        { ok: true, flash: 'suspended' },
        {
          ...SUSPENSION_ANSWERS,
          // The policy says "forbidden"; to a moderator, say which rule it is.
          refused: ({ refusal }) =>
            context.locals.actor?.role === 'moderator' && refusal === 'forbidden'
              ? {
                  ok: false,
                  status: 403,
                  formError: 'A moderator cannot suspend themselves or another moderator.',
                }
              : refusedResult(refusal),
        },
      ),
  }),

  liftSuspension: defineAction({
    accept: 'form',
    input: liftSuspensionSchema,
    handler: runCommand(liftSuspension, { ok: true, flash: 'lifted' }, SUSPENSION_ANSWERS),
  }),

  mergeBrands: defineAction({
    accept: 'form',
    input: mergeBrandsSchema,
    handler: runCommand(
      mergeBrands,
      (done) => ({
        ok: true,
        message: `Merged: ${done.movedPosts} ${done.movedPosts === 1 ? 'post moved' : 'posts moved'} to ${done.keptSlug}; the old address answers with a permanent redirect.`,
      }),
      {
        ...COMMON_ANSWERS,
        no_such_brand: ({ field }) => ({
          ok: false,
          fieldErrors: { [field]: 'No brand has this address name.' },
        }),
        same_brand: { ok: false, fieldErrors: { keepSlug: 'A brand cannot be merged into itself.' } },
        into_merged_brand: {
          ok: false,
          fieldErrors: {
            keepSlug: 'This brand was itself merged into another: merge into that one instead.',
          },
        },
        already_merged: {
          ok: false,
          fieldErrors: { duplicateSlug: 'This brand is already merged into another.' },
        },
      },
    ),
  }),
};
