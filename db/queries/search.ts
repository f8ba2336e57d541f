/**
 * Full-text search (DESIGN §6): PostgreSQL text search over published posts
 * (the generated, GIN-indexed search_vector) and trigram matching on brand
 * names, the same on PGlite and PostgreSQL. A post is searched in its own language (decision
 * 014): English posts through search_vector, French ones through French stemming with accents
 * ignored (the `french_unaccent` configuration and its partial index, posts_search_fr_idx), so
 * the words typed find "remboursé" as "rembourse" or "remboursement", whatever the reader's language.
 */
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { FailStatus, Language, PostKind } from '../../src/domain/vocabulary.ts';
import { rowsOf, type Db } from '../client.ts';
import { brands, posts } from '../schema.ts';

/** Live brands whose name is like the words (trigrams) or contains them. */
function brandMatches(nameKey: string) {
  return and(
    isNull(brands.mergedIntoId),
    or(
      sql`${brands.nameKey} % ${nameKey}`,
      sql`${brands.nameKey} ilike ${`%${nameKey.replace(/[%_\\]/g, '')}%`}`,
    ),
  );
}

/** Brands like the words, most alike first, a page at a time. */
export function searchBrands(db: Db, nameKey: string, limit = 10, offset = 0) {
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
    .where(brandMatches(nameKey))
    .orderBy(desc(similarity), brands.name)
    .limit(limit)
    .offset(offset);
}

/**
 * How many matches there are, counting at most `cap` + 1 of them: an exact
 * count of a common word would read every post that has it, so past the cap
 * the page says "more than".
 */
export interface MatchCount {
  count: number;
  capped: boolean;
}

/** The count of a subquery of at most cap + 1 rows, as a MatchCount. */
async function countUpTo(db: Db, limited: SQL, cap: number): Promise<MatchCount> {
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`select count(*)::int as count from (${limited}) as limited`),
  );
  const count = Number(row?.count ?? 0);
  return count > cap ? { count: cap, capped: true } : { count, capped: false };
}

export function countBrandMatches(db: Db, nameKey: string, cap: number): Promise<MatchCount> {
  return countUpTo(db, sql`select 1 from ${brands} where ${brandMatches(nameKey)} limit ${cap + 1}`, cap);
}

export function countPostMatches(db: Db, query: string, cap: number): Promise<MatchCount> {
  return countUpTo(
    db,
    sql`select 1 from ${posts} where ${posts.visibility} = 'published' and ${matches(query, posts)} limit ${cap + 1}`,
    cap,
  );
}

/** The expression posts_search_fr_idx indexes (db/schema.ts): written the same, or the index is not used. */
const FRENCH_SEARCH_VECTOR = sql.raw(`to_tsvector('french_unaccent'::regconfig, title || ' ' || story)`);

/** Whether a post (columns of `posts` or of a subquery with the same names) matches the words typed. */
function matches(query: string, columns: { language: unknown; searchVector: unknown }) {
  return sql`((${columns.language} = 'en' and ${columns.searchVector} @@ websearch_to_tsquery('english', ${query}))
    or (${columns.language} = 'fr' and ${FRENCH_SEARCH_VECTOR} @@ websearch_to_tsquery('french_unaccent', ${query})))`;
}

const HEADLINE_OPTIONS = 'MaxWords=30, MinWords=12, StartSel=«, StopSel=»';

export interface PostSearchPage {
  items: PostMatch[];
  /** Whether more matches follow this page. */
  more: boolean;
}

export type PostMatch = {
  id: number;
  kind: PostKind;
  title: string;
  status: FailStatus | null;
  createdAt: Date;
  brandSlug: string;
  brandName: string;
  language: Language;
  /** The words around the match, matched words between « and » (ts_headline cuts on words). */
  snippet: string;
  /** The story's first and last characters, to tell whether the snippet was cut at either end. */
  storyStart: string;
  storyEnd: string;
};

/** How many of the newest posts the first pass tests before asking the full-text index. */
export const SEARCH_RECENT_WINDOW = 5_000;

/** How far the feed walk goes for a common word (more than COMMON_WORD_MATCHES matches). */
export const SEARCH_COMMON_WORD_WINDOW = 200_000;
export const COMMON_WORD_MATCHES = 1_000;

/**
 * Published posts matching the words, newest first, a page at a time (by
 * offset: the page says "31–60 of 214"). Matches are not ranked by relevance:
 * ranking means scoring every match (a common word is in a tenth of a million
 * posts) before the first one can be shown.
 *
 * No single plan is cheap for every word, so up to three passes, each listing
 * matches in the same order (so a pass whose page is full has the page):
 * 1. the newest SEARCH_RECENT_WINDOW posts tested in feed order (the
 *    (visibility, created_at, id) index): a common word fills the page after a
 *    few hundred;
 * 2. when that did not fill the page, the matches are counted up to
 *    COMMON_WORD_MATCHES (2–50 ms on a million posts, the planner picking the
 *    full-text index or a short scan by its estimate). A common word — one
 *    the newest posts happen not to have, as after a burst of posts about
 *    something else — is walked in feed order further, up to
 *    SEARCH_COMMON_WORD_WINDOW posts: the walk stops at the page's last match,
 *    about 20 ms for "checked" after 25,000 posts without it, where sorting its
 *    170,000 matches took 12 s;
 * 3. a rare word (or a page deeper than the walk): the GIN index lists its
 *    matches and they are sorted by date. Left to itself, the planner picked
 *    the feed walk for rare words too and read a million posts to find none.
 */
export async function searchPosts(
  db: Db,
  query: string,
  options: {
    offset?: number;
    limit?: number;
    /** The matches already counted by the caller with a cap of at least COMMON_WORD_MATCHES (the page's "of N"). */
    matchCount?: MatchCount;
  } = {},
): Promise<PostSearchPage> {
  const limit = options.limit ?? 30;
  const offset = options.offset ?? 0;
  const newestMatches = (window: number) => {
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
      .where(eq(posts.visibility, 'published'))
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(window)
      .as('recent');
    return db
      .select({ id: recent.id })
      .from(recent)
      .where(matches(query, recent))
      .orderBy(desc(recent.createdAt), desc(recent.id))
      .limit(limit + 1)
      .offset(offset);
  };
  let ids = await newestMatches(SEARCH_RECENT_WINDOW);
  const isCommonWord = async () =>
    options.matchCount
      ? options.matchCount.count >= COMMON_WORD_MATCHES
      : (await countPostMatches(db, query, COMMON_WORD_MATCHES)).capped;
  if (ids.length <= limit && (await isCommonWord())) {
    ids = await newestMatches(SEARCH_COMMON_WORD_WINDOW);
  }
  if (ids.length <= limit) {
    ids = await db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.visibility, 'published'), matches(query, posts)))
      // An expression, not the column, so the planner cannot walk the feed index here: the GIN
      // index finds the (few) matches, then they are sorted.
      .orderBy(sql`${posts.createdAt} + interval '0 seconds' desc`, desc(posts.id))
      .limit(limit + 1)
      .offset(offset);
  }
  if (ids.length === 0) return { items: [], more: false };
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
      storyStart: sql<string>`left(${posts.story}, 40)`,
      storyEnd: sql<string>`right(${posts.story}, 40)`,
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
  return { items: rows, more: ids.length > limit };
}
