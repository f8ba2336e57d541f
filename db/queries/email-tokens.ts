/**
 * Single-use links sent by e-mail (verification, password reset, e-mail change,
 * brand claim, team invite). Consuming a token marks it used in the same
 * statement that checks it is unused and unexpired, so two clicks racing
 * cannot both succeed.
 */
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { emailTokens } from '../schema.ts';

export type EmailTokenRow = typeof emailTokens.$inferSelect;
export type TokenPurpose = EmailTokenRow['purpose'];

export async function insertEmailToken(db: Db, row: typeof emailTokens.$inferInsert): Promise<void> {
  await db.insert(emailTokens).values(row);
}

export async function findUsableEmailToken(db: Db, id: string, purpose: TokenPurpose, now: Date) {
  const [row] = await db
    .select()
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.id, id),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Marks the token used; false when someone else used it first. */
export async function markEmailTokenUsed(db: Db, id: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.id, id), isNull(emailTokens.usedAt)))
    .returning({ id: emailTokens.id });
  return updated.length > 0;
}

/** Voids a user's unused links of one purpose (a new reset link replaces the old). */
export async function voidEmailTokens(
  db: Db,
  userId: number,
  purpose: TokenPurpose,
  now: Date,
): Promise<void> {
  await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}

/** A brand's invitations not yet used and not expired (the team section lists them, to revoke). */
export function listPendingInvites(db: Db, brandId: number, now: Date) {
  return db
    .select({ id: emailTokens.id, email: emailTokens.email, expiresAt: emailTokens.expiresAt })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.brandId, brandId),
        eq(emailTokens.purpose, 'team_invite'),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .orderBy(asc(emailTokens.createdAt));
}

/**
 * Voids a brand's unused invitations: one (`inviteId`), or every one sent to
 * an address (a removed member's older invitations must not bring them back).
 * Returns how many were voided.
 */
export async function voidBrandInvites(
  db: Db,
  brandId: number,
  which: { inviteId: string } | { email: string },
  now: Date,
): Promise<number> {
  const voided = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.brandId, brandId),
        eq(emailTokens.purpose, 'team_invite'),
        isNull(emailTokens.usedAt),
        'inviteId' in which ? eq(emailTokens.id, which.inviteId) : eq(emailTokens.email, which.email),
      ),
    )
    .returning({ id: emailTokens.id });
  return voided.length;
}
