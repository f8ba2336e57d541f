/**
 * Every role × action of DESIGN §2. The table lists, for each action, the
 * roles allowed; every other role must be refused. Targets are a post by
 * someone else about brand 1 (a fail), unless the row says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action, type Actor, type Target } from '../../src/domain/policy.ts';

const ROLES = [
  'reader',
  'unverified',
  'suspended',
  'customer',
  'author',
  'member',
  'otherMember',
  'owner',
  'moderator',
] as const;
type Role = (typeof ROLES)[number];

const BRAND = 1;
const AUTHOR_ID = 50;
const base: Actor = { id: 10, role: 'customer', emailVerified: true, suspended: false, memberships: [] };
const actors: Record<Role, Actor | null> = {
  reader: null,
  unverified: { ...base, emailVerified: false },
  suspended: { ...base, suspended: true },
  customer: base,
  author: { ...base, id: AUTHOR_ID },
  member: { ...base, id: 11, memberships: [{ brandId: BRAND, role: 'member' }] },
  otherMember: { ...base, id: 12, memberships: [{ brandId: 2, role: 'owner' }] },
  owner: { ...base, id: 13, memberships: [{ brandId: BRAND, role: 'owner' }] },
  moderator: { ...base, id: 14, role: 'moderator' },
};

const fail: Target = { brandId: BRAND, authorId: AUTHOR_ID, postKind: 'fail' };
const everyoneSignedIn: Role[] = ['customer', 'author', 'member', 'otherMember', 'owner', 'moderator'];
const withoutAuthor = everyoneSignedIn.filter((role) => role !== 'author');

const allowed: Record<Action, Role[]> = {
  read: [...ROLES],
  // A brand's own team may not post about it (conflict of interest).
  post: ['customer', 'author', 'otherMember', 'moderator'],
  follow_up: ['author'],
  edit_own_post: ['author'],
  withdraw_own_post: ['author'],
  give_verdict: ['author'],
  me_too: ['customer', 'otherMember', 'moderator'],
  // Not the author, not the brand's own team (its marks would feature its own stories).
  mark_helpful: ['customer', 'otherMember', 'moderator'],
  flag: withoutAuthor,
  claim_brand: ['customer', 'author', 'otherMember', 'moderator'],
  reply_as_brand: ['member', 'owner'],
  take_case: ['member', 'owner'],
  promise_date: ['member', 'owner'],
  propose_resolution: ['member', 'owner'],
  escalate: ['member', 'owner'],
  view_inbox: ['member', 'owner'],
  edit_brand_profile: ['owner'],
  manage_team: ['owner'],
  manage_webhooks: ['owner'],
  review_flags: ['moderator'],
  hide_content: ['moderator'],
  restore_content: ['moderator'],
  approve_claim: ['moderator'],
  merge_brands: ['moderator'],
  suspend_account: ['moderator'],
  view_audit_log: ['moderator'],
  view_held_post: ['author', 'moderator'],
  manage_own_account: ['unverified', 'suspended', ...everyoneSignedIn],
};

describe('the policy', () => {
  it('has a row for every action', () => {
    expect(Object.keys(allowed).sort()).toEqual([...ACTIONS].sort());
  });

  const cases = ACTIONS.flatMap((action) =>
    ROLES.map((role) => [action, role, allowed[action].includes(role)] as const),
  );
  it.each(cases)('%s by %s → allowed: %s', (action, role, expected) => {
    expect(can(actors[role], action, fail).ok).toBe(expected);
  });

  it('says why: sign in, verify, suspended, conflict of interest', () => {
    expect(can(null, 'post', fail)).toEqual({ ok: false, reason: 'sign_in' });
    expect(can(actors.unverified, 'post', fail)).toEqual({ ok: false, reason: 'verify_email' });
    expect(can(actors.suspended, 'post', fail)).toEqual({ ok: false, reason: 'suspended' });
    expect(can(actors.member, 'post', fail)).toEqual({ ok: false, reason: 'conflict_of_interest' });
  });

  it('gives no "me too" and no verdict on a like', () => {
    const like: Target = { ...fail, postKind: 'like' };
    expect(can(actors.customer, 'me_too', like).ok).toBe(false);
    expect(can(actors.author, 'give_verdict', like).ok).toBe(false);
  });

  it('lets readers mark a like helpful as well as a fail, but never the brand’s own team', () => {
    const like: Target = { ...fail, postKind: 'like' };
    expect(can(actors.customer, 'mark_helpful', like).ok).toBe(true);
    expect(can(actors.author, 'mark_helpful', like)).toEqual({ ok: false, reason: 'forbidden' });
    expect(can(actors.owner, 'mark_helpful', like)).toEqual({ ok: false, reason: 'conflict_of_interest' });
    expect(can(actors.suspended, 'mark_helpful', like)).toEqual({ ok: false, reason: 'suspended' });
  });

  it('refuses a suspended account every write, moderators included', () => {
    const suspendedModerator: Actor = { ...base, id: 15, role: 'moderator', suspended: true };
    const writes = ACTIONS.filter((action) => action !== 'read' && action !== 'manage_own_account');
    for (const action of writes) {
      expect(can(actors.suspended, action, fail)).toEqual({ ok: false, reason: 'suspended' });
      expect(can(suspendedModerator, action, fail)).toEqual({ ok: false, reason: 'suspended' });
    }
  });

  it('lets a moderator suspend a customer, but not themselves or another moderator', () => {
    const moderator = actors.moderator!;
    expect(can(moderator, 'suspend_account', { account: { id: 99, role: 'customer' } }).ok).toBe(true);
    expect(can(moderator, 'suspend_account', { account: { id: moderator.id, role: 'moderator' } }).ok).toBe(
      false,
    );
    expect(can(moderator, 'suspend_account', { account: { id: 98, role: 'moderator' } }).ok).toBe(false);
    expect(can(actors.customer, 'suspend_account', { account: { id: 99, role: 'customer' } }).ok).toBe(false);
  });

  it('lets a member act only for their own brand', () => {
    expect(can(actors.otherMember, 'reply_as_brand', fail).ok).toBe(false);
    expect(can(actors.otherMember, 'reply_as_brand', { ...fail, brandId: 2 }).ok).toBe(true);
  });
});
