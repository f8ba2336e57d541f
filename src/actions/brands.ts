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
import { m } from '../i18n/messages.ts';

// Functions, not constants: each answer is written in the language of the request (decision 014).
const INVALID_LINK = (): FormResult => ({
  ok: false,
  formError: m.refusal_brand_link_invalid(),
  status: 400,
});
const ALREADY_CLAIMED = (): FormResult => ({
  ok: false,
  formError: m.refusal_already_claimed(),
  status: 409,
});

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
            ? m.server_claim_link_sent({ email: input.workEmail ?? '' })
            : m.server_claim_queued(),
      }),
      {
        ...COMMON_ANSWERS,
        already_claimed: ALREADY_CLAIMED,
        already_pending: () => ({ ok: false, formError: m.refusal_claim_pending(), status: 409 }),
        wrong_domain: () => ({ ok: false, fieldErrors: { workEmail: m.refusal_claim_wrong_domain() } }),
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
        sign_in: () => refusedResult('sign_in'),
        invalid_token: INVALID_LINK,
        already_claimed: ALREADY_CLAIMED,
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
        sign_in: () => ({ ok: false, formError: m.refusal_invite_sign_in(), status: 401 }),
        other_address: () => ({ ok: false, formError: m.refusal_invite_other_address(), status: 400 }),
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
        message: m.server_invitation_sent({ email: input.email }),
      }),
      COMMON_ANSWERS,
    ),
  }),

  revokeInvite: defineAction({
    accept: 'form',
    input: revokeInviteSchema,
    handler: runCommand(
      admin.revokeInvite,
      () => ({ ok: true, message: m.server_invitation_revoked() }),
      COMMON_ANSWERS,
    ),
  }),

  removeMember: defineAction({
    accept: 'form',
    input: removeMemberSchema,
    handler: runCommand(admin.removeTeamMember, () => ({ ok: true, message: m.server_member_removed() }), {
      ...COMMON_ANSWERS,
      last_owner: () => ({ ok: false, formError: m.refusal_last_owner(), status: 409 }),
    }),
  }),

  editBrandProfile: defineAction({
    accept: 'form',
    input: brandProfileSchema,
    handler: runCommand(
      admin.editBrandProfile,
      () => ({ ok: true, message: m.server_profile_saved() }),
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
        message: m.server_webhook_added({ secret: done.secret }),
      }),
      COMMON_ANSWERS,
    ),
  }),

  removeWebhook: defineAction({
    accept: 'form',
    input: removeWebhookSchema,
    handler: runCommand(
      admin.removeWebhook,
      () => ({ ok: true, message: m.server_webhook_removed() }),
      COMMON_ANSWERS,
    ),
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
          message: input.decision === 'approve' ? m.server_claim_approved() : m.server_claim_rejected(),
        },
        {
          ...COMMON_ANSWERS,
          already_claimed: { ok: false, formError: m.refusal_already_claimed_reject(), status: 409 },
        },
      ),
  }),

  transferOwnership: defineAction({
    accept: 'form',
    input: transferOwnershipSchema,
    handler: runCommand(
      admin.transferOwnership,
      () => ({ ok: true, message: m.server_ownership_transferred() }),
      {
        ...COMMON_ANSWERS,
        no_such_account: () => ({ ok: false, fieldErrors: { email: m.refusal_no_such_account() } }),
      },
    ),
  }),
};
