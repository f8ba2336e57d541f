/** Posts held for review (visibility `held`), oldest first, for the moderators' queue. */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { brands, posts, users } from '../schema.ts';

/** The queue walks `posts_feed_idx` (visibility, created_at, id): only held rows are read. */
export function listHeldPosts(db: Db, limit = 100) {
  return db
    .select({
      id: posts.id,
      kind: posts.kind,
      title: posts.title,
      language: posts.language,
      excerpt: sql<string>`left(${posts.story}, 281)`,
      createdAt: posts.createdAt,
      brandSlug: brands.slug,
      brandName: brands.name,
      authorId: users.id,
      authorName: users.displayName,
      authorCreatedAt: users.createdAt,
    })
    .from(posts)
    .innerJoin(brands, eq(brands.id, posts.brandId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.visibility, 'held'))
    .orderBy(asc(posts.createdAt), asc(posts.id))
    .limit(limit);
}
