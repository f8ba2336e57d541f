/**
 * The rows of the authorization matrix (test/e2e/hostile-authorization.test.ts):
 * every write a form can make, the page whose form posts it, a valid body,
 * and the roles allowed to do it (DESIGN §2, src/domain/policy.ts). Every
 * other role must be refused.
 */
import type { Fields } from './hostile-http.ts';

export const ROLES = [
  'reader',
  'customer',
  'author',
  'otherBrandMember',
  'owner',
  'suspended',
  'moderator',
] as const;
export type Role = (typeof ROLES)[number];
export const BRAND = 'northwind-telecom';

/** What the rows act on, known once the test has created it. */
export interface Targets {
  postId: number;
  messageId: number;
  /** A suspended customer's account: the target of suspensions and team removals. */
  accountId: number;
}

export interface Row {
  action: string;
  page: (targets: Targets) => string;
  fields: (targets: Targets) => Fields;
  allowed: readonly Role[];
}

const everyoneSignedIn: readonly Role[] = ['customer', 'author', 'otherBrandMember', 'owner', 'moderator'];
const post = ({ postId }: Targets) => `/posts/${postId}`;
const settings = () => `/brand/${BRAND}/settings`;
const postFields =
  (extra: Fields = {}) =>
  ({ postId }: Targets) => ({ postId: String(postId), ...extra });
const brandFields =
  (extra: Fields = {}) =>
  () => ({ brandSlug: BRAND, ...extra });
const story = 'Rewritten by someone who is not the author of this post.';

