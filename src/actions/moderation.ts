/** Flagging and moderators' decisions: thin adapters over src/server/commands/moderation.ts. */
import { defineAction } from 'astro:actions';
import { decisionSchema, flagSchema } from '../domain/moderation.ts';
import { removeImageSchema } from '../domain/evidence.ts';
import { removeImage } from '../server/commands/image-moderation.ts';
import * as moderation from '../server/commands/moderation.ts';
import { commandDeps, COMMON_ANSWERS, respond, runCommand } from './support.ts';
import type { ModerationDecision } from '../domain/moderation.ts';
import { m } from '../i18n/messages.ts';

const NOTHING_TO_DECIDE: Record<ModerationDecision, () => string> = {
  restore: m.refusal_nothing_to_restore,
  remove: m.refusal_nothing_to_remove,
  keep: m.refusal_nothing_to_keep,
};

export const moderationActions = {
  flagContent: defineAction({
    accept: 'form',
    input: flagSchema,
    handler: runCommand(
      moderation.flagContent,
      (done, input) => ({
        ok: true,
        postId: input.postId,
        flash: done.alreadyFlagged ? 'already-flagged' : 'flagged',
      }),
      {
        ...COMMON_ANSWERS,
        not_found: () => ({ ok: false, formError: m.refusal_cannot_flag(), status: 404 }),
      },
    ),
  }),

  decideOnItem: defineAction({
    accept: 'form',
    input: decisionSchema,
    handler: async (input, context) =>
      respond(
        await moderation.decideOnItem(commandDeps(context), context.locals.actor, input),
        { ok: true, postId: input.postId, flash: 'decision' },
        {
          ...COMMON_ANSWERS,
          nothing_to_decide: { ok: false, status: 409, formError: NOTHING_TO_DECIDE[input.decision]() },
          not_found: { ok: false, formError: m.refusal_item_gone(), status: 404 },
        },
      ),
  }),

  removeImage: defineAction({
    accept: 'form',
    input: removeImageSchema,
    handler: runCommand(removeImage, (done) => ({ ok: true, postId: done.postId, flash: 'image-removed' }), {
      ...COMMON_ANSWERS,
      already_removed: () => ({ ok: false, status: 409, formError: m.refusal_image_already_removed() }),
      not_found: () => ({ ok: false, formError: m.refusal_image_gone(), status: 404 }),
    }),
  }),
};
