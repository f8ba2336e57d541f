/** The public API's query parameters: strict, so a typo answers 400 instead of silently ignoring it. */
import { z } from 'zod';
import { decodeCursor } from './cursor.ts';
import { RANKING_SORTS } from './rankings.ts';
import { CATEGORIES, FAIL_STATUSES, POST_KINDS, SECTORS, STAT_WINDOWS } from './vocabulary.ts';

const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = z
  .string()
  .max(64)
  .optional()
  .refine(
    (value) => value === undefined || decodeCursor(value) !== null,
    'not a cursor from a previous page',
  );

export const brandListParams = z.strictObject({
  limit,
  after: z.string().max(100).optional(),
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
    .regex(/^[A-Z]{2}$/, 'use a two-letter country code')
    .optional(),
  sort: z.enum(RANKING_SORTS).default('score'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** Cursor: the slug of the last brand of the previous page. */
  after: z.string().max(100).optional(),
});

export const emptyParams = z.strictObject({});
