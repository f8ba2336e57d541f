/**
 * The whole data model of Likes & Fails (DESIGN.md), the source of truth for
 * drizzle-kit migrations. Every rule a race could break is backed here by a
 * constraint: one "me too" per account and post, one verdict per fail, one
 * pending promise per fail, one membership per person and brand.
 *
 * Conventions: integer identity keys (short public URLs such as /posts/42),
 * timestamps with time zone, `null` for "absent", snake_case columns.
 * Migrations are append-only: change this file, run `npm run db:generate`,
 * commit the new SQL; never edit a landed migration.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  BRAND_MEMBER_ROLES,
  CATEGORIES,
  CHANNELS,
  FAIL_STATUSES,
  FLAG_REASONS,
  LANGUAGES,
  LIVE_CHANGE_KINDS,
  MESSAGE_KINDS,
  POST_KINDS,
  POST_VISIBILITIES,
  PROMISE_OUTCOMES,
  SECTORS,
  STAT_WINDOWS,
  THREAD_EVENT_TYPES,
  USER_ROLES,
} from '../src/domain/vocabulary.ts';
import type { ContactChannels } from '../src/domain/brand-profile.ts';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true });

// ── enums ────────────────────────────────────────────────────────────────────
export const postKindEnum = pgEnum('post_kind', POST_KINDS);
export const sectorEnum = pgEnum('sector', SECTORS);
export const categoryEnum = pgEnum('category', CATEGORIES);
export const channelEnum = pgEnum('channel', CHANNELS);
export const failStatusEnum = pgEnum('fail_status', FAIL_STATUSES);
export const visibilityEnum = pgEnum('post_visibility', POST_VISIBILITIES);
export const promiseOutcomeEnum = pgEnum('promise_outcome', PROMISE_OUTCOMES);
export const messageKindEnum = pgEnum('message_kind', MESSAGE_KINDS);
export const threadEventEnum = pgEnum('thread_event_type', THREAD_EVENT_TYPES);
export const flagReasonEnum = pgEnum('flag_reason', FLAG_REASONS);
export const userRoleEnum = pgEnum('user_role', USER_ROLES);
export const languageEnum = pgEnum('language', LANGUAGES);
export const memberRoleEnum = pgEnum('brand_member_role', BRAND_MEMBER_ROLES);
export const statWindowEnum = pgEnum('stat_window', STAT_WINDOWS);
export const tokenPurposeEnum = pgEnum('token_purpose', [
  'verify_email',
  'reset_password',
  'change_email',
  'brand_claim',
  'team_invite',
]);
export const claimStatusEnum = pgEnum('claim_status', ['pending', 'verified', 'approved', 'rejected']);
export const flagStatusEnum = pgEnum('flag_status', ['open', 'upheld', 'dismissed']);
export const jobStatusEnum = pgEnum('job_status', ['queued', 'running', 'done', 'failed']);

// ── people and sessions ─────────────────────────────────────────────────────
export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** Lower-cased and NFC-normalised; null once the account is deleted. */
    email: text('email'),
    emailVerifiedAt: at('email_verified_at'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    role: userRoleEnum('role').notNull().default('customer'),
    /** The language of the e-mails and notifications they get (decision 014); chosen at sign-up. */
    language: languageEnum('language').notNull().default('en'),
    /** Per notification kind: `{ "brand_reply": false }`; absent means on. */
    notificationSettings: jsonb('notification_settings')
      .$type<Record<string, boolean>>()
      .notNull()
      .default({}),
    suspendedAt: at('suspended_at'),
    suspendedReason: text('suspended_reason'),
    /** Personal data erased; posts stay, signed "former customer". */
    deletedAt: at('deleted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    // The moderators' list of suspended accounts.
    index('users_suspended_idx')
      .on(t.suspendedAt)
      .where(sql`suspended_at is not null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** Public half of the `id.secret` token. */
    id: text('id').primaryKey(),
    /** SHA-256 of the secret half; the secret itself is never stored. */
    secretHash: bytea('secret_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastActiveAt: at('last_active_at').notNull().defaultNow(),
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    // Maintenance sweeps idle sessions by age: a range of this index, not a scan of every session.
    index('sessions_last_active_idx').on(t.lastActiveAt),
  ],
);

/** Verification, reset, e-mail change, brand claim and team invite links. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: text('id').primaryKey(),
    secretHash: bytea('secret_hash').notNull(),
    purpose: tokenPurposeEnum('purpose').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    brandId: integer('brand_id').references(() => brands.id, { onDelete: 'cascade' }),
    /** The address the link was sent to (new address for change_email). */
    email: text('email').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('email_tokens_user_idx').on(t.userId, t.purpose)],
);

// ── brands ──────────────────────────────────────────────────────────────────
export type { ContactChannels };

export const brands = pgTable(
  'brands',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Lower-case, accent-free, punctuation-free name: de-duplicates "Café Ltd" and "cafe ltd". */
    nameKey: text('name_key').notNull(),
    /** Normalised registrable host ("northwind-telecom.example"), de-duplicates brands. */
    domain: text('domain'),
    websiteUrl: text('website_url'),
    sector: sectorEnum('sector').notNull().default('other'),
    country: text('country'),
    description: text('description').notNull().default(''),
    contact: jsonb('contact')
      .$type<ContactChannels>()
      .notNull()
      .default({ phone: null, email: null, chatUrl: null, social: {}, openingHours: null }),
    verifiedAt: at('verified_at'),
    /** Set when a moderator merges a duplicate into another brand. */
    mergedIntoId: integer('merged_into_id'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('brands_slug_key').on(t.slug),
    uniqueIndex('brands_name_key_key').on(t.nameKey),
    uniqueIndex('brands_domain_key').on(t.domain),
    index('brands_sector_idx').on(t.sector),
  ],
);

export const brandMembers = pgTable(
  'brand_members',
  {
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRoleEnum('role').notNull().default('member'),
    invitedById: integer('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.brandId, t.userId] }), index('brand_members_user_idx').on(t.userId)],
);

export const brandClaims = pgTable(
  'brand_claims',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Address at the brand's own domain the link went to, or null for a moderator review. */
    workEmail: text('work_email'),
    message: text('message').notNull().default(''),
    status: claimStatusEnum('status').notNull().default('pending'),
    decidedById: integer('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('brand_claims_status_idx').on(t.status, t.createdAt),
    // One waiting claim per person and brand: asking twice must not fill the moderators' queue.
    uniqueIndex('brand_claims_one_pending_per_person')
      .on(t.brandId, t.userId)
      .where(sql`status = 'pending'`),
  ],
);

// ── posts and their threads ─────────────────────────────────────────────────
export const posts = pgTable(
  'posts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    kind: postKindEnum('kind').notNull(),
    title: text('title').notNull(),
    story: text('story').notNull(),
    /** The language it is written in: its `lang` attribute and its text-search configuration. */
    language: languageEnum('language').notNull().default('en'),
    category: categoryEnum('category').notNull(),
    channel: channelEnum('channel').notNull(),
    experiencedOn: date('experienced_on', { mode: 'string' }).notNull(),
    country: text('country'),
    waitMinutes: integer('wait_minutes'),
    /** Null for likes (no lifecycle). */
    status: failStatusEnum('status'),
    visibility: visibilityEnum('visibility').notNull().default('published'),
    /** The brand member handling the case publicly. */
    handlerId: integer('handler_id').references(() => users.id, { onDelete: 'set null' }),
    escalatedTo: text('escalated_to'),
    // Denormalised facts the lists, the statistics and the open data read
    // without joining the thread; updated in the transaction that changes them.
    firstBrandReplyAt: at('first_brand_reply_at'),
    resolutionProposedAt: at('resolution_proposed_at'),
    settledAt: at('settled_at'),
    meTooCount: integer('me_too_count').notNull().default(0),
    /** Accounts that marked the post helpful (`helpful_marks`), kept in the transaction that marks it. */
    helpfulCount: integer('helpful_count').notNull().default(0),
    /**
     * When the post became an exceptional story (src/domain/stories.ts), null while it is not one;
     * set and cleared by every write to the post (src/server/stories.ts), so featured lists are
     * read from the small partial indexes below, never from a scan of the posts.
     */
    exceptionalSince: at('exceptional_since'),
    messageCount: integer('message_count').notNull().default(0),
    revisionCount: integer('revision_count').notNull().default(0),
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
    withdrawnAt: at('withdrawn_at'),
    removedAt: at('removed_at'),
    removalReason: text('removal_reason'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`to_tsvector('english', title || ' ' || story)`,
    ),
  },
  (t) => [
    // Ascending on purpose: read backwards they give `created_at desc, id desc` (nulls first), the
    // order the feeds ask for; a DESC NULLS LAST index does not match it and was never used.
    index('posts_feed_idx').on(t.visibility, t.createdAt, t.id),
    index('posts_brand_feed_idx').on(t.brandId, t.visibility, t.createdAt, t.id),
    index('posts_brand_open_fails_idx')
      .on(t.brandId, t.createdAt)
      .where(sql`kind = 'fail' and visibility = 'published' and settled_at is null`),
    index('posts_author_idx').on(t.authorId, t.createdAt),
    index('posts_author_title_idx').on(t.authorId, t.brandId, t.createdAt),
    // The held-likes check (src/domain/abuse-signals.ts): one brand's likes of the last hour.
    index('posts_brand_likes_idx')
      .on(t.brandId, t.createdAt)
      .where(sql`kind = 'like'`),
    index('posts_search_idx').using('gin', t.searchVector),
    // French posts are searched with French stemming, accents ignored (decision 014): an index on
    // the expression for them alone, so adding it rewrote no row of posts. db/queries/search.ts
    // repeats the expression (FRENCH_SEARCH_VECTOR) so the planner matches it.
    index('posts_search_fr_idx')
      .using('gin', sql`to_tsvector('french_unaccent'::regconfig, title || ' ' || story)`)
      .where(sql`language = 'fr'`),
    // The brand page's "known issues": fails with the most "me too".
    index('posts_brand_known_issues_idx')
      .on(t.brandId, t.meTooCount, t.createdAt)
      .where(sql`kind = 'fail' and visibility = 'published' and me_too_count > 0`),
    // Exceptional stories (src/domain/stories.ts): most helpful first, board-wide and per brand, and
    // newest first for the Atom feed. Only featured posts are in these indexes.
    index('posts_stories_idx')
      .on(t.helpfulCount, t.exceptionalSince, t.id)
      .where(sql`exceptional_since is not null`),
    index('posts_brand_stories_idx')
      .on(t.brandId, t.helpfulCount, t.exceptionalSince, t.id)
      .where(sql`exceptional_since is not null`),
    index('posts_stories_feed_idx')
      .on(t.exceptionalSince, t.id)
      .where(sql`exceptional_since is not null`),
    // Statistics read these ranges of one brand instead of its every post (decision 004):
    // answered fails for the response-time percentiles, unanswered ones for the 72-hour grace.
    index('posts_brand_answered_idx')
      .on(t.brandId, t.createdAt, t.firstBrandReplyAt)
      .where(sql`kind = 'fail' and visibility = 'published' and first_brand_reply_at is not null`),
    index('posts_brand_unanswered_idx')
      .on(t.brandId, t.createdAt)
      .where(sql`kind = 'fail' and visibility = 'published' and first_brand_reply_at is null`),
    // Maintenance's search for proposals to close as unconfirmed: an indexed range, not a scan of posts.
    index('posts_open_proposals_idx')
      .on(t.resolutionProposedAt)
      .where(sql`status = 'resolution_proposed'`),
    check('posts_helpful_count', sql`helpful_count >= 0`),
    check('posts_title_length', sql`char_length(title) between 1 and 120`),
    check('posts_story_length', sql`char_length(story) between 1 and 5000`),
    check('posts_wait_minutes', sql`wait_minutes is null or wait_minutes between 0 and 10080`),
    check('posts_like_has_no_status', sql`(kind = 'like') = (status is null)`),
  ],
);

/** Earlier versions of a post, one row per edit, shown behind "edited". */
export const postRevisions = pgTable(
  'post_revisions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    story: text('story').notNull(),
    category: categoryEnum('category').notNull(),
    channel: channelEnum('channel').notNull(),
    /** When this version was published (it was replaced at the next revision's time). */
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('post_revisions_post_revision_key').on(t.postId, t.revision)],
);

/** Author follow-ups and brand replies, in thread order. */
export const threadMessages = pgTable(
  'thread_messages',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    kind: messageKindEnum('kind').notNull(),
    /** The brand a reply speaks for; null on author follow-ups. */
    brandId: integer('brand_id').references(() => brands.id),
    body: text('body').notNull(),
    wordCount: integer('word_count').notNull().default(0),
    /** Near-copy of an earlier reply by the same brand on another post (DESIGN §5). */
    isTemplate: boolean('is_template').notNull().default(false),
    templateOfId: integer('template_of_id'),
    revisionCount: integer('revision_count').notNull().default(0),
    removedAt: at('removed_at'),
    removalReason: text('removal_reason'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('thread_messages_post_idx').on(t.postId, t.createdAt),
    index('thread_messages_brand_idx').on(t.brandId, t.createdAt),
    check('thread_messages_body_length', sql`char_length(body) between 1 and 5000`),
    check('thread_messages_reply_has_brand', sql`(kind = 'brand_reply') = (brand_id is not null)`),
  ],
);

export const messageRevisions = pgTable(
  'message_revisions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    messageId: integer('message_id')
      .notNull()
      .references(() => threadMessages.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('message_revisions_message_revision_key').on(t.messageId, t.revision)],
);

/** Case taken, promise made or replaced, resolution proposed, escalated, verdict… shown inline. */
export const threadEvents = pgTable(
  'thread_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    type: threadEventEnum('type').notNull(),
    /** Null for events the board itself records (a promise broken, a case closed unconfirmed). */
    actorId: integer('actor_id').references(() => users.id),
    brandId: integer('brand_id').references(() => brands.id),
    messageId: integer('message_id').references(() => threadMessages.id, { onDelete: 'set null' }),
    /** Event details, e.g. `{ "dueOn": "2026-06-14" }`, `{ "previousHandlerId": 3 }`, `{ "team": "Billing" }`. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('thread_events_post_idx').on(t.postId, t.createdAt)],
);

export const promises = pgTable(
  'promises',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    madeById: integer('made_by_id')
      .notNull()
      .references(() => users.id),
    messageId: integer('message_id').references(() => threadMessages.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    outcome: promiseOutcomeEnum('outcome').notNull().default('pending'),
    settledAt: at('settled_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('promises_one_pending_per_post')
      .on(t.postId)
      .where(sql`outcome = 'pending'`),
    index('promises_due_idx')
      .on(t.dueOn)
      .where(sql`outcome = 'pending'`),
    index('promises_brand_idx').on(t.brandId, t.createdAt),
    // The thread and the open-data export read a post's promises.
    index('promises_post_idx').on(t.postId, t.createdAt),
  ],
);

/** The customer's final word on a fail: one per fail (primary key), changeable once. */
export const verdicts = pgTable(
  'verdicts',
  {
    postId: integer('post_id')
      .primaryKey()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    resolved: boolean('resolved').notNull(),
    wouldBuyAgain: boolean('would_buy_again').notNull(),
    changeCount: smallint('change_count').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  () => [check('verdicts_changed_at_most_once', sql`change_count between 0 and 1`)],
);

export const meToos = pgTable(
  'me_toos',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);

/** "Helpful": one mark per account and post (the primary key), removable by its author. */
export const helpfulMarks = pgTable(
  'helpful_marks',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('helpful_marks_user_idx').on(t.userId)],
);

// ── trust and safety ────────────────────────────────────────────────────────
export const flags = pgTable(
  'flags',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** Set when the flag is about one message of the thread rather than the post. */
    messageId: integer('message_id').references(() => threadMessages.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The brand the flagger belongs to, so flags by brands are counted publicly. */
    flaggerBrandId: integer('flagger_brand_id').references(() => brands.id),
    reason: flagReasonEnum('reason').notNull(),
    note: text('note').notNull().default(''),
    status: flagStatusEnum('status').notNull().default('open'),
    decidedById: integer('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: at('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('flags_one_per_user_and_target').on(t.postId, t.userId, sql`coalesce(message_id, 0)`),
    index('flags_queue_idx').on(t.status, t.createdAt),
    // A brand's own flags over 12 months, for the public notice on its page.
    index('flags_flagger_brand_idx')
      .on(t.flaggerBrandId, t.createdAt)
      .where(sql`flagger_brand_id is not null`),
  ],
);

/** The audit log: every moderator action, with its public reason. */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    moderatorId: integer('moderator_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: integer('target_id').notNull(),
    reason: text('reason').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_actions_created_idx').on(t.createdAt)],
);

// ── infrastructure kept in the database so several instances agree ──────────
/** Fixed-window counters: `key` names the limit and subject, e.g. "login:ip:203.0.113.7". */
/**
 * Who runs a periodic task (maintenance) until when: one instance at a time,
 * without holding a transaction open for the whole run.
 */
export const backgroundLeases = pgTable('background_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: at('expires_at').notNull(),
});

export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStartedAt: at('window_started_at').notNull(),
  expiresAt: at('expires_at').notNull(),
});

/** Job queue and mail outbox: picked with `for update skip locked`, retried with backoff. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: jobStatusEnum('status').notNull().default('queued'),
    runAt: at('run_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lockedUntil: at('locked_until'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('jobs_ready_idx')
      .on(t.runAt)
      .where(sql`status in ('queued', 'running')`),
  ],
);

export const webhooks = pgTable(
  'webhooks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** HMAC-SHA256 key shown once to the owner; needed in clear to sign deliveries. */
    secret: text('secret').notNull(),
    events: text('events').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('webhooks_brand_idx').on(t.brandId)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
    deliveredAt: at('delivered_at'),
    nextAttemptAt: at('next_attempt_at'),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt.desc())],
);

// ── maintained aggregates (DESIGN §5): pages read these, never scan posts ────
/**
 * One row per brand and window with every figure of the score, updated in
 * the transaction of each write that changes it and refreshed as windows roll.
 * Counts are stored, not only rates, so every figure shows its denominator.
 */
export const brandStats = pgTable(
  'brand_stats',
  {
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    window: statWindowEnum('window').notNull(),
    /**
     * Posts created at or after this instant are in the window (null: all time). The window
     * moves by subtracting the posts that left it since (decision 004), never by a rescan.
     */
    windowStart: at('window_start'),
    likes: integer('likes').notNull().default(0),
    fails: integer('fails').notNull().default(0),
    /** likes + fails: the ranking's first tie-break and its "posts" sort. */
    postCount: integer('post_count').generatedAlwaysAs(sql`likes + fails`),
    /** Fails older than 72 h or already answered: the response-rate denominator. */
    responseEligible: integer('response_eligible').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    firstResponseMedianSeconds: integer('first_response_median_seconds'),
    firstResponseP90Seconds: integer('first_response_p90_seconds'),
    settled: integer('settled').notNull().default(0),
    resolved: integer('resolved').notNull().default(0),
    verdicts: integer('verdicts').notNull().default(0),
    wouldBuyAgain: integer('would_buy_again').notNull().default(0),
    promisesKept: integer('promises_kept').notNull().default(0),
    promisesBroken: integer('promises_broken').notNull().default(0),
    longReplies: integer('long_replies').notNull().default(0),
    templateReplies: integer('template_replies').notNull().default(0),
    meToos: integer('me_toos').notNull().default(0),
    /** 0–100, null while the brand has fewer posts than ranking needs. */
    score: doublePrecision('score'),
    /** Wilson lower bound of the like share (src/domain/score.ts), stored so rankings sort in SQL. */
    likeShareLowerBound: doublePrecision('like_share_lower_bound').notNull().default(0),
    /**
     * A write changed the counters since the score, percentiles and window were last computed:
     * the figures refresher (src/server/statistics.ts) recomputes them within seconds (decision 004).
     */
    refreshRequested: boolean('refresh_requested').notNull().default(false),
    /** An answered fail entered, left or changed: the refresher also recomputes the percentiles. */
    percentilesStale: boolean('percentiles_stale').notNull().default(false),
    computedAt: at('computed_at').notNull().defaultNow(),
    /**
     * When the figures refresher (or a rebuild) last stored what is not maintained by deltas: the
     * response-time percentiles and the score. Pages show it as the response times' "as of".
     */
    refreshedAt: at('refreshed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.brandId, t.window] }),
    index('brand_stats_ranking_idx').on(t.window, t.score.desc().nullsLast(), t.postCount.desc()),
    index('brand_stats_refresh_idx')
      .on(t.brandId)
      .where(sql`refresh_requested`),
  ],
);

/**
 * A write's change to its brand's figures, queued because another writer of the same brand was
 * adding its own at that instant (decision 012): the next writer that gets the brand's figures, or
 * the figures refresher within a second, adds it and deletes the row. Maintained rows plus the
 * queued changes always equal a recomputation; queued rows stay seconds at most.
 */
export const queuedStatDeltas = pgTable(
  'queued_stat_deltas',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    /** The post's change (`PostDelta` in db/queries/stat-deltas.ts), as JSON. */
    delta: jsonb('delta').$type<Record<string, unknown>>().notNull(),
    queuedAt: at('queued_at').notNull().defaultNow(),
  },
  (t) => [index('queued_stat_deltas_brand_idx').on(t.brandId, t.id)],
);

/** Monthly series for the charts: likes and fails, and the first-response trend. */
export const brandMonthlyStats = pgTable(
  'brand_monthly_stats',
  {
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    likes: integer('likes').notNull().default(0),
    fails: integer('fails').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    firstResponseMedianSeconds: integer('first_response_median_seconds'),
    /** An answered fail of this month entered, left or changed: the refresher recomputes the median. */
    medianStale: boolean('median_stale').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.brandId, t.month] })],
);

/** Breakdowns by category, channel and country for each window. */
export const brandBreakdowns = pgTable(
  'brand_breakdowns',
  {
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    window: statWindowEnum('window').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    likes: integer('likes').notNull().default(0),
    fails: integer('fails').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.brandId, t.window, t.dimension, t.value] })],
);

export const liveChangeKindEnum = pgEnum('live_change_kind', LIVE_CHANGE_KINDS);

/**
 * Recent public changes, for live pages that reconnect (decision 008): written by `announceChange`
 * in the writer's transaction, so an id exists only if the change committed; its id is the event
 * id a stream sends and `Last-Event-ID` replays from. Ids and kinds only, never user text; pruned
 * after a few minutes by every instance. No foreign keys: an event may outlive a merged brand.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: liveChangeKindEnum('kind').notNull(),
    brandId: integer('brand_id'),
    postId: integer('post_id'),
    createdAt: createdAt(),
  },
  (t) => [index('live_events_created_at_idx').on(t.createdAt)],
);

/**
 * Evidence (issue #15): the images of a post, a follow-up or a brand reply, stored in the database
 * (decision 013) so that every instance serves them with nothing else to share. Only re-encoded
 * WebP is kept (a display size and a thumbnail, no metadata); each is addressed by the SHA-256 of
 * its bytes (`/images/<sha256>.webp`). A moderator's removal keeps the row for the notice and the
 * audit log but drops the bytes.
 */
export const images = pgTable(
  'images',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** Null for the post's own images; else the follow-up or brand reply they came with. */
    messageId: integer('message_id').references(() => threadMessages.id, { onDelete: 'cascade' }),
    uploaderId: integer('uploader_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 1 to 4: the order of the form's slots. */
    position: smallint('position').notNull(),
    altText: text('alt_text').notNull(),
    sha256: text('sha256').notNull(),
    thumbSha256: text('thumb_sha256').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    thumbWidth: integer('thumb_width').notNull(),
    thumbHeight: integer('thumb_height').notNull(),
    bytes: bytea('bytes'),
    thumbBytes: bytea('thumb_bytes'),
    removedAt: at('removed_at'),
    removalReason: text('removal_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('images_post_idx').on(t.postId, t.position),
    index('images_sha256_idx').on(t.sha256),
    index('images_thumb_sha256_idx').on(t.thumbSha256),
    index('images_uploader_idx').on(t.uploaderId),
    check('images_position_range', sql`position between 1 and 4`),
    check('images_alt_text_length', sql`char_length(alt_text) between 1 and 300`),
    check(
      'images_bytes_unless_removed',
      sql`(removed_at is null) = (bytes is not null and thumb_bytes is not null)`,
    ),
  ],
);
