/** Session rows: created at log-in, read on every request, deleted at log-out or once expired. */
import { and, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Membership } from '../../src/domain/policy.ts';
import { builtOnce } from '../built-once.ts';
import type { Db } from '../client.ts';
import { sessions, users } from '../schema.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [session] = await db.insert(sessions).values(row).returning();
  return session!;
}

/**
 * A session with its account and the account's brand memberships, in one query: every signed-in
 * request needs all three. Built once (db/built-once.ts): it runs on every signed-in request.
 */
const sessionWithAccount = builtOnce('session_with_account', (db) =>
  db
    .select({
      session: sessions,
      user: users,
      memberships: sql<Membership[]>`coalesce((
        select json_agg(json_build_object('brandId', m.brand_id, 'role', m.role, 'brandSlug', b.slug, 'brandName', b.name))
        from brand_members m join brands b on b.id = m.brand_id where m.user_id = ${sessions.userId}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .limit(1),
);

export async function findSessionWithAccount(db: Db, id: string) {
  const [row] = await sessionWithAccount(db, { id });
  return row ?? null;
}

export async function touchSession(db: Db, id: string, lastActiveAt: Date): Promise<void> {
  await db.update(sessions).set({ lastActiveAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Deletes one of a user's sessions; false when it is not theirs (or already gone). */
export async function deleteUserSession(db: Db, userId: number, id: string): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

/** Ends every session of a user, or every one but `exceptId`. */
export async function deleteUserSessions(
  db: Db,
  userId: number,
  exceptId: string | null = null,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId),
    );
}

export function listUserSessions(db: Db, userId: number) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastActiveAt: sessions.lastActiveAt,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(sessions.lastActiveAt);
}

/**
 * Deletes sessions last used at or before `idleSince` (expired: src/server/auth/session-rules.ts), at
 * most `limit` a call so one maintenance run stays short; returns how many went.
 */
export async function deleteIdleSessions(db: Db, idleSince: Date, limit = 1000): Promise<number> {
  const idle = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(lte(sessions.lastActiveAt, idleSince))
    .limit(limit);
  const deleted = await db.delete(sessions).where(inArray(sessions.id, idle)).returning({ id: sessions.id });
  return deleted.length;
}
