/**
 * The vocabulary's labels in the request's language (decision 014): the closed lists of
 * src/domain/vocabulary.ts and src/domain/forms.ts are codes (the API and the open data give the
 * codes; the domain keeps English words only where stored text or e-mails need them); pages show
 * these. One literal message per value, so the catalogue test sees each used.
 */
import type { InboxFilter } from '../../db/queries/inbox.ts';
import type { AuditTargetType } from '../../db/queries/moderation-log.ts';
import type { Flash } from '../domain/forms.ts';
import {
  auditReasonName,
  isModerationAction,
  isRemovalReason,
  type AuditReasonName,
  type FlagStatus,
  type ModerationAction,
  type RemovalReason,
} from '../domain/moderation.ts';
import type { NotificationKind } from '../domain/notifications.ts';
import type { Refusal } from '../domain/policy.ts';
import type { DisplayStatus } from '../domain/lifecycle.ts';
import type { RankingSort } from '../domain/rankings.ts';
import { formatDate } from '../domain/time.ts';
import {
  type BRAND_MEMBER_ROLES,
  type Category,
  type Channel,
  type FailStatus,
  type Language,
  type PostKind,
  type PostVisibility,
  type PromiseOutcome,
  type Sector,
  type StatWindow,
  type USER_ROLES,
} from '../domain/vocabulary.ts';
import type { DeliveryError, WebhookEvent } from '../domain/webhooks.ts';
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

// The readers' pages (issue #14): sectors, categories, channels, statistics windows, ranking sorts and
// the statuses as a fail's badge shows them. Other sessions may use these too.
const SECTOR: Record<Sector, () => string> = {
  telecom: m.ui_sector_telecom,
  ecommerce: m.ui_sector_ecommerce,
  retail: m.ui_sector_retail,
  banking: m.ui_sector_banking,
  energy: m.ui_sector_energy,
  transport: m.ui_sector_transport,
  airlines: m.ui_sector_airlines,
  hosting: m.ui_sector_hosting,
  electronics: m.ui_sector_electronics,
  public: m.ui_sector_public,
  other: m.ui_sector_other,
};

const CATEGORY: Record<Category, () => string> = {
  delivery: m.ui_category_delivery,
  defect: m.ui_category_defect,
  compatibility: m.ui_category_compatibility,
  billing: m.ui_category_billing,
  cancellation: m.ui_category_cancellation,
  responsiveness: m.ui_category_responsiveness,
  attitude: m.ui_category_attitude,
  suggestion: m.ui_category_suggestion,
  other: m.ui_category_other,
};

const CHANNEL: Record<Channel, () => string> = {
  phone: m.ui_channel_phone,
  email: m.ui_channel_email,
  chat: m.ui_channel_chat,
  social: m.ui_channel_social,
  webform: m.ui_channel_webform,
  store: m.ui_channel_store,
  mail: m.ui_channel_mail,
  other: m.ui_channel_other,
};

/** Windows as readers read them, in running text: "last 30 days", "30 derniers jours". */
const WINDOW: Record<StatWindow, () => string> = {
  '30d': m.ui_window_30d,
  '90d': m.ui_window_90d,
  '12m': m.ui_window_12m,
  all: m.ui_window_all,
};

const RANKING_SORT: Record<RankingSort, () => string> = {
  score: m.rankings_sort_score,
  likeShare: m.rankings_sort_like_share,
  responseRate: m.rankings_sort_response_rate,
  firstResponse: m.rankings_sort_first_response,
  resolutionRate: m.rankings_sort_resolution_rate,
  promisesKept: m.rankings_sort_promises_kept,
  wouldBuyAgain: m.rankings_sort_would_buy_again,
  personalReplies: m.rankings_sort_personal_replies,
  posts: m.rankings_sort_posts,
};

/** A fail's status on its badge and in the brand page's filter (src/domain/lifecycle.ts `displayStatus`). */
const DISPLAY_STATUS: Record<DisplayStatus, () => string> = {
  waiting: m.status_waiting,
  answered: m.status_answered,
  promised: m.ui_status_promised_date,
  promise_broken: m.ui_status_promise_broken,
  resolution_proposed: m.status_resolution_proposed,
  resolved: m.status_resolved,
  not_resolved: m.status_not_resolved,
  unconfirmed: m.status_unconfirmed,
  unanswered: m.status_unanswered,
};

const KIND: Record<PostKind, () => string> = {
  like: m.ui_kind_like,
  fail: m.ui_kind_fail,
};

/**
 * The audit log's actions, in words: one line of the moderators' log and one row of the counts on
 * /transparency say an action the same way.
 */
const MODERATION_ACTION = {
  keep_post: m.mod_action_keep_post,
  keep_message: m.mod_action_keep_message,
  remove_post: m.mod_action_remove_post,
  remove_message: m.mod_action_remove_message,
  restore_post: m.mod_action_restore_post,
  restore_message: m.mod_action_restore_message,
  approve_claim: m.mod_action_approve_claim,
  reject_claim: m.mod_action_reject_claim,
  transfer_ownership: m.mod_action_transfer_ownership,
  hold_release: m.mod_action_hold_release,
  hold_remove: m.mod_action_hold_remove,
  suspend: m.mod_action_suspend,
  unsuspend: m.mod_action_unsuspend,
  merge_brands: m.mod_action_merge_brands,
  remove_image: m.mod_action_remove_image,
} satisfies Record<ModerationAction, () => string>;

export const sectorLabel = (sector: Sector) => SECTOR[sector]();
export const categoryLabel = (category: Category) => CATEGORY[category]();
/** A channel as stored (a value outside the list, from older data, shows as it is). */
export const channelLabel = (channel: Channel | string) =>
  (CHANNEL as Record<string, (() => string) | undefined>)[channel]?.() ?? channel;
