/**
 * The brand feed's filters, read from the query string. Unknown values are
 * dropped rather than refused: a stale or hand-edited link still shows a page.
 */
import { z } from 'zod';
import { CATEGORIES, FAIL_STATUSES, LANGUAGES, POST_KINDS } from './vocabulary.ts';

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .enum(values)
    .nullable()
    .catch(null)
    .transform((value) => value ?? null);

export const STATUS_FILTERS = [...FAIL_STATUSES, 'unanswered'] as const;

export const brandFeedFiltersSchema = z.object({
  kind: optionalEnum(POST_KINDS),
  status: optionalEnum(STATUS_FILTERS),
  category: optionalEnum(CATEGORIES),
  /** The language posts are written in (decision 014). */
  language: optionalEnum(LANGUAGES),
  before: z.string().max(64).nullable().catch(null),
});

export type BrandFeedQuery = z.infer<typeof brandFeedFiltersSchema>;

export function parseBrandFeedQuery(params: URLSearchParams): BrandFeedQuery {
  return brandFeedFiltersSchema.parse({
    kind: params.get('kind'),
    status: params.get('status'),
    category: params.get('category'),
    language: params.get('language'),
    before: params.get('before'),
  });
}
