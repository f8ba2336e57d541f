/**
 * The board's vocabulary (DESIGN §3): the closed lists every layer shares.
 * Each list is a readonly tuple so the database enums, the zod schemas and the
 * labels shown to people are derived from one place.
 */

/** The board's languages (decision 014): English at `/`, French under `/fr/`. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language named in itself, as language pickers do, whatever the page's language. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

export const POST_KINDS = ['like', 'fail'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const SECTORS = [
  'telecom',
  'ecommerce',
  'retail',
  'banking',
  'energy',
  'transport',
  'airlines',
  'hosting',
  'electronics',
  'public',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const CATEGORIES = [
  'delivery',
  'defect',
  'compatibility',
  'billing',
  'cancellation',
  'responsiveness',
  'attitude',
  'suggestion',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ['phone', 'email', 'chat', 'social', 'webform', 'store', 'mail', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Stored status of a fail (DESIGN §4). Likes have no lifecycle and store null.
 * "unanswered" is not stored: it is a waiting fail older than 30 days, derived
 * when shown so no job has to flip it.
 */
export const FAIL_STATUSES = [
  'waiting',
  'answered',
  'promised',
  'resolution_proposed',
  'resolved',
  'not_resolved',
  'unconfirmed',
] as const;
export type FailStatus = (typeof FAIL_STATUSES)[number];

/** Every status a reader can see (src/domain/lifecycle.ts `displayStatus`), in words. */
export const STATUS_LABELS: Record<FailStatus | 'unanswered' | 'promise_broken', string> = {
  waiting: 'Waiting for the brand',
  answered: 'Answered',
  promised: 'Promised a date',
  promise_broken: 'Promise broken',
  resolution_proposed: 'Resolution proposed',
  resolved: 'Resolved',
  not_resolved: 'Not resolved',
  unconfirmed: 'Closed, unconfirmed',
  unanswered: 'Unanswered',
};

/**
 * `held`: a like kept out of every list and figure until a moderator releases or removes it (a burst
 * of likes for one brand from new accounts, src/domain/abuse-signals.ts); its author sees it.
 */
export const POST_VISIBILITIES = ['published', 'withdrawn', 'removed', 'held'] as const;
export type PostVisibility = (typeof POST_VISIBILITIES)[number];

export const PROMISE_OUTCOMES = ['pending', 'kept', 'broken', 'replaced'] as const;
export type PromiseOutcome = (typeof PROMISE_OUTCOMES)[number];

export const MESSAGE_KINDS = ['follow_up', 'brand_reply'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const THREAD_EVENT_TYPES = [
  'case_taken',
  'promise_made',
  'promise_replaced',
  'promise_kept',
  'promise_broken',
  'resolution_proposed',
  'escalated',
  'verdict',
  'verdict_changed',
  'closed_unconfirmed',
  'edited',
  'withdrawn',
  'removed',
  'restored',
] as const;
export type ThreadEventType = (typeof THREAD_EVENT_TYPES)[number];

export const FLAG_REASONS = [
  'spam',
  'fake',
  'personal_data',
  'personal_data_in_image',
  'hate',
  'wrong_brand',
] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_REASON_LABELS: Record<FlagReason, string> = {
  spam: 'Spam',
  fake: 'Fake experience',
  personal_data: 'Personal data',
  personal_data_in_image: 'Personal data in an image',
  hate: 'Hate or harassment',
  wrong_brand: 'Not about this brand',
};

export const USER_ROLES = ['customer', 'moderator'] as const;

export const BRAND_MEMBER_ROLES = ['owner', 'member'] as const;

export const STAT_WINDOWS = ['30d', '90d', '12m', 'all'] as const;
export type StatWindow = (typeof STAT_WINDOWS)[number];

export const STAT_WINDOW_DAYS: Record<StatWindow, number | null> = {
  '30d': 30,
  '90d': 90,
  '12m': 365,
  all: null,
};

// Numbers of the rules that the statistics' SQL needs too (db/ reads them from here).
/** A brand reply with at least this many words counts for "personal replies". */
export const LONG_REPLY_WORDS = 12;
/** Fails younger than this are not yet expected to have an answer. */
export const RESPONSE_GRACE_HOURS = 72;
/** A fail without any brand reply after this many days shows "unanswered". */
export const UNANSWERED_AFTER_DAYS = 30;
/** Helpful marks a like needs, with the brand's reply, to be an exceptional story (src/domain/stories.ts). */
export const LIKE_STORY_MIN_HELPFUL = 3;

/**
 * What a change announced to live pages is about (db/queries/changes.ts, decision 008): a post that
 * appeared, something on one post's page, one brand's page or figures, or the whole board.
 */
export const LIVE_CHANGE_KINDS = ['post', 'thread', 'brand', 'board'] as const;
export type LiveChangeKind = (typeof LIVE_CHANGE_KINDS)[number];
