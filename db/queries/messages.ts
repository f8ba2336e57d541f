/** Thread messages: a reply with its brand for the edit and history pages, reply history, and the template check's candidates. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { brands, messageRevisions, threadMessages, users } from '../schema.ts';

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

/** A brand's latest replies with their writers, newest first (the template check compares with these). */
/** The brand's latest replies, or the latest written before `before` (a reply being edited). */
export function latestBrandReplies(
  db: Db,
  brandId: number,
  limit: number,
  before: { createdAt: Date; id: number } | null = null,
) {
  return db
    .select({
      id: threadMessages.id,
      postId: threadMessages.postId,
      body: threadMessages.body,
      agent: users.displayName,
    })
    .from(threadMessages)
    .innerJoin(users, eq(users.id, threadMessages.authorId))
    .where(
      and(
        eq(threadMessages.brandId, brandId),
        eq(threadMessages.kind, 'brand_reply'),
        before
          ? sql`(${threadMessages.createdAt}, ${threadMessages.id}) < (${before.createdAt.toISOString()}::timestamptz, ${before.id})`
          : undefined,
      ),
    )
    .orderBy(desc(threadMessages.createdAt), desc(threadMessages.id))
    .limit(limit);
}

/** A thread message, locked for the rest of the transaction. */
/** Which post a message belongs to, read without a lock (the post is locked next). */
export async function findMessage(db: Db, messageId: number) {
  const [message] = await db
    .select({ id: threadMessages.id, postId: threadMessages.postId })
    .from(threadMessages)
    .where(eq(threadMessages.id, messageId))
    .limit(1);
  return message ?? null;
}

export async function lockMessage(db: Db, messageId: number) {
  const [message] = await db
    .select()
    .from(threadMessages)
    .where(eq(threadMessages.id, messageId))
    .for('update')
    .limit(1);
  return message ?? null;
}

/** Replaces a message's text, keeping the replaced version as the next revision. */
export async function reviseMessage(
  db: Db,
  message: typeof threadMessages.$inferSelect,
  body: string,
  wordCount: number,
  templateOfId: number | null,
  now: Date,
): Promise<void> {
  await db.insert(messageRevisions).values({
    messageId: message.id,
    revision: message.revisionCount + 1,
    body: message.body,
    // The replaced text was published when the message was last written.
    createdAt: message.updatedAt,
  });
  await db
    .update(threadMessages)
    .set({
      body,
      wordCount,
      isTemplate: templateOfId !== null,
      templateOfId,
      revisionCount: message.revisionCount + 1,
      updatedAt: now,
    })
    .where(eq(threadMessages.id, message.id));
}

/** Earlier versions of a message, oldest first. */
export function listMessageRevisions(db: Db, messageId: number) {
  return db
    .select()
    .from(messageRevisions)
    .where(eq(messageRevisions.messageId, messageId))
    .orderBy(messageRevisions.revision);
}
