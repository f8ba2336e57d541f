/**
 * Flags on posts and thread messages (DESIGN §8): filing one (the unique index
 * `flags_one_per_user_and_target` keeps one per account and item), what a
 * viewer already flagged, a brand's public flags, and closing an item's open
 * flags when a moderator decides.
 */
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { FlagReason } from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { brands, flags, threadMessages } from '../schema.ts';

export type FlagRow = typeof flags.$inferSelect;

/** The item a flag is about: the post itself (messageId null) or one message of its thread. */
export interface FlagTarget {
  postId: number;
  messageId: number | null;
}

function onTarget(target: FlagTarget) {
  return and(
    eq(flags.postId, target.postId),
    target.messageId === null ? isNull(flags.messageId) : eq(flags.messageId, target.messageId),
  );
}

/** This account's flag on the item, whatever its status, or null. */
export async function findFlagBy(db: Db, target: FlagTarget, userId: number): Promise<FlagRow | null> {
  const [row] = await db
    .select()
    .from(flags)
    .where(and(onTarget(target), eq(flags.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Files a flag; null when this account already flagged the item (the unique index decides). */
export async function insertFlag(
  db: Db,
  row: {
    postId: number;
    messageId: number | null;
    userId: number;
    flaggerBrandId: number | null;
    reason: FlagReason;
    note: string;
    createdAt: Date;
  },
): Promise<FlagRow | null> {
  const [inserted] = await db.insert(flags).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

/** The message of the post's thread, with what the flag form and the policy need, or null. */
export async function findThreadMessage(db: Db, postId: number, messageId: number) {
  const [row] = await db
    .select({
      id: threadMessages.id,
      postId: threadMessages.postId,
      authorId: threadMessages.authorId,
      kind: threadMessages.kind,
      removedAt: threadMessages.removedAt,
    })
    .from(threadMessages)
    .where(and(eq(threadMessages.id, messageId), eq(threadMessages.postId, postId)))
    .limit(1);
  return row ?? null;
}

/** What this account flagged under one post: the post itself (messageId null) and messages. */
export function listViewerFlags(db: Db, postId: number, userId: number) {
  return db
    .select({ messageId: flags.messageId, reason: flags.reason, status: flags.status })
    .from(flags)
    .where(and(eq(flags.postId, postId), eq(flags.userId, userId)));
}

/**
 * Flags the post's own brand filed on the post, shown publicly with their
 * outcome: one line per brand and reason (the latest, when several members
 * flagged for the same reason).
 */
export async function listBrandFlagsOnPost(db: Db, postId: number) {
  const rows = await db
    .select({
      brandName: brands.name,
      brandId: flags.flaggerBrandId,
      reason: flags.reason,
      status: flags.status,
      createdAt: flags.createdAt,
    })
    .from(flags)
    .innerJoin(brands, eq(brands.id, flags.flaggerBrandId))
    .where(and(eq(flags.postId, postId), isNull(flags.messageId), isNotNull(flags.flaggerBrandId)))
    .orderBy(desc(flags.createdAt), desc(flags.id));
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.brandId}:${row.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Closes the item's open flags with the moderator's decision; returns how many were closed. */
export async function closeOpenFlags(
  db: Db,
  target: FlagTarget,
  status: 'upheld' | 'dismissed',
  moderatorId: number,
  now: Date,
  /** Only the flags given for this reason (an image's removal answers "personal data in an image"). */
  reason: FlagReason | null = null,
): Promise<number> {
  const closed = await db
    .update(flags)
    .set({ status, decidedById: moderatorId, decidedAt: now })
    .where(
      and(onTarget(target), eq(flags.status, 'open'), reason === null ? undefined : eq(flags.reason, reason)),
    )
    .returning({ id: flags.id });
  return closed.length;
}
