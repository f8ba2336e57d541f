/** Brand actions: public replies, cases, claims, team, profile and webhooks; moderators' claim queue. */
import { defineAction } from 'astro:actions';
import { linkTokenSchema } from '../domain/accounts.ts';
import { brandProfileSchema } from '../domain/brand-profile.ts';
import { brandReplyFormSchema, editReplySchema } from '../domain/brand-reply.ts';
import {
  inviteMemberSchema,
  removeMemberSchema,
  revokeInviteSchema,
  transferOwnershipSchema,
} from '../domain/brand-team.ts';
import { claimDecisionSchema, claimSchema } from '../domain/claims.ts';
import { postRefSchema } from '../domain/post-forms.ts';
import { removeWebhookSchema, webhookFormSchema } from '../domain/webhooks.ts';
import { setSessionCookie } from '../server/auth/session.ts';
import * as admin from '../server/commands/brand-admin.ts';
import * as replies from '../server/commands/brand-replies.ts';
import { secureCookies } from '../server/services.ts';
import {
  commandDeps,
  COMMON_ANSWERS,
  refusedResult,
  respond,
  runCommand,
  type FormResult,
} from './support.ts';

const INVALID_LINK: FormResult = {
  ok: false,
  formError: 'This link is invalid, expired or already used.',
  status: 400,
};
const ALREADY_CLAIMED = 'This brand is already claimed. Ask its owner to invite you.';

export const brandActions = {
  replyAsBrand: defineAction({
    accept: 'form',
    input: brandReplyFormSchema,
    handler: runCommand(replies.replyAsBrand, { ok: true, flash: 'reply' }, COMMON_ANSWERS),
  }),

  takeCase: defineAction({
    accept: 'form',
    input: postRefSchema,
    handler: runCommand(replies.takeCase, { ok: true, flash: 'taken' }, COMMON_ANSWERS),
  }),

  editReply: defineAction({
    accept: 'form',
    input: editReplySchema,
    handler: runCommand(replies.editReply, (done) => ({ ok: true, postId: done.postId }), COMMON_ANSWERS),
  }),

  claimBrand: defineAction({
    accept: 'form',
    input: claimSchema,
    handler: runCommand(
      admin.claimBrand,
      (done, input) => ({
        ok: true,
        message:
          done.mode === 'email_sent'
            ? `We sent a link to ${input.workEmail}. Follow it while logged in to become the brand's owner.`
            : 'Your claim is in the moderators’ queue. They will check it and e-mail you.',
      }),
      {
        ...COMMON_ANSWERS,
        already_claimed: { ok: false, formError: ALREADY_CLAIMED, status: 409 },
        already_pending: {
          ok: false,
          formError: 'You already asked to claim this brand: your claim is waiting for a moderator.',
          status: 409,
        },
        wrong_domain: {
          ok: false,
          fieldErrors: { workEmail: 'Use an address at the brand’s own website domain.' },
        },
      },
    ),
  }),

  confirmClaim: defineAction({
    accept: 'form',
    input: linkTokenSchema,
    handler: async (input, context) => {
      const result = await admin.confirmClaim(commandDeps(context), context.locals.actor, input.token);
      if (result.ok) setSessionCookie(context.cookies, result.sessionToken, { secure: secureCookies });
      return respond(result, (done) => ({ ok: true, brandSlug: done.brandSlug }), {
        sign_in: refusedResult('sign_in'),
        invalid_token: INVALID_LINK,
        already_claimed: { ok: false, formError: ALREADY_CLAIMED, status: 409 },
      });
    },
  }),

  acceptInvite: defineAction({
    accept: 'form',
    input: linkTokenSchema,
    handler: async (input, context) => {
      const result = await admin.acceptInvite(commandDeps(context), context.locals.actor, input.token);
      if (result.ok) setSessionCookie(context.cookies, result.sessionToken, { secure: secureCookies });
      return respond(result, (done) => ({ ok: true, brandSlug: done.brandSlug }), {
        sign_in: {
          ok: false,
          formError: 'Please log in first, with the address the invitation was sent to.',
          status: 401,
        },
        other_address: {
          ok: false,
          formError: 'This invitation was sent to another address. Log in with that one.',
          status: 400,
        },
        invalid_token: INVALID_LINK,
      });
    },
  }),

  inviteMember: defineAction({
    accept: 'form',
    input: inviteMemberSchema,
    handler: runCommand(
      admin.inviteMember,
      (_done, input) => ({
        ok: true,
        message: `Invitation sent to ${input.email}. The link works for 7 days.`,
      }),
      COMMON_ANSWERS,
    ),
  }),

  revokeInvite: defineAction({
    accept: 'form',
    input: revokeInviteSchema,
    handler: runCommand(
      admin.revokeInvite,
      { ok: true, message: 'Invitation revoked: its link no longer works.' },
      COMMON_ANSWERS,
    ),
  }),

  removeMember: defineAction({
    accept: 'form',
    input: removeMemberSchema,
    handler: runCommand(
      admin.removeTeamMember,
      { ok: true, message: 'Member removed.' },
      {
        ...COMMON_ANSWERS,
        last_owner: {
          ok: false,
          formError: 'You cannot remove yourself as owner; a moderator can transfer the brand.',
          status: 409,
        },
      },
    ),
  }),

  editBrandProfile: defineAction({
    accept: 'form',
    input: brandProfileSchema,
    handler: runCommand(
      admin.editBrandProfile,
      { ok: true, message: 'Profile saved. It is live on the brand page.' },
      COMMON_ANSWERS,
    ),
  }),

  addWebhook: defineAction({
    accept: 'form',
    input: webhookFormSchema,
    handler: runCommand(
      admin.addWebhook,
      (done) => ({
        ok: true,
        message: `Webhook added. Its signing secret, shown only this once: ${done.secret}`,
      }),
      COMMON_ANSWERS,
    ),
  }),

  removeWebhook: defineAction({
    accept: 'form',
    input: removeWebhookSchema,
    handler: runCommand(admin.removeWebhook, { ok: true, message: 'Webhook removed.' }, COMMON_ANSWERS),
  }),

  decideClaim: defineAction({
    accept: 'form',
    input: claimDecisionSchema,
    handler: async (input, context) =>
      respond(
        await admin.decidePendingClaim(commandDeps(context), context.locals.actor, {
          claimId: input.claimId,
          approve: input.decision === 'approve',
        }),
        {
          ok: true,
          message:
            input.decision === 'approve' ? 'Claim approved: the brand is verified.' : 'Claim rejected.',
        },
        {
          ...COMMON_ANSWERS,
          already_claimed: {
            ok: false,
            formError: `${ALREADY_CLAIMED} Reject this claim instead.`,
            status: 409,
          },
        },
      ),
  }),

  transferOwnership: defineAction({
    accept: 'form',
    input: transferOwnershipSchema,
    handler: runCommand(
      admin.transferOwnership,
      { ok: true, message: 'Ownership transferred.' },
      {
        ...COMMON_ANSWERS,
        no_such_account: { ok: false, fieldErrors: { email: 'No account uses this address.' } },
      },
    ),
  }),
};