export const MATRIX: Row[] = [
  {
    action: 'createPost',
    page: () => '/new',
    fields: () => ({
      kind: 'fail',
      brandSlug: BRAND,
      title: 'Not allowed to post this',
      story,
      category: 'attitude',
      channel: 'store',
      experiencedOn: '2026-01-02',
    }),
    allowed: ['customer', 'author', 'otherBrandMember', 'moderator'],
  },
  {
    action: 'addFollowUp',
    page: post,
    fields: postFields({ body: 'A follow-up by someone else.' }),
    allowed: ['author'],
  },
  {
    action: 'sayMeToo',
    page: post,
    fields: postFields(),
    allowed: ['customer', 'otherBrandMember', 'moderator'],
  },
  {
    action: 'giveVerdict',
    page: post,
    fields: postFields({ resolved: 'yes', wouldBuyAgain: 'yes' }),
    allowed: ['author'],
  },
  {
    action: 'editPost',
    page: (targets) => `${post(targets)}/edit`,
    fields: postFields({ title: 'Hijacked title', story, category: 'attitude', channel: 'store' }),
    allowed: ['author'],
  },
  { action: 'withdrawPost', page: post, fields: postFields(), allowed: ['author'] },
  {
    action: 'replyAsBrand',
    page: post,
    fields: postFields({ body: 'A reply in the brand’s name by an outsider.' }),
    allowed: ['owner'],
  },
  { action: 'takeCase', page: post, fields: postFields(), allowed: ['owner'] },
  {
    action: 'editReply',
    page: (targets) => `${post(targets)}/replies/${targets.messageId}/edit`,
    fields: ({ messageId }) => ({ messageId: String(messageId), body: 'Rewritten reply by an outsider.' }),
    allowed: ['owner'],
  },
  {
    action: 'flagContent',
    page: post,
    fields: postFields({ reason: 'fake', note: '' }),
    allowed: ['customer', 'otherBrandMember', 'owner', 'moderator'],
  },
  {
    action: 'decideOnItem',
    page: () => '/moderation',
    fields: postFields({
      messageId: '',
      decision: 'remove',
      reason: 'spam',
      explanation: 'Removed by an outsider.',
    }),
    allowed: ['moderator'],
  },
  {
    // The policy is asked before the image is looked up: any id is refused to anyone but a moderator.
    action: 'removeImage',
    page: post,
    fields: () => ({
      imageId: '1',
      reason: 'personal_data_in_image',
      explanation: 'Removed by an outsider.',
    }),
    allowed: ['moderator'],
  },
  {
    action: 'decideHeldPost',
    page: () => '/moderation/held',
    fields: postFields({ decision: 'remove', reason: 'spam', explanation: 'Removed by an outsider.' }),
    allowed: ['moderator'],
  },
  {
    action: 'decideClaim',
    page: () => '/moderation',
    fields: () => ({ claimId: '1', decision: 'approve' }),
    allowed: ['moderator'],
  },
  {
    action: 'transferOwnership',
    page: () => '/moderation',
    fields: brandFields({ email: 'customer2@demo.example', reason: 'Taken over by an outsider' }),
    allowed: ['moderator'],
  },
  {
    action: 'suspendAccount',
    page: () => '/moderation/accounts',
    fields: ({ accountId }) => ({ userId: String(accountId), reason: 'Suspended by an outsider' }),
    allowed: ['moderator'],
  },
  {
    action: 'liftSuspension',
    page: () => '/moderation/accounts',
    fields: ({ accountId }) => ({ userId: String(accountId), reason: 'Lifted by an outsider' }),
    allowed: ['moderator'],
  },
  {
    action: 'mergeBrands',
    page: () => '/moderation/brands',
    fields: () => ({
      duplicateSlug: 'puddlestone-fitness',
      keepSlug: 'brackwater-civic',
      reason: 'Merged by an outsider',
    }),
    allowed: ['moderator'],
  },
  {
    action: 'inviteMember',
    page: settings,
    fields: brandFields({ email: 'customer2@demo.example' }),
    allowed: ['owner'],
  },
  {
    action: 'revokeInvite',
    page: settings,
    fields: brandFields({ inviteId: 'any-invite' }),
    allowed: ['owner'],
  },
  {
    action: 'removeMember',
    page: settings,
    fields: ({ accountId }) => ({ brandSlug: BRAND, userId: String(accountId) }),
    allowed: ['owner'],
  },
  {
    action: 'editBrandProfile',
    page: settings,
    fields: brandFields({ description: 'Defaced by an outsider.', sector: 'telecom' }),
    allowed: ['owner'],
  },
  {
    action: 'addWebhook',
    page: settings,
    fields: brandFields({ url: 'https://hooks.evil.example/in', events: ['post.created'] }),
    allowed: ['owner'],
  },
  { action: 'removeWebhook', page: settings, fields: brandFields({ webhookId: '1' }), allowed: ['owner'] },
  {
    action: 'claimBrand',
    page: () => `/brands/${BRAND}/claim`,
    fields: brandFields({ workEmail: 'boss@northwind-telecom.example', evidence: 'I run it.' }),
    allowed: ['customer', 'author', 'otherBrandMember', 'moderator'],
  },
  {
    action: 'updateProfile',
    page: () => '/account',
    fields: () => ({ displayName: 'Renamed by an outsider' }),
    allowed: everyoneSignedIn,
  },
  {
    action: 'changePassword',
    page: () => '/account',
    fields: () => ({ currentPassword: 'wrong guess', newPassword: 'a new long passphrase' }),
    allowed: everyoneSignedIn,
  },
  {
    action: 'changeEmail',
    page: () => '/account',
    fields: () => ({ email: 'taken@evil.example', password: 'wrong guess' }),
    allowed: everyoneSignedIn,
  },
  {
    action: 'deleteAccount',
    page: () => '/account',
    fields: () => ({ password: 'wrong guess', confirm: 'on' }),
    allowed: everyoneSignedIn,
  },
  {
    action: 'revokeSession',
    page: () => '/account',
    fields: () => ({ sessionId: 'someone-else' }),
    allowed: everyoneSignedIn,
  },
  { action: 'updateNotifications', page: () => '/account', fields: () => ({}), allowed: everyoneSignedIn },
  {
    action: 'resendVerification',
    page: () => '/verify-email',
    fields: () => ({}),
    allowed: everyoneSignedIn,
  },
];