export const windowLabel = (window: StatWindow) => WINDOW[window]();
export const rankingSortLabel = (sort: RankingSort) => RANKING_SORT[sort]();
export const displayStatusLabel = (status: DisplayStatus) => DISPLAY_STATUS[status]();
export const kindLabel = (kind: PostKind) => KIND[kind]();
/** An audit-log action in words; an action added elsewhere shows as it is stored. */
export const moderationActionLabel = (action: string) =>
  isModerationAction(action) ? MODERATION_ACTION[action]() : action.replace(/_/g, ' ');
/**
 * A stored flag or removal reason in words; a value outside the list (an old free-text removal
 * reason) shows as it is stored.
 */
export const storedReasonLabel = (reason: string) => (isRemovalReason(reason) ? REASON[reason]() : reason);

/** A reader's flag as they see it: "under review", then "kept" or "removed". */
const FLAG_OUTCOME: Record<FlagStatus, () => string> = {
  open: m.post_flag_outcome_open,
  dismissed: m.post_flag_outcome_dismissed,
  upheld: m.post_flag_outcome_upheld,
};

export const flagOutcomeLabel = (status: FlagStatus) => FLAG_OUTCOME[status]();

// A policy refusal in words (src/domain/policy.ts `describeRefusal` keeps the English).
const REFUSAL: Record<Refusal, () => string> = {
  sign_in: m.refusal_sign_in,
  verify_email: m.refusal_verify_email,
  suspended: m.refusal_suspended,
  conflict_of_interest: m.refusal_conflict_of_interest,
  forbidden: m.refusal_forbidden,
};

export const refusalLabel = (refusal: Refusal) => REFUSAL[refusal]();

// ── The brand team's pages and the moderators' desks (inbox_, settings_, mod_ keys) ────────────
// The domain keeps English words for the API, the open data and the e-mails' fallbacks; the inbox,
// the brand settings and the moderation pages show these.

const USER_ROLE: Record<(typeof USER_ROLES)[number], () => string> = {
  customer: m.mod_user_role_customer,
  moderator: m.mod_user_role_moderator,
};

const AUDIT_REASON: Record<AuditReasonName, () => string> = {
  flagsDismissed: m.mod_audit_reason_flags_dismissed,
  restored: m.mod_audit_reason_restored,
  released: m.mod_audit_reason_released,
  claimApproved: m.mod_audit_reason_claim_approved,
  claimRejected: m.mod_audit_reason_claim_rejected,
  ownershipTransferred: m.mod_audit_reason_ownership_transferred,
};

const AUDIT_TARGET: Record<AuditTargetType, (inputs: { id: string }) => string> = {
  post: m.mod_target_post,
  message: m.mod_target_message,
  image: m.mod_target_image,
  user: m.mod_target_user,
  brand: m.mod_target_brand,
  brand_claim: m.mod_target_brand_claim,
};

const INBOX_FILTER: Record<InboxFilter, () => string> = {
  all: m.inbox_filter_all,
  unassigned: m.inbox_filter_unassigned,
  promise_due: m.inbox_filter_promise_due,
  awaiting_verdict: m.inbox_filter_awaiting_verdict,
};

const PROMISE: Record<PromiseOutcome, (inputs: { due: string }) => string> = {
  pending: m.inbox_promise_pending,
  kept: m.inbox_promise_kept,
  broken: m.inbox_promise_broken,
  replaced: m.inbox_promise_replaced,
};

const WEBHOOK_EVENT: Record<WebhookEvent, () => string> = {
  'post.created': m.settings_webhook_event_created,
  'post.follow_up': m.settings_webhook_event_follow_up,
  'post.verdict': m.settings_webhook_event_verdict,
};

/** A site role (customer, moderator), as /moderation/accounts shows it. */
export const userRoleLabel = (role: (typeof USER_ROLES)[number]) => USER_ROLE[role]();
/** An audit row's reason: the board's own reasons and the removal codes in words, a moderator's as typed. */
export function auditReasonText(reason: string): string {
  const name = auditReasonName(reason);
  return name ? AUDIT_REASON[name]() : storedReasonLabel(reason);
}
/** "post 12", "brand claim 3": what an audit row acted on. */
export const auditTargetLabel = (type: string, id: number) =>
  type in AUDIT_TARGET
    ? AUDIT_TARGET[type as AuditTargetType]({ id: String(id) })
    : `${type.replace(/_/g, ' ')} ${id}`;
export const inboxFilterLabel = (filter: InboxFilter) => INBOX_FILTER[filter]();
/** The latest promise of a fail in words, for the inbox; "No promised date" when none was made. */
export const promiseSummary = (
  promise: { dueOn: string; outcome: PromiseOutcome } | null,
  language: Language,
) =>
  promise ? PROMISE[promise.outcome]({ due: formatDate(promise.dueOn, language) }) : m.inbox_promise_none();
export const webhookEventLabel = (event: WebhookEvent) => WEBHOOK_EVENT[event]();
/** Why a webhook delivery failed; the network's own message (Node's, in English) is quoted as it came. */
export function deliveryErrorLabel(error: DeliveryError): string {
  switch (error.kind) {
    case 'http':
      return m.settings_delivery_error_http({ status: String(error.status) });
    case 'private_address':
      return m.settings_delivery_error_private();
    case 'unresolved':
      return m.settings_delivery_error_unresolved({ host: error.host, detail: error.detail });
    case 'network':
      return error.detail;
  }
}
