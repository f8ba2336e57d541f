/** The public API's query parameters: strict, so a typo answers 400 instead of silently ignoring it. */
import { z } from 'zod';
import { decodeCursor } from './cursor.ts';
import { fieldMessage } from './field-messages.ts';
import { RANKING_SORTS } from './rankings.ts';
import { CATEGORIES, FAIL_STATUSES, POST_KINDS, SECTORS, STAT_WINDOWS } from './vocabulary.ts';

const limit = z.coerce.number().int().min(1).max(100).default(20).describe('Items per page');
const cursor = z
  .string()
  .max(64)
  .optional()
  .refine((value) => value === undefined || decodeCursor(value) !== null, fieldMessage('api_cursor_invalid'))
  .describe('Where the page starts: the `cursor` of the previous page’s `next` URL');
/** A list ordered by slug or rank pages after the last slug of the previous page. */
const slugCursor = z
  .string()
  .max(100)
  .optional()
  .describe('Where the page starts: the `cursor` of the previous page’s `next` URL (the last slug read)');

export const brandListParams = z.strictObject({
  limit,
  cursor: slugCursor,
  sector: z.enum(SECTORS).optional(),
  window: z.enum(STAT_WINDOWS).default('12m'),
});

export const brandPostsParams = z.strictObject({
  limit,
  cursor,
  kind: z.enum(POST_KINDS).optional(),
  status: z.enum([...FAIL_STATUSES, 'unanswered']).optional(),
  category: z.enum(CATEGORIES).optional(),
});

export const rankingParams = z.strictObject({
  window: z.enum(STAT_WINDOWS).default('12m'),
  sector: z.enum(SECTORS).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, fieldMessage('api_country_code'))
    .optional(),
  sort: z.enum(RANKING_SORTS).default('score'),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('Brands per page'),
  cursor: slugCursor,
});

export const emptyParams = z.strictObject({});
