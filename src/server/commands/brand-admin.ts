/**
 * Running a brand on the board (issue #5): claiming it, its team, its public
 * profile and its webhooks. Ownership changes are privilege changes: the
 * person gets a fresh session (or must log in again), never an old token with
 * new rights.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import {
  brandSlugOf,
  closePendingClaims,
  decideClaim,
  demoteOwners,
  findClaim,
  hasOwner,
  insertClaim,
  lockBrand,
  markBrandVerified,
  removeMember,
  updateBrandProfile,
  upsertMember,
  verifyOwnClaims,
} from '../../../db/queries/brand-team.ts';
import { recordModerationAction } from '../../../db/queries/moderation-log.ts';
import { getBrandBySlug, type Brand } from '../../../db/queries/brands.ts';
import { announceChange } from '../../../db/queries/changes.ts';
import { voidBrandInvites } from '../../../db/queries/email-tokens.ts';
import { deleteUserSessions } from '../../../db/queries/sessions.ts';
import { findUserByEmail, findUserById } from '../../../db/queries/users.ts';
import { deleteWebhook, insertWebhook } from '../../../db/queries/webhooks.ts';
import { normalizeDomain } from '../../domain/brand-identity.ts';
import type { BrandProfileInput } from '../../domain/brand-profile.ts';
import { SOCIAL_NETWORKS } from '../../domain/brand-profile.ts';
import { isAtBrandDomain } from '../../domain/claims.ts';
import { can, membershipOf, type Actor } from '../../domain/policy.ts';
import { AUDIT_REASONS } from '../../domain/moderation.ts';
import type { WebhookEvent } from '../../domain/webhooks.ts';
import { paths } from '../../paths.ts';
import { consumeEmailToken, issueEmailToken, peekEmailToken } from '../auth/email-tokens.ts';
import { createSession } from '../auth/session.ts';
import { attempt } from '../rate-limit.ts';
import { RATE_LIMITS } from '../../domain/rate-limits.ts';
import type { CommandDeps, RateLimited } from './deps.ts';
import { notFound, refused, type NotFound, type Refused } from './thread-guards.ts';
import { m } from '../../i18n/messages.ts';

async function liveBrand(db: Db, slug: string): Promise<Brand | null> {
  const brand = await getBrandBySlug(db, slug);
  return brand && brand.mergedIntoId === null ? brand : null;
}

/** Makes someone the owner: earlier owners stay on the team as members; the brand shows as verified. */
async function makeOwner(tx: Db, brandId: number, userId: number, now: Date) {
  await demoteOwners(tx, brandId);
  await upsertMember(tx, { brandId, userId, role: 'owner', invitedById: null, createdAt: now });
  await markBrandVerified(tx, brandId, now);
  await announceChange(tx, { brandId, postId: null });
}

export type ClaimResult =
  | { ok: true; mode: 'email_sent' | 'pending_review' }
  | Refused
  | NotFound
  | RateLimited
  | { ok: false; reason: 'already_claimed' | 'wrong_domain' | 'already_pending' };

export async function claimBrand(
  deps: CommandDeps,
  actor: Actor | null,
  input: { brandSlug: string; workEmail: string | null; message: string },
): Promise<ClaimResult> {
  const brand = await liveBrand(deps.db, input.brandSlug);
  if (!brand) return notFound;
  const decision = can(actor, 'claim_brand', { brandId: brand.id });
  if (!decision.ok) return refused(decision.reason);
  if (brand.verifiedAt) return { ok: false, reason: 'already_claimed' };
  if (input.workEmail && !isAtBrandDomain(input.workEmail, brand.domain))
    return { ok: false, reason: 'wrong_domain' };
  if (input.workEmail) {
    const limited = await attempt(deps.db, RATE_LIMITS.emailsPerAddress, input.workEmail, deps.now);
    if (!limited.ok)
      return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  }
  const token = await deps.db.transaction(async (tx) => {
    const claim = await insertClaim(tx, {
      brandId: brand.id,
      userId: actor!.id,
      workEmail: input.workEmail,
      message: input.message,
      createdAt: deps.now,
    });
    if (!claim) return 'already_pending' as const;
    if (!input.workEmail) return null;
    const issued = await issueEmailToken(
      tx,
      { purpose: 'brand_claim', email: input.workEmail, userId: actor!.id, brandId: brand.id },
      deps.now,
    );
    return { issued, claimId: claim.id };
  });
  if (token === 'already_pending') return { ok: false, reason: 'already_pending' };
  if (!token) return { ok: true, mode: 'pending_review' };
  const link = new URL(paths.confirmClaim(token.issued), deps.siteUrl).toString();
  await deps.mailer.send({
    to: input.workEmail!,
    // Written in the language of the page the claim was made on (the claimant's).
    subject: m.server_claim_mail_subject({ brand: brand.name }),
    text: m.server_claim_mail_text({ brand: brand.name, link }),
  });
  return { ok: true, mode: 'email_sent' };
}

