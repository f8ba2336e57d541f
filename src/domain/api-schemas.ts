/**
 * The public API's responses (DESIGN §7), as zod schemas: the endpoints build
 * their bodies as these schemas' types (so a field the schema does not know
 * does not compile), and `/api/v1/openapi.json` is generated from them, so the
 * document describes what the server sends. An end-to-end test validates real
 * responses against the published document.
 */
import { z } from 'zod';
import { RANKING_SORTS } from './rankings.ts';
import { SCORE_WEIGHTS } from './score.ts';
import {
  CATEGORIES,
  CHANNELS,
  FAIL_STATUSES,
  MESSAGE_KINDS,
  POST_KINDS,
  POST_VISIBILITIES,
  PROMISE_OUTCOMES,
  SECTORS,
  STAT_WINDOWS,
  THREAD_EVENT_TYPES,
} from './vocabulary.ts';

/** The named schemas of the document (`components.schemas`); each one registered here once. */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

const isoTime = z.iso.datetime().describe('ISO 8601 instant, UTC');
const isoDate = z.iso.date().describe('ISO 8601 calendar date');
const rate = z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe('Share between 0 and 1; null without a denominator');
const count = z.number().int().min(0);
const url = z.url();

/** A page of a list; `next` is the URL of the following page, null on the last. */
const next = z
  .string()
  .nullable()
  .describe('Relative URL of the next page (same filters), null on the last page');

export const apiErrorSchema = z
  .object({
    error: z.object({
      status: z.number().int().describe('The HTTP status, repeated'),
      message: z.string().describe('What was wrong, in a sentence (names the parameter for a 400)'),
    }),
  })
  .register(apiRegistry, { id: 'Error' });

export const figuresSchema = z
  .object({
    likeShare: z.object({ likes: count, total: count, rate, wilsonLowerBound: z.number().min(0).max(1) }),
    responseRate: z.object({ answered: count, eligible: count, rate }),
    resolutionRate: z.object({ resolved: count, settled: count, rate }),
    wouldBuyAgain: z.object({ yes: count, verdicts: count, rate }),
    promisesKept: z.object({ kept: count, total: count, rate }),
    personalReplies: z.object({ personal: count, long: count, rate }),
    firstResponse: z.object({
      medianSeconds: z.number().int().min(0).nullable(),
      p90Seconds: z.number().int().min(0).nullable(),
    }),
  })
  .register(apiRegistry, {
    id: 'Figures',
    description: 'Every published figure with the counts behind it (see /methodology)',
  });

const scoreComponent = z.object({ value: z.number(), weight: z.number() });

export const scoreSchema = z
  .object({
    ranked: z.boolean(),
    score: z.number().min(0).max(100).nullable().describe('0–100, null while not ranked'),
    postCount: count,
    missingPosts: count.describe('Posts still needed to be ranked; 0 once ranked'),
    components: z.object(
      Object.fromEntries(Object.keys(SCORE_WEIGHTS).map((term) => [term, scoreComponent])) as Record<
        keyof typeof SCORE_WEIGHTS,
        typeof scoreComponent
      >,
    ),
  })
  .register(apiRegistry, { id: 'Score' });

export const windowStatsSchema = z
  .object({ window: z.enum(STAT_WINDOWS), figures: figuresSchema, score: scoreSchema })
  .register(apiRegistry, { id: 'WindowStats' });

const contactSchema = z
  .object({
    phone: z.string().nullable(),
    email: z.string().nullable(),
    chatUrl: z.string().nullable(),
    social: z.record(z.string(), z.string()),
    openingHours: z.string().nullable(),
  })
  .nullable();

export const brandSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    sector: z.enum(SECTORS),
    country: z.string().nullable(),
    domain: z.string().nullable(),
    website: z.string().nullable(),
    description: z.string().nullable(),
    verified: z.boolean(),
    contact: contactSchema,
    url,
  })
  .register(apiRegistry, { id: 'Brand' });

const brandRef = z.object({ slug: z.string(), name: z.string(), verified: z.boolean() });
const displayStatus = z
  .enum([...FAIL_STATUSES, 'unanswered', 'promise_broken'])
  .nullable()
  .describe('Fails only; null for likes. "promise_broken": the promised day passed without a resolution');

export const postSummarySchema = z
  .object({
    id: z.number().int().positive(),
    kind: z.enum(POST_KINDS),
    title: z.string(),
    excerpt: z.string(),
    category: z.enum(CATEGORIES),
    channel: z.enum(CHANNELS),
    country: z.string().nullable(),
    waitMinutes: z.number().int().nullable(),
    status: displayStatus,
    meTooCount: count,
    helpfulCount: count.describe('Accounts that marked the post helpful'),
    replies: count,
    firstBrandReplyAt: isoTime.nullable(),
    createdAt: isoTime,
    brand: brandRef,
    author: z.string(),
    url,
  })
  .register(apiRegistry, { id: 'PostSummary' });

