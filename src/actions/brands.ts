/** Brand actions: public replies, cases, claims, team, profile and webhooks; moderators' claim queue. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { emailSchema } from '../domain/accounts.ts';
import { brandProfileSchema } from '../domain/brand-profile.ts';
import { brandReplySchema, editReplySchema } from '../domain/brand-reply.ts';
import { claimSchema } from '../domain/claims.ts';
import { recordIdSchema } from '../domain/ids.ts';
import { webhookFormSchema } from '../domain/webhooks.ts';
import { setSessionCookie } from '../server/auth/session.ts';
import * as admin from '../server/commands/brand-admin.ts';
import * as replies from '../server/commands/brand-replies.ts';
import { secureCookies } from '../server/services.ts';
import { commandDeps, NOT_FOUND_RESULT, refusedResult, tooManyRequests, type FormResult } from './support.ts';

const id = recordIdSchema;
const slug = z.string().max(100);
const tokenInput = z.object({ token: z.string().trim().max(100) });
const INVALID_LINK = 'This link is invalid, expired or already used.';

const ALREADY_CLAIMED = 'This brand is already claimed. Ask its owner to invite you.';

type Common =
  | { ok: true }
  | { ok: false; reason: 'refused'; refusal: Parameters<typeof refusedResult>[0] }
  | { ok: false; reason: 'not_found' };

/** Maps the outcomes every brand command shares. */
function common(result: Common, success: FormResult = { ok: true }): FormResult {
  if (result.ok) return success;
  return result.reason === 'refused' ? refusedResult(result.refusal) : NOT_FOUND_RESULT;
}

