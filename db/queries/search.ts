/**
 * Full-text search (DESIGN §6): PostgreSQL text search over published posts
 * (the generated, GIN-indexed search_vector) and trigram matching on brand
 * names, the same on PGlite and PostgreSQL.
 */
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
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

export function searchPosts(db: Db, query: string, limit = 30) {
  const tsQuery = sql`websearch_to_tsquery('english', ${query})`;
  const rank = sql<number>`ts_rank(${posts.searchVector}, ${tsQuery})`;
  return db
    .select({
      id: posts.id,
      kind: posts.kind,
      title: posts.title,
      status: posts.status,
      createdAt: posts.createdAt,
      brandSlug: brands.slug,
      brandName: brands.name,
      snippet: sql<string>`ts_headline('english', ${posts.story}, ${tsQuery}, 'MaxWords=30, MinWords=12, StartSel=«, StopSel=»')`,
      rank,
    })
    .from(posts)
    .innerJoin(brands, eq(brands.id, posts.brandId))
    .where(and(eq(posts.visibility, 'published'), sql`${posts.searchVector} @@ ${tsQuery}`))
    .orderBy(desc(rank), desc(posts.createdAt))
    .limit(limit);
}
