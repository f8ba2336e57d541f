/**
 * Who may do what (DESIGN §2), decided in one place. Every action handler
 * asks `can(actor, action, target)` before it validates or writes; pages use
 * the same answers to decide which forms to show. A test walks every role ×
 * action (test/unit/policy.test.ts).
 *
 * Roles: a reader has no account (actor null); a customer is a signed-in
 * account with a verified e-mail; a brand member belongs to a brand's team; a
 * brand owner claimed the brand; a moderator is staff. A suspended account
 * keeps reading but may do nothing else.
 */

export interface Membership {
  brandId: number;
  role: 'owner' | 'member';
  /** For links on the person's pages; the policy itself looks at ids only. */
  brandSlug?: string;
  brandName?: string;
}

export interface Actor {
  id: number;
  role: 'customer' | 'moderator';
  emailVerified: boolean;
  suspended: boolean;
  memberships: readonly Membership[];
}

/** What an action is about: the post (its brand and author) or the brand. */
export interface Target {
  brandId?: number;
  authorId?: number;
  /** For "me too" and verdicts: only fails have them. */
  postKind?: 'like' | 'fail';
  /** For suspensions: the account acted upon. */
  account?: { id: number; role: 'customer' | 'moderator' };
}

export const ACTIONS = [
  // anyone
  'read',
  // customers
  'post',
  'follow_up',
  'edit_own_post',
  'withdraw_own_post',
  'give_verdict',
  'me_too',
  'mark_helpful',
  'flag',
  'claim_brand',
  // brand members
  'reply_as_brand',
  'take_case',
  'promise_date',
  'propose_resolution',
  'escalate',
  'view_inbox',
  // brand owners
  'edit_brand_profile',
  'manage_team',
  'manage_webhooks',
  // moderators
  'review_flags',
  'hide_content',
  'restore_content',
  'approve_claim',
  'merge_brands',
  'suspend_account',
  'view_audit_log',
  // the author and moderators: a post held for review (src/domain/abuse-signals.ts)
  'view_held_post',
  // every signed-in account, verified or not
  'manage_own_account',
] as const;
export type Action = (typeof ACTIONS)[number];

export type Refusal = 'sign_in' | 'verify_email' | 'suspended' | 'forbidden' | 'conflict_of_interest';
export type Decision = { ok: true } | { ok: false; reason: Refusal };

const allow: Decision = { ok: true };
const refuse = (reason: Refusal): Decision => ({ ok: false, reason });

export function membershipOf(actor: Actor, brandId: number | undefined): Membership | null {
  if (brandId === undefined) return null;
  return actor.memberships.find((membership) => membership.brandId === brandId) ?? null;
}

export function can(actor: Actor | null, action: Action, target: Target = {}): Decision {
  if (action === 'read') return allow;
  if (!actor) return refuse('sign_in');
  if (action === 'manage_own_account') return allow;
  if (actor.suspended) return refuse('suspended');
  if (!actor.emailVerified) return refuse('verify_email');

  const membership = membershipOf(actor, target.brandId);
  const isAuthor = target.authorId !== undefined && target.authorId === actor.id;
  switch (action) {
    case 'post':
      // A brand's own team may not post likes or fails about it.
      return membership ? refuse('conflict_of_interest') : allow;
    case 'follow_up':
    case 'edit_own_post':
    case 'withdraw_own_post':
      return isAuthor ? allow : refuse('forbidden');
    case 'give_verdict':
      return isAuthor && target.postKind === 'fail' ? allow : refuse('forbidden');
    case 'me_too':
      if (target.postKind !== 'fail' || isAuthor) return refuse('forbidden');
      return membership ? refuse('conflict_of_interest') : allow;
    case 'mark_helpful':
      // Any post, not one's own, and not by the brand's team: its marks feature stories.
      if (isAuthor) return refuse('forbidden');
      return membership ? refuse('conflict_of_interest') : allow;
    case 'flag':
      return isAuthor ? refuse('forbidden') : allow;
    case 'claim_brand':
      return membership ? refuse('forbidden') : allow;
    case 'reply_as_brand':
    case 'take_case':
    case 'promise_date':
    case 'propose_resolution':
    case 'escalate':
    case 'view_inbox':
      return membership ? allow : refuse('forbidden');
    case 'edit_brand_profile':
    case 'manage_team':
    case 'manage_webhooks':
      return membership?.role === 'owner' ? allow : refuse('forbidden');
    case 'review_flags':
    case 'hide_content':
    case 'restore_content':
    case 'approve_claim':
    case 'merge_brands':
    case 'view_audit_log':
      return actor.role === 'moderator' ? allow : refuse('forbidden');
    case 'suspend_account':
      // Not oneself, and not another moderator: staff are removed with `npm run user:moderator -- --revoke`.
      if (actor.role !== 'moderator') return refuse('forbidden');
      if (target.account && (target.account.id === actor.id || target.account.role === 'moderator'))
        return refuse('forbidden');
      return allow;
    case 'view_held_post':
      return isAuthor || actor.role === 'moderator' ? allow : refuse('forbidden');
  }
}

/** A sentence for a refusal, for pages and form errors. */
export function describeRefusal(reason: Refusal): string {
  switch (reason) {
    case 'sign_in':
      return 'Please log in first.';
    case 'verify_email':
      return 'Please confirm your e-mail address first: follow the link we sent you.';
    case 'suspended':
      return 'This account is suspended.';
    case 'conflict_of_interest':
      return 'Members of a brand’s team cannot post about their own brand.';
    case 'forbidden':
      return 'You are not allowed to do this.';
  }
}
