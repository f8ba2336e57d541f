/** One thread message with its post and brand, for the reply edit and history pages. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { brands, threadMessages, users } from '../schema.ts';

export async function findReply(db: Db, postId: number, messageId: number) {
  const [row] = await db
    .select({
      message: threadMessages,
      brandName: brands.name,
      brandSlug: brands.slug,
      authorName: users.displayName,
    })
    .from(threadMessages)
    .innerJoin(brands, eq(brands.id, threadMessages.brandId))
    .innerJoin(users, eq(users.id, threadMessages.authorId))
    .where(
      and(
        eq(threadMessages.id, messageId),
        eq(threadMessages.postId, postId),
        eq(threadMessages.kind, 'brand_reply'),
      ),
    )
    .limit(1);
  return row ?? null;
}
