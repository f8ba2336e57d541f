/** Suspended accounts: setting and lifting a suspension, and the moderators' list. */
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema.ts';

/**
 * Suspends the account unless it already is; false when nothing changed (so
 * two moderators suspending at once write one audit row).
 */
export async function suspendUser(db: Db, userId: number, reason: string, now: Date): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ suspendedAt: now, suspendedReason: reason })
    .where(and(eq(users.id, userId), isNull(users.suspendedAt), isNull(users.deletedAt)))
    .returning({ id: users.id });
  return changed.length > 0;
}

/** Lifts the suspension; false when the account was not suspended. */
export async function unsuspendUser(db: Db, userId: number): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ suspendedAt: null, suspendedReason: null })
    .where(and(eq(users.id, userId), isNotNull(users.suspendedAt)))
    .returning({ id: users.id });
  return changed.length > 0;
}

/** Suspended accounts, latest first (`users_suspended_idx`). */
export function listSuspendedUsers(db: Db, limit = 200) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      suspendedAt: users.suspendedAt,
      suspendedReason: users.suspendedReason,
    })
    .from(users)
    .where(isNotNull(users.suspendedAt))
    .orderBy(desc(users.suspendedAt))
    .limit(limit);
}

/** An account as the moderators' desk shows it (never its password hash), by e-mail. */
export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      createdAt: users.createdAt,
      suspendedAt: users.suspendedAt,
      suspendedReason: users.suspendedReason,
    })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deletedAt)))
    .limit(1);
  return row ?? null;
}
