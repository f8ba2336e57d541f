/** Accounts: look-ups by e-mail and id, the actor behind a session, and account changes. */
import { eq, sql } from 'drizzle-orm';
import type { Actor, Membership } from '../../src/domain/policy.ts';
import type { Db } from '../client.ts';
import { brandMembers, brands, users } from '../schema.ts';
import { deleteImagesOfUploader } from './images.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user ?? null;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [user] = await db.insert(users).values(row).returning();
  return user!;
}

/** Inserts the account unless its e-mail is taken (the unique index decides, even in a race); null then. */
export async function insertUserIfNew(db: Db, row: typeof users.$inferInsert): Promise<UserRow | null> {
  const [user] = await db.insert(users).values(row).onConflictDoNothing().returning();
  return user ?? null;
}

export async function updateUser(
  db: Db,
  id: number,
  changes: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await db.update(users).set(changes).where(eq(users.id, id));
}

/** The user with their brand memberships: what the policy module decides on. */
export async function loadActor(db: Db, user: UserRow): Promise<Actor> {
  const memberships = await db
    .select({
      brandId: brandMembers.brandId,
      role: brandMembers.role,
      brandSlug: brands.slug,
      brandName: brands.name,
    })
    .from(brandMembers)
    .innerJoin(brands, eq(brands.id, brandMembers.brandId))
    .where(eq(brandMembers.userId, user.id));
  return actorOf(user, memberships);
}

/** The policy's view of an account whose memberships are already read. */
export function actorOf(user: UserRow, memberships: Membership[]): Actor {
  return {
    id: user.id,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    suspended: user.suspendedAt !== null,
    memberships,
  };
}

/**
 * Erases an account's personal data (DESIGN: the person's posts stay, signed
 * "former customer"): e-mail, name, password, sessions, tokens and team seats go.
 */
export async function eraseUser(db: Db, id: number, now: Date): Promise<void> {
  await db
    .update(users)
    .set({
      email: null,
      displayName: 'former customer',
      passwordHash: null,
      emailVerifiedAt: null,
      notificationSettings: {},
      deletedAt: now,
    })
    .where(eq(users.id, id));
  await db.execute(sql`delete from sessions where user_id = ${id}`);
  await db.execute(sql`delete from email_tokens where user_id = ${id}`);
  await db.execute(sql`delete from brand_members where user_id = ${id}`);
  await deleteImagesOfUploader(db, id);
}
