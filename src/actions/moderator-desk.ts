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
import {
  commandDeps,
  COMMON_ANSWERS,
  refusedResult,
  respond,
  runCommand,
  type FormResult,
} from './support.ts';
import { fieldMessage } from '../domain/field-messages.ts';
import { m } from '../i18n/messages.ts';

/** Suspending and lifting share their outcomes (src/server/commands/suspensions.ts); written per request. */
const SUSPENSION_ANSWERS = {
  ...COMMON_ANSWERS,
  already_suspended: (): FormResult => ({ ok: false, status: 409, formError: m.refusal_already_suspended() }),
  not_suspended: (): FormResult => ({ ok: false, status: 409, formError: m.refusal_not_suspended() }),
  not_found: (): FormResult => ({ ok: false, formError: m.refusal_no_account_id(), status: 404 }),
};

export const moderatorDeskActions = {
  decideHeldPost: defineAction({
    accept: 'form',
    input: heldDecisionSchema,
    handler: runCommand(
      decideHeldPost,
      { ok: true, flash: 'held-decided' },
      {
        ...COMMON_ANSWERS,
        not_found: () => ({ ok: false, status: 409, formError: m.refusal_not_held() }),
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
              ? { ok: false, status: 403, formError: m.refusal_moderator_suspension() }
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
        message: m.server_brands_merged({ count: done.movedPosts, slug: done.keptSlug }),
      }),
      {
        ...COMMON_ANSWERS,
        no_such_brand: ({ field }) => ({
          ok: false,
          fieldErrors: { [field]: fieldMessage('no_brand_named') },
        }),
        same_brand: () => ({ ok: false, fieldErrors: { keepSlug: m.refusal_merge_into_itself() } }),
        into_merged_brand: () => ({ ok: false, fieldErrors: { keepSlug: m.refusal_merge_into_merged() } }),
        already_merged: () => ({ ok: false, fieldErrors: { duplicateSlug: m.refusal_already_merged() } }),
      },
    ),
  }),
};