export const imageSchema = z
  .object({
    alt: z.string().describe('What the image shows, written by the person who attached it'),
    url: z.url().nullable().describe('The full image (WebP); null once a moderator removed it'),
    thumbnailUrl: z.url().nullable().describe('A thumbnail (WebP, 320 px a side at most)'),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    removalReason: z.string().nullable().describe('Why a moderator removed it; null while shown'),
  })
  .register(apiRegistry, { id: 'Image' });

export const postSchema = z
  .object({
    id: z.number().int().positive(),
    visibility: z.enum(POST_VISIBILITIES),
    removalReason: z.string().nullable(),
    kind: z.enum(POST_KINDS),
    title: z.string().nullable().describe('null once withdrawn or removed'),
    story: z.string().nullable().describe('null once withdrawn or removed'),
    category: z.enum(CATEGORIES),
    channel: z.enum(CHANNELS),
    country: z.string().nullable(),
    waitMinutes: z.number().int().nullable(),
    experiencedOn: isoDate,
    status: displayStatus,
    meTooCount: count,
    helpfulCount: count.describe('Accounts that marked the post helpful'),
    exceptionalStory: z
      .boolean()
      .describe('Featured among the exceptional stories (see /methodology#stories)'),
    createdAt: isoTime,
    editedVersions: count,
    author: z.string().nullable(),
    brand: brandRef,
    handler: z.string().nullable(),
    escalatedTo: z.string().nullable(),
    promises: z.array(z.object({ dueOn: isoDate, outcome: z.enum(PROMISE_OUTCOMES), madeAt: isoTime })),
    verdict: z.object({ resolved: z.boolean(), wouldBuyAgain: z.boolean(), changed: z.boolean() }).nullable(),
    images: z.array(imageSchema).describe('Evidence attached to the post; empty once withdrawn or removed'),
    thread: z.array(
      z.object({
        id: z.number().int().positive(),
        kind: z.enum(MESSAGE_KINDS),
        author: z.string().nullable(),
        brand: z.string().nullable(),
        body: z.string().nullable().describe('null when a moderator removed the message'),
        template: z.boolean(),
        edited: z.boolean(),
        images: z.array(imageSchema),
        createdAt: isoTime,
      }),
    ),
    events: z.array(z.object({ type: z.enum(THREAD_EVENT_TYPES), text: z.string(), at: isoTime })),
    url,
  })
  .register(apiRegistry, { id: 'Post' });

export const rankingEntrySchema = z
  .object({
    rank: z.number().int().positive().nullable().describe('null while the brand is not ranked'),
    slug: z.string(),
    name: z.string(),
    sector: z.enum(SECTORS),
    country: z.string().nullable(),
    verified: z.boolean(),
    score: scoreSchema,
    figures: figuresSchema,
  })
  .register(apiRegistry, { id: 'RankingEntry' });

/** Every JSON operation's 200 body. */
export const apiResponses = {
  listBrands: z
    .object({ data: z.array(brandSchema.extend({ stats: windowStatsSchema.nullable() })), next })
    .register(apiRegistry, { id: 'BrandList' }),
  getBrand: z
    .object({ data: brandSchema.extend({ stats: z.array(windowStatsSchema) }) })
    .register(apiRegistry, { id: 'BrandWithStats' }),
  listBrandPosts: z
    .object({ data: z.array(postSummarySchema), next })
    .register(apiRegistry, { id: 'PostList' }),
  getPost: z.object({ data: postSchema }).register(apiRegistry, { id: 'PostWithThread' }),
  listRankings: z
    .object({
      window: z.enum(STAT_WINDOWS),
      sort: z.enum(RANKING_SORTS),
      data: z.array(rankingEntrySchema),
      next,
    })
    .register(apiRegistry, { id: 'Ranking' }),
} as const;

export type ApiOperation = keyof typeof apiResponses;
export type ApiErrorBody = z.input<typeof apiErrorSchema>;
export type ApiResponse<K extends ApiOperation> = z.input<(typeof apiResponses)[K]>;
export type ApiBrand = z.input<typeof brandSchema>;
export type ApiWindowStats = z.input<typeof windowStatsSchema>;
export type ApiPostSummary = z.input<typeof postSummarySchema>;
export type ApiImage = z.input<typeof imageSchema>;
