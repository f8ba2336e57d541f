/** Flagging and moderators' decisions: thin adapters over src/server/commands/moderation.ts. */
import { defineAction } from 'astro:actions';
import { decisionSchema, flagSchema } from '../domain/moderation.ts';
import { removeImageSchema } from '../domain/evidence.ts';
import { removeImage } from '../server/commands/image-moderation.ts';
import * as moderation from '../server/commands/moderation.ts';
import { commandDeps, COMMON_ANSWERS, respond, runCommand } from './support.ts';

const NOTHING_TO_DECIDE = {
  restore: 'This item is not removed: there is nothing to restore.',
  remove: 'This item is not public: it was already removed or withdrawn.',
  keep: 'This item has no open flag left: another moderator may have decided already.',
} as const;

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
        not_found: {
          ok: false,
          formError: 'This item can no longer be flagged: it was withdrawn, removed or never existed.',
          status: 404,
        },
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
          nothing_to_decide: { ok: false, status: 409, formError: NOTHING_TO_DECIDE[input.decision] },
          not_found: { ok: false, formError: 'This item no longer exists.', status: 404 },
        },
      ),
  }),

  removeImage: defineAction({
    accept: 'form',
    input: removeImageSchema,
    handler: runCommand(removeImage, (done) => ({ ok: true, postId: done.postId, flash: 'image-removed' }), {
      ...COMMON_ANSWERS,
      already_removed: { ok: false, status: 409, formError: 'This image is already removed.' },
      not_found: { ok: false, formError: 'This image no longer exists.', status: 404 },
    }),
  }),
};