/** The link from the work address: the claimant becomes owner and gets a fresh session. */
export async function confirmClaim(
  deps: CommandDeps,
  actor: Actor | null,
  token: string,
): Promise<
  | { ok: true; brandSlug: string; sessionToken: string }
  | { ok: false; reason: 'invalid_token' | 'sign_in' | 'already_claimed' }
> {
  if (!actor) return { ok: false, reason: 'sign_in' };
  return deps.db.transaction(async (tx) => {
    // Checked before use: someone else following the link must not use it up.
    const row = await peekEmailToken(tx, token, 'brand_claim', deps.now);
    if (!row || row.userId !== actor.id || row.brandId === null) {
      return { ok: false, reason: 'invalid_token' } as const;
    }
    // A brand that has an owner is not taken by a claim: its owner invites, or a moderator transfers.
    await lockBrand(tx, row.brandId);
    if (await hasOwner(tx, row.brandId)) return { ok: false, reason: 'already_claimed' } as const;
    if (!(await consumeEmailToken(tx, token, 'brand_claim', deps.now))) {
      return { ok: false, reason: 'invalid_token' } as const;
    }
    await makeOwner(tx, row.brandId, actor.id, deps.now);
    const brand = await brandSlugOf(tx, row.brandId);
    // This person's claims are verified; everyone else's waiting claims on the brand are closed.
    await verifyOwnClaims(tx, row.brandId, actor.id, deps.now);
    await closePendingClaims(tx, row.brandId, null, deps.now);
    await deleteUserSessions(tx, actor.id);
    const { token: sessionToken } = await createSession(tx, actor.id, deps.meta, deps.now);
    return { ok: true, brandSlug: brand, sessionToken } as const;
  });
}

/** A moderator approves a claim (no work address exists) or rejects it. */
export async function decidePendingClaim(
  deps: CommandDeps,
  actor: Actor | null,
  input: { claimId: number; approve: boolean },
): Promise<{ ok: true } | Refused | NotFound | { ok: false; reason: 'already_claimed' }> {
  const decision = can(actor, 'approve_claim');
  if (!decision.ok) return refused(decision.reason);
  return deps.db.transaction(async (tx) => {
    const unlocked = await findClaim(tx, input.claimId);
    if (!unlocked) return notFound;
    // The brand first: two moderators approving two claims at once must not make two owners.
    await lockBrand(tx, unlocked.brandId);
    const claim = await findClaim(tx, input.claimId);
    if (!claim || claim.status !== 'pending') return notFound;
    if (input.approve && (await hasOwner(tx, claim.brandId))) {
      return { ok: false, reason: 'already_claimed' } as const;
    }
    await decideClaim(tx, claim.id, input.approve ? 'approved' : 'rejected', actor!.id, deps.now);
    if (input.approve) {
      await makeOwner(tx, claim.brandId, claim.userId, deps.now);
      await closePendingClaims(tx, claim.brandId, actor!.id, deps.now);
      await deleteUserSessions(tx, claim.userId); // new rights, new session
    }
    await recordModerationAction(tx, {
      moderatorId: actor!.id,
      action: input.approve ? 'approve_claim' : 'reject_claim',
      targetType: 'brand_claim',
      targetId: claim.id,
      reason: input.approve ? AUDIT_REASONS.claimApproved : AUDIT_REASONS.claimRejected,
      createdAt: deps.now,
    });
    return { ok: true } as const;
  });
}

