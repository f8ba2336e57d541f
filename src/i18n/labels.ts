/**
 * The vocabulary's labels in the request's language (decision 014): the closed lists of
 * src/domain/vocabulary.ts and src/domain/forms.ts keep their English labels for the API and the
 * open data; pages show these. One literal message per value, so the catalogue test sees each used.
 */
import type { Flash } from '../domain/forms.ts';
import type { RemovalReason } from '../domain/moderation.ts';
import type { NotificationKind } from '../domain/notifications.ts';
import type { Refusal } from '../domain/policy.ts';
import type { BRAND_MEMBER_ROLES, FailStatus, PostVisibility } from '../domain/vocabulary.ts';
import { m } from './messages.ts';

const STATUS: Record<FailStatus | 'unanswered', () => string> = {
  waiting: m.status_waiting,
  answered: m.status_answered,
  promised: m.status_promised,
  resolution_proposed: m.status_resolution_proposed,
  resolved: m.status_resolved,
  not_resolved: m.status_not_resolved,
  unconfirmed: m.status_unconfirmed,
  unanswered: m.status_unanswered,
};

const VISIBILITY: Record<PostVisibility, () => string> = {
  published: m.visibility_published,
  withdrawn: m.visibility_withdrawn,
  removed: m.visibility_removed,
  held: m.visibility_held,
};

const ROLE: Record<(typeof BRAND_MEMBER_ROLES)[number], () => string> = {
  owner: m.account_role_owner,
  member: m.account_role_member,
};

const NOTIFICATION: Record<NotificationKind, () => string> = {
  brand_reply: m.notify_brand_reply,
  resolution_proposed: m.notify_resolution_proposed,
  team_new_fail: m.notify_team_new_fail,
  team_follow_up: m.notify_team_follow_up,
  team_verdict: m.notify_team_verdict,
};

const REASON: Record<RemovalReason, () => string> = {
  spam: m.reason_spam,
  fake: m.reason_fake,
  personal_data: m.reason_personal_data,
  personal_data_in_image: m.reason_personal_data_in_image,
  hate: m.reason_hate,
  wrong_brand: m.reason_wrong_brand,
  other: m.reason_other,
};

const REASON_EXPLANATION: Record<RemovalReason, () => string> = {
  spam: m.reason_spam_explained,
  fake: m.reason_fake_explained,
  personal_data: m.reason_personal_data_explained,
  personal_data_in_image: m.reason_personal_data_in_image_explained,
  hate: m.reason_hate_explained,
  wrong_brand: m.reason_wrong_brand_explained,
  other: m.reason_other_explained,
};

const FLASH: Record<Flash, () => string> = {
  posted: m.flash_posted,
  'follow-up': m.flash_follow_up,
  'me-too': m.flash_me_too,
  helpful: m.flash_helpful,
  'not-helpful': m.flash_not_helpful,
  'image-removed': m.flash_image_removed,
  verdict: m.flash_verdict,
  reply: m.flash_reply,
  taken: m.flash_taken,
  flagged: m.flash_flagged,
  'already-flagged': m.flash_already_flagged,
  decision: m.flash_flags_decided,
  'held-decided': m.flash_held_decided,
  suspended: m.flash_suspended,
  lifted: m.flash_lifted,
  welcome: m.flash_welcome,
  'password-reset': m.flash_password_reset,
  'account-deleted': m.flash_account_deleted,
};

export const statusLabel = (status: FailStatus | 'unanswered') => STATUS[status]();
export const visibilityLabel = (visibility: PostVisibility) => VISIBILITY[visibility]();
export const roleLabel = (role: (typeof BRAND_MEMBER_ROLES)[number]) => ROLE[role]();
export const notificationLabel = (kind: NotificationKind) => NOTIFICATION[kind]();
export const flashLabel = (flash: Flash) => FLASH[flash]();
export const reasonLabel = (reason: RemovalReason) => REASON[reason]();
export const reasonExplanation = (reason: RemovalReason) => REASON_EXPLANATION[reason]();

// A policy refusal in words (src/domain/policy.ts `describeRefusal` keeps the English).
const REFUSAL: Record<Refusal, () => string> = {
  sign_in: m.refusal_sign_in,
  verify_email: m.refusal_verify_email,
  suspended: m.refusal_suspended,
  conflict_of_interest: m.refusal_conflict_of_interest,
  forbidden: m.refusal_forbidden,
};

export const refusalLabel = (refusal: Refusal) => REFUSAL[refusal]();