export const brandActions = {
  replyAsBrand: defineAction({
    accept: 'form',
    input: brandReplySchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await replies.replyAsBrand(commandDeps(context), context.locals.actor, input);
      if (result.ok) return { ok: true, message: 'Your reply is published.' };
      if (result.reason === 'rate_limited') return tooManyRequests(result.retryAfterSeconds);
      if (result.reason === 'invalid') return { ok: false, fieldErrors: result.fieldErrors };
      return common(result);
    },
  }),

  takeCase: defineAction({
    accept: 'form',
    input: z.object({ postId: id }),
    handler: async (input, context) =>
      common(await replies.takeCase(commandDeps(context), context.locals.actor, input)),
  }),

  editReply: defineAction({
    accept: 'form',
    input: editReplySchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await replies.editReply(commandDeps(context), context.locals.actor, input);
      return result.ok ? { ok: true, postId: result.postId } : common(result);
    },
  }),

  claimBrand: defineAction({
    accept: 'form',
    input: claimSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await admin.claimBrand(commandDeps(context), context.locals.actor, input);
      if (result.ok) {
        return {
          ok: true,
          message:
            result.mode === 'email_sent'
              ? `We sent a link to ${input.workEmail}. Follow it while logged in to become the brand's owner.`
              : 'Your claim is in the moderators’ queue. They will check it and e-mail you.',
        };
      }
      switch (result.reason) {
        case 'rate_limited':
          return tooManyRequests(result.retryAfterSeconds);
        case 'already_claimed':
          return { ok: false, formError: ALREADY_CLAIMED, status: 409 };
        case 'already_pending':
          return {
            ok: false,
            formError: 'You already asked to claim this brand: your claim is waiting for a moderator.',
            status: 409,
          };
        case 'wrong_domain':
          return {
            ok: false,
            fieldErrors: { workEmail: 'Use an address at the brand’s own website domain.' },
          };
        default:
          return common(result);
      }
    },
  }),

  confirmClaim: defineAction({
    accept: 'form',
    input: tokenInput,
    handler: async (input, context): Promise<FormResult> => {
      const result = await admin.confirmClaim(commandDeps(context), context.locals.actor, input.token);
      if (!result.ok) {
        const messages = {
          sign_in: 'Please log in first.',
          invalid_token: INVALID_LINK,
          already_claimed: ALREADY_CLAIMED,
        } as const satisfies Record<typeof result.reason, string>;
        const status = { sign_in: 401, invalid_token: 400, already_claimed: 409 } as const;
        return { ok: false, formError: messages[result.reason], status: status[result.reason] };
      }
      setSessionCookie(context.cookies, result.sessionToken, { secure: secureCookies });
      return { ok: true, message: result.brandSlug };
    },
  }),

  acceptInvite: defineAction({
    accept: 'form',
    input: tokenInput,
    handler: async (input, context): Promise<FormResult> => {
      const result = await admin.acceptInvite(commandDeps(context), context.locals.actor, input.token);
      if (!result.ok) {
        const messages = {
          sign_in: 'Please log in first, with the address the invitation was sent to.',
          other_address: 'This invitation was sent to another address. Log in with that one.',
          invalid_token: INVALID_LINK,
        } as const;
        return {
          ok: false,
          formError: messages[result.reason],
          status: result.reason === 'sign_in' ? 401 : 400,
        };
      }
      setSessionCookie(context.cookies, result.sessionToken, { secure: secureCookies });
      return { ok: true, message: result.brandSlug };
    },
  }),

  inviteMember: defineAction({
    accept: 'form',
    input: z.object({ brandSlug: slug, email: emailSchema }),
    handler: async (input, context): Promise<FormResult> => {
      const result = await admin.inviteMember(commandDeps(context), context.locals.actor, input);
      if (!result.ok && result.reason === 'rate_limited') return tooManyRequests(result.retryAfterSeconds);
      return common(result as Common, {
        ok: true,
        message: `Invitation sent to ${input.email}. The link works for 7 days.`,
      });
    },
  }),

  revokeInvite: defineAction({
    accept: 'form',
    input: z.object({ brandSlug: slug, inviteId: z.string().trim().min(1).max(64) }),
    handler: async (input, context) =>
      common(await admin.revokeInvite(commandDeps(context), context.locals.actor, input), {
        ok: true,
        message: 'Invitation revoked: its link no longer works.',
      }),
  }),

  removeMember: defineAction({
    accept: 'form',
    input: z.object({ brandSlug: slug, userId: id }),
    handler: async (input, context): Promise<FormResult> => {
      const result = await admin.removeTeamMember(commandDeps(context), context.locals.actor, input);
      if (!result.ok && result.reason === 'last_owner') {
        return {
          ok: false,
          formError: 'You cannot remove yourself as owner; a moderator can transfer the brand.',
          status: 409,
        };
      }
      return common(result as Common, { ok: true, message: 'Member removed.' });
    },
  }),

  editBrandProfile: defineAction({
    accept: 'form',
    input: brandProfileSchema,
    handler: async (input, context) =>
      common(await admin.editBrandProfile(commandDeps(context), context.locals.actor, input), {
        ok: true,
        message: 'Profile saved. It is live on the brand page.',
      }),
  }),

  addWebhook: defineAction({
    accept: 'form',
    input: webhookFormSchema,
    handler: async (input, context): Promise<FormResult> => {
      const result = await admin.addWebhook(commandDeps(context), context.locals.actor, input);
      if (!result.ok) return common(result);
      return {
        ok: true,
        message: `Webhook added. Its signing secret, shown only this once: ${result.secret}`,
      };
    },
  }),

  removeWebhook: defineAction({
    accept: 'form',
    input: z.object({ brandSlug: slug, webhookId: id }),
    handler: async (input, context) =>
      common(await admin.removeWebhook(commandDeps(context), context.locals.actor, input), {
        ok: true,
        message: 'Webhook removed.',
      }),
  }),

  decideClaim: defineAction({
    accept: 'form',
    input: z.object({ claimId: id, decision: z.enum(['approve', 'reject']) }),
    handler: async (input, context): Promise<FormResult> => {
      const result = await admin.decidePendingClaim(commandDeps(context), context.locals.actor, {
        claimId: input.claimId,
        approve: input.decision === 'approve',
      });
      if (!result.ok && result.reason === 'already_claimed') {
        return { ok: false, formError: `${ALREADY_CLAIMED} Reject this claim instead.`, status: 409 };
      }
      return common(result, {
        ok: true,
        message: input.decision === 'approve' ? 'Claim approved: the brand is verified.' : 'Claim rejected.',
      });
    },
  }),

  transferOwnership: defineAction({
    accept: 'form',
    input: z.object({ brandSlug: slug, email: emailSchema, reason: z.string().trim().max(300) }),
    handler: async (input, context): Promise<FormResult> => {
      const result = await admin.transferOwnership(commandDeps(context), context.locals.actor, input);
      if (!result.ok && result.reason === 'no_such_account') {
        return { ok: false, fieldErrors: { email: 'No account uses this address.' } };
      }
      return common(result as Common, { ok: true, message: 'Ownership transferred.' });
    },
  }),
};
