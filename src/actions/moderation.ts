/** Flagging and moderators' decisions: thin adapters over src/server/commands/moderation.ts. */
import { defineAction } from 'astro:actions';
import { ALREADY_FLAGGED, decisionSchema, FLAG_THANKS, flagSchema } from '../domain/moderation.ts';
import * as moderation from '../server/commands/moderation.ts';
import { commandDeps, refusedResult, tooManyRequests, type FormResult } from './support.ts';

const GONE: FormResult = {
  ok: false,
  formError: 'This item can no longer be flagged: it was withdrawn, removed or never existed.',
  status: 404,
};

const DONE: Record<'keep' | 'remove' | 'restore', string> = {
  keep: 'Kept: the flags are dismissed and the author is told.',
  remove: 'Removed: a public notice with the reason stands in its place, and the author is told.',
  restore: 'Restored: it is public again, and the author is told.',
};

export const moderationActions = {
  flagContent: defineAction({
    accept: 'form',
    input: flagSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await moderation.flagContent(commandDeps(context), context.locals.actor, input);
      if (result.ok) {
        return {
          ok: true,
          postId: input.postId,
          message: result.alreadyFlagged ? ALREADY_FLAGGED : FLAG_THANKS,
        };
      }
      if (result.reason === 'rate_limited') return tooManyRequests(result.retryAfterSeconds);
      if (result.reason === 'refused') return refusedResult(result.refusal);
      return GONE;
    },
  }),

  decideOnItem: defineAction({
    accept: 'form',
    input: decisionSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await moderation.decideOnItem(commandDeps(context), context.locals.actor, input);
      if (result.ok) return { ok: true, postId: input.postId, message: DONE[input.decision] };
      if (result.reason === 'refused') return refusedResult(result.refusal);
      if (result.reason === 'nothing_to_decide') {
        return {
          ok: false,
          status: 409,
          formError:
            input.decision === 'restore'
              ? 'This item is not removed: there is nothing to restore.'
              : input.decision === 'remove'
                ? 'This item is not public: it was already removed or withdrawn.'
                : 'This item has no open flag left: another moderator may have decided already.',
        };
      }
      return { ok: false, formError: 'This item no longer exists.', status: 404 };
    },
  }),
};
