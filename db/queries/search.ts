/**
 * Full-text search (DESIGN §6): PostgreSQL text search over published posts
 * (the generated, GIN-indexed search_vector) and trigram matching on brand
 * names, the same on PGlite and PostgreSQL. A post is searched in its own language (decision
 * 014): English posts through search_vector, French ones through French stemming with accents
 * ignored (the `french_unaccent` configuration and its partial index, posts_search_fr_idx), so
 * the words typed find "remboursé" as "rembourse" or "remboursement", whatever the reader's language.
 */
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { FeedCursor } from '../../src/domain/cursor.ts';
import type { FailStatus, Language, PostKind } from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { brands, posts } from '../schema.ts';

export function searchBrands(db: Db, nameKey: string, limit = 10) {
  const similarity = sql<number>`similarity(${brands.nameKey}, ${nameKey})`;
  return db
    .select({
      slug: brands.slug,
      name: brands.name,
      sector: brands.sector,
      verifiedAt: brands.verifiedAt,
      similarity,
    })
    .from(brands)
    .where(
      and(
        isNull(brands.mergedIntoId),
        or(
          sql`${brands.nameKey} % ${nameKey}`,
          sql`${brands.nameKey} ilike ${`%${nameKey.replace(/[%_\\]/g, '')}%`}`,
        ),
      ),
    )
    .orderBy(desc(similarity), brands.name)
    .limit(limit);
}

export interface PostSearchPage {
  items: PostMatch[];
  /** Cursor of the next (older) page of matches, or null on the last page. */
  next: FeedCursor | null;
}

export type PostMatch = {
  id: number;
  kind: PostKind;
  title: string;
  language: Language;
  status: FailStatus | null;
  createdAt: Date;
  brandSlug: string;
  brandName: string;
  snippet: string;
};

/** The expression posts_search_fr_idx indexes (db/schema.ts): written the same, or the index is not used. */
const FRENCH_SEARCH_VECTOR = sql.raw(`to_tsvector('french_unaccent'::regconfig, title || ' ' || story)`);

/** Whether a post (columns of `posts` or of a subquery with the same names) matches the words typed. */
function matches(query: string, columns: { language: unknown; searchVector: unknown }) {
  return sql`((${columns.language} = 'en' and ${columns.searchVector} @@ websearch_to_tsquery('english', ${query}))
    or (${columns.language} = 'fr' and ${FRENCH_SEARCH_VECTOR} @@ websearch_to_tsquery('french_unaccent', ${query})))`;
}

const HEADLINE_OPTIONS = 'MaxWords=30, MinWords=12, StartSel=«, StopSel=»';

/** How many of the newest posts the first pass tests before asking the full-text index. */
export const SEARCH_RECENT_WINDOW = 5_000;

/**
 * Published posts matching the words, newest first, a page at a time. Matches
 * are not ranked by relevance: ranking means scoring every match (a common word
 * is in a tenth of a million posts) before the first one can be shown.
 *
 * Two passes, because no single plan is cheap for every word. First the newest
 * posts are tested in feed order (the (visibility, created_at, id) index),
 * at most SEARCH_RECENT_WINDOW of them: a common word fills the page after a
 * few hundred. When the page is not full, the word is rare: the GIN index
 * lists its matches (few, by then) and they are sorted by date. Left to
 * itself, the planner picked the feed walk for rare words too and read a
 * million posts to find none.
 */
export async function searchPosts(
  db: Db,
  query: string,
  options: { cursor?: FeedCursor | null; limit?: number } = {},
): Promise<PostSearchPage> {
  const limit = options.limit ?? 30;
  const cursor = options.cursor ?? null;
  const olderThanCursor = cursor
    ? sql`(${posts.createdAt}, ${posts.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id})`
    : undefined;
  const recent = db
    .select({
      id: posts.id,
      createdAt: posts.createdAt,
      searchVector: posts.searchVector,
      language: posts.language,
      title: posts.title,
      story: posts.story,
    })
    .from(posts)
    .where(and(eq(posts.visibility, 'published'), olderThanCursor))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(SEARCH_RECENT_WINDOW)
    .as('recent');
  let ids = await db
    .select({ id: recent.id })
    .from(recent)
    .where(matches(query, recent))
    .orderBy(desc(recent.createdAt), desc(recent.id))
    .limit(limit + 1);
  if (ids.length <= limit) {
    ids = await db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.visibility, 'published'), matches(query, posts), olderThanCursor))
      // An expression, not the column, so the planner cannot walk the feed index here: the GIN
      // index finds the (few) matches, then they are sorted.
      .orderBy(sql`${posts.createdAt} + interval '0 seconds' desc`, desc(posts.id))
      .limit(limit + 1);
  }
  if (ids.length === 0) return { items: [], next: null };
  const rows = (await db
    .select({
      id: posts.id,
      kind: posts.kind,
      title: posts.title,
      status: posts.status,
      createdAt: posts.createdAt,
      brandSlug: brands.slug,
      brandName: brands.name,
      language: posts.language,
      snippet: sql<string>`case when ${posts.language} = 'fr'
        then ts_headline('french_unaccent', ${posts.story}, websearch_to_tsquery('french_unaccent', ${query}), ${HEADLINE_OPTIONS})
        else ts_headline('english', ${posts.story}, websearch_to_tsquery('english', ${query}), ${HEADLINE_OPTIONS}) end`,
    })
    .from(posts)
    .innerJoin(brands, eq(brands.id, posts.brandId))
    .where(
      inArray(
        posts.id,
        ids.slice(0, limit).map((row) => row.id),
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))) as PostMatch[];
  const last = rows.at(-1);
  return {
    items: rows,
    next: ids.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