/** A moderator hands a brand to another account (the old owner stays a member). */
export async function transferOwnership(
  deps: CommandDeps,
  actor: Actor | null,
  input: { brandSlug: string; email: string; reason: string },
): Promise<{ ok: true } | Refused | NotFound | { ok: false; reason: 'no_such_account' }> {
  const decision = can(actor, 'approve_claim');
  if (!decision.ok) return refused(decision.reason);
  const brand = await liveBrand(deps.db, input.brandSlug);
  if (!brand) return notFound;
  const user = await findUserByEmail(deps.db, input.email);
  if (!user || user.deletedAt) return { ok: false, reason: 'no_such_account' };
  return deps.db.transaction(async (tx) => {
    await makeOwner(tx, brand.id, user.id, deps.now);
    await deleteUserSessions(tx, user.id);
    await recordModerationAction(tx, {
      moderatorId: actor!.id,
      action: 'transfer_ownership',
      targetType: 'brand',
      targetId: brand.id,
      reason: input.reason || AUDIT_REASONS.ownershipTransferred,
      createdAt: deps.now,
    });
    return { ok: true } as const;
  });
}

// ── team ─────────────────────────────────────────────────────────────────
export async function inviteMember(
  deps: CommandDeps,
  actor: Actor | null,
  input: { brandSlug: string; email: string },
): Promise<{ ok: true } | Refused | NotFound | RateLimited> {
  const brand = await liveBrand(deps.db, input.brandSlug);
  if (!brand) return notFound;
  const decision = can(actor, 'manage_team', { brandId: brand.id });
  if (!decision.ok) return refused(decision.reason);
  const limited = await attempt(deps.db, RATE_LIMITS.emailsPerAddress, input.email, deps.now);
  if (!limited.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  const token = await issueEmailToken(
    deps.db,
    { purpose: 'team_invite', email: input.email, userId: null, brandId: brand.id },
    deps.now,
  );
  const link = new URL(paths.acceptInvite(token), deps.siteUrl).toString();
  await deps.mailer.send({
    to: input.email,
    // The invitee may have no account yet: the invitation speaks the inviting owner's page's language.
    subject: m.server_invite_mail_subject({ brand: brand.name }),
    text: m.server_invite_mail_text({ brand: brand.name, link }),
  });
  return { ok: true };
}

export async function acceptInvite(
  deps: CommandDeps,
  actor: Actor | null,
  token: string,
): Promise<
  | { ok: true; brandSlug: string; sessionToken: string }
  | { ok: false; reason: 'invalid_token' | 'sign_in' | 'other_address' }
> {
  if (!actor) return { ok: false, reason: 'sign_in' };
  const user = await findUserById(deps.db, actor.id);
  return deps.db.transaction(async (tx) => {
    const row = await peekEmailToken(tx, token, 'team_invite', deps.now);
    if (!row || row.brandId === null) return { ok: false, reason: 'invalid_token' } as const;
    if (row.email !== user?.email) return { ok: false, reason: 'other_address' } as const;
    // Used up or revoked in the meantime (a removal voids the invitations): the link does nothing.
    if (!(await consumeEmailToken(tx, token, 'team_invite', deps.now))) {
      return { ok: false, reason: 'invalid_token' } as const;
    }
    if (!membershipOf(actor, row.brandId)) {
      await upsertMember(tx, {
        brandId: row.brandId,
        userId: actor.id,
        role: 'member',
        invitedById: null,
        createdAt: deps.now,
      });
    }
    await deleteUserSessions(tx, actor.id);
    const { token: sessionToken } = await createSession(tx, actor.id, deps.meta, deps.now);
    return { ok: true, brandSlug: await brandSlugOf(tx, row.brandId), sessionToken } as const;
  });
}

export async function removeTeamMember(
  deps: CommandDeps,
  actor: Actor | null,
  input: { brandSlug: string; userId: number },
): Promise<{ ok: true } | Refused | NotFound | { ok: false; reason: 'last_owner' }> {
  const brand = await liveBrand(deps.db, input.brandSlug);
  if (!brand) return notFound;
  const decision = can(actor, 'manage_team', { brandId: brand.id });
  if (!decision.ok) return refused(decision.reason);
  // An owner hands the brand over through a moderator rather than leaving it ownerless.
  if (input.userId === actor!.id) return { ok: false, reason: 'last_owner' };
  const removed = await findUserById(deps.db, input.userId);
  return deps.db.transaction(async (tx) => {
    if (!(await removeMember(tx, brand.id, input.userId))) return notFound;
    await deleteUserSessions(tx, input.userId); // fewer rights: their open sessions end too
    // An older invitation must not bring them back.
    if (removed?.email) await voidBrandInvites(tx, brand.id, { email: removed.email }, deps.now);
    return { ok: true } as const;
  });
}

/** The owner takes back an invitation that has not been used yet. */
export async function revokeInvite(
  deps: CommandDeps,
  actor: Actor | null,
  input: { brandSlug: string; inviteId: string },
): Promise<{ ok: true } | Refused | NotFound> {
  const brand = await liveBrand(deps.db, input.brandSlug);
  if (!brand) return notFound;
  const decision = can(actor, 'manage_team', { brandId: brand.id });
  if (!decision.ok) return refused(decision.reason);
  const voided = await voidBrandInvites(deps.db, brand.id, { inviteId: input.inviteId }, deps.now);
  return voided > 0 ? { ok: true } : notFound;
}

// ── profile ──────────────────────────────────────────────────────────────
export async function editBrandProfile(
  deps: CommandDeps,
  actor: Actor | null,
  input: BrandProfileInput,
): Promise<{ ok: true } | Refused | NotFound> {
  const brand = await liveBrand(deps.db, input.brandSlug);
  if (!brand) return notFound;
  const decision = can(actor, 'edit_brand_profile', { brandId: brand.id });
  if (!decision.ok) return refused(decision.reason);
  const social: Record<string, string> = {};
  for (const network of SOCIAL_NETWORKS) {
    const handle = input[network];
    if (handle) social[network] = handle;
  }
  const domain = input.website ? normalizeDomain(input.website) : null;
  await deps.db.transaction(async (tx) => {
    await updateBrandProfile(tx, brand.id, {
      description: input.description ?? '',
      websiteUrl: input.website
        ? /^https?:\/\//i.test(input.website)
          ? input.website
          : `https://${domain}/`
        : null,
      sector: input.sector,
      contact: {
        phone: input.phone,
        email: input.email,
        chatUrl: input.chatUrl,
        social,
        openingHours: input.openingHours,
      },
      updatedAt: deps.now,
    });
    await announceChange(tx, { brandId: brand.id, postId: null });
  });
  return { ok: true };
}

// ── webhooks ─────────────────────────────────────────────────────────────
export async function addWebhook(
  deps: CommandDeps,
  actor: Actor | null,
  input: { brandSlug: string; url: string; events: WebhookEvent[] },
): Promise<{ ok: true; secret: string } | Refused | NotFound> {
  const brand = await liveBrand(deps.db, input.brandSlug);
  if (!brand) return notFound;
  const decision = can(actor, 'manage_webhooks', { brandId: brand.id });
  if (!decision.ok) return refused(decision.reason);
  const secret = `whsec_${randomBytes(24).toString('hex')}`;
  await insertWebhook(deps.db, {
    brandId: brand.id,
    url: input.url,
    secret,
    events: input.events,
    createdById: actor!.id,
    createdAt: deps.now,
  });
  return { ok: true, secret };
}

export async function removeWebhook(
  deps: CommandDeps,
  actor: Actor | null,
  input: { brandSlug: string; webhookId: number },
): Promise<{ ok: true } | Refused | NotFound> {
  const brand = await liveBrand(deps.db, input.brandSlug);
  if (!brand) return notFound;
  const decision = can(actor, 'manage_webhooks', { brandId: brand.id });
  if (!decision.ok) return refused(decision.reason);
  return (await deleteWebhook(deps.db, brand.id, input.webhookId)) ? { ok: true } : notFound;
}
