/**
 * The vocabulary's labels in the request's language (decision 014): the closed lists of
 * src/domain/vocabulary.ts and src/domain/forms.ts keep their English labels for the API and the
 * open data; pages show these. One literal message per value, so the catalogue test sees each used.
 */
import type { Flash } from '../domain/forms.ts';
import type { NotificationKind } from '../domain/notifications.ts';
import { isRemovalReason, type FlagStatus, type RemovalReason } from '../domain/moderation.ts';
import type {
  BRAND_MEMBER_ROLES,
  Category,
  Channel,
  FailStatus,
  PostVisibility,
  Sector,
} from '../domain/vocabulary.ts';
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

// Sectors, categories and channels (the writer's and the reader's pages both show them).
const SECTOR: Record<Sector, () => string> = {
  telecom: m.new_sector_telecom,
  ecommerce: m.new_sector_ecommerce,
  retail: m.new_sector_retail,
  banking: m.new_sector_banking,
  energy: m.new_sector_energy,
  transport: m.new_sector_transport,
  airlines: m.new_sector_airlines,
  hosting: m.new_sector_hosting,
  electronics: m.new_sector_electronics,
  public: m.new_sector_public,
  other: m.new_sector_other,
};

const CATEGORY: Record<Category, () => string> = {
  delivery: m.post_category_delivery,
  defect: m.post_category_defect,
  compatibility: m.post_category_compatibility,
  billing: m.post_category_billing,
  cancellation: m.post_category_cancellation,
  responsiveness: m.post_category_responsiveness,
  attitude: m.post_category_attitude,
  suggestion: m.post_category_suggestion,
  other: m.post_category_other,
};

const CHANNEL: Record<Channel, () => string> = {
  phone: m.post_channel_phone,
  email: m.post_channel_email,
  chat: m.post_channel_chat,
  social: m.post_channel_social,
  webform: m.post_channel_webform,
  store: m.post_channel_store,
  mail: m.post_channel_mail,
  other: m.post_channel_other,
};

/** A reader's flag as they see it: "under review", then "kept" or "removed". */
const FLAG_OUTCOME: Record<FlagStatus, () => string> = {
  open: m.post_flag_outcome_open,
  dismissed: m.post_flag_outcome_dismissed,
  upheld: m.post_flag_outcome_upheld,
};

export const sectorLabel = (sector: Sector) => SECTOR[sector]();
export const categoryLabel = (category: Category) => CATEGORY[category]();
export const channelLabel = (channel: Channel) => CHANNEL[channel]();
export const flagOutcomeLabel = (status: FlagStatus) => FLAG_OUTCOME[status]();
/** A reason code as stored (a flag's, an audit row's): its label, or the stored text when unknown. */
export const storedReasonLabel = (reason: string) => (isRemovalReason(reason) ? reasonLabel(reason) : reason);
