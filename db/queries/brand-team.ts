/** Brand teams, claims and profiles: who speaks for a brand, and what its page says. */
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { builtOnce } from '../built-once.ts';
import type { Db } from '../client.ts';
import { brandClaims, brandMembers, brands, users, type ContactChannels } from '../schema.ts';

export function listTeam(db: Db, brandId: number) {
  return db
    .select({
      userId: users.id,
      name: users.displayName,
      email: users.email,
      role: brandMembers.role,
      since: brandMembers.createdAt,
    })
    .from(brandMembers)
    .innerJoin(users, eq(users.id, brandMembers.userId))
    .where(eq(brandMembers.brandId, brandId))
    .orderBy(asc(brandMembers.createdAt));
}

/** Adds a member, or changes the role of one already there. */
export async function upsertMember(
  db: Db,
  row: {
    brandId: number;
    userId: number;
    role: 'owner' | 'member';
    invitedById: number | null;
    createdAt: Date;
  },
) {
  await db
    .insert(brandMembers)
    .values(row)
    .onConflictDoUpdate({ target: [brandMembers.brandId, brandMembers.userId], set: { role: row.role } });
}

export async function removeMember(db: Db, brandId: number, userId: number): Promise<boolean> {
  const removed = await db
    .delete(brandMembers)
    .where(and(eq(brandMembers.brandId, brandId), eq(brandMembers.userId, userId)))
    .returning({ userId: brandMembers.userId });
  return removed.length > 0;
}

/** Demotes every current owner to member (ownership moves to someone else). */
export async function demoteOwners(db: Db, brandId: number) {
  await db
    .update(brandMembers)
    .set({ role: 'member' })
    .where(and(eq(brandMembers.brandId, brandId), eq(brandMembers.role, 'owner')));
}

export async function markBrandVerified(db: Db, brandId: number, now: Date) {
  await db.update(brands).set({ verifiedAt: now, updatedAt: now }).where(eq(brands.id, brandId));
}

export async function updateBrandProfile(
  db: Db,
  brandId: number,
  changes: {
    description: string;
    websiteUrl: string | null;
    sector: (typeof brands.$inferInsert)['sector'];
    contact: ContactChannels;
    updatedAt: Date;
  },
) {
  await db.update(brands).set(changes).where(eq(brands.id, brandId));
}

/** Records a claim; null when this person already has one waiting for this brand (the index decides). */
export async function insertClaim(db: Db, row: typeof brandClaims.$inferInsert) {
  const [claim] = await db.insert(brandClaims).values(row).onConflictDoNothing().returning();
  return claim ?? null;
}

export async function findClaim(db: Db, id: number) {
  const [claim] = await db.select().from(brandClaims).where(eq(brandClaims.id, id)).limit(1);
  return claim ?? null;
}

export async function decideClaim(
  db: Db,
  id: number,
  status: 'verified' | 'approved' | 'rejected',
  decidedById: number | null,
  now: Date,
) {
  await db.update(brandClaims).set({ status, decidedById, decidedAt: now }).where(eq(brandClaims.id, id));
}

/** The moderators' queue: pending claims, oldest first. */
export function listPendingClaims(db: Db) {
  return db
    .select({
      id: brandClaims.id,
      message: brandClaims.message,
      workEmail: brandClaims.workEmail,
      createdAt: brandClaims.createdAt,
      brandName: brands.name,
      brandSlug: brands.slug,
      brandDomain: brands.domain,
      claimantName: users.displayName,
      claimantEmail: users.email,
    })
    .from(brandClaims)
    .innerJoin(brands, eq(brands.id, brandClaims.brandId))
    .innerJoin(users, eq(users.id, brandClaims.userId))
    .where(eq(brandClaims.status, 'pending'))
    .orderBy(asc(brandClaims.createdAt));
}

/** Whether the brand has an owner already (a claim cannot take it from them). */
export async function hasOwner(db: Db, brandId: number): Promise<boolean> {
  const [row] = await db
    .select({ userId: brandMembers.userId })
    .from(brandMembers)
    .where(and(eq(brandMembers.brandId, brandId), eq(brandMembers.role, 'owner')))
    .limit(1);
  return row !== undefined;
}

/** Locks the brand's row until the transaction ends, so two claims cannot both make an owner. */
export async function lockBrand(db: Db, brandId: number): Promise<void> {
  await db.select({ id: brands.id }).from(brands).where(eq(brands.id, brandId)).for('update');
}

/** Closes the brand's other waiting claims once one made an owner. */
export async function closePendingClaims(
  db: Db,
  brandId: number,
  decidedById: number | null,
  now: Date,
): Promise<void> {
  await db
    .update(brandClaims)
    .set({ status: 'rejected', decidedById, decidedAt: now })
    .where(and(eq(brandClaims.brandId, brandId), eq(brandClaims.status, 'pending')));
}

/** A claimant's own waiting claims on the brand, marked verified (their work-address link worked). */
export async function verifyOwnClaims(db: Db, brandId: number, userId: number, now: Date): Promise<void> {
  await db
    .update(brandClaims)
    .set({ status: 'verified', decidedAt: now })
    .where(
      and(
        eq(brandClaims.brandId, brandId),
        eq(brandClaims.userId, userId),
        eq(brandClaims.status, 'pending'),
      ),
    );
}

/** The brand's slug ('' when it is gone). */
export async function brandSlugOf(db: Db, brandId: number): Promise<string> {
  const [row] = await db.select({ slug: brands.slug }).from(brands).where(eq(brands.id, brandId)).limit(1);
  return row?.slug ?? '';
}

/** The brand's name, for notifications ('The brand' when it is gone). */
export async function brandNameOf(db: Db, brandId: number): Promise<string> {
  const [row] = await db.select({ name: brands.name }).from(brands).where(eq(brands.id, brandId)).limit(1);
  return row?.name ?? 'The brand';
}

/**
 * The brand's name ('The brand' when it is gone) and the team members who can be e-mailed (an
 * address on file), except one person: one statement, as every write that tells a team sends it.
 */
// Built once (db/built-once.ts), with and without a member to leave out: read by every post and reply.
const teamQuery = (leaveOut: boolean) => (db: Db) =>
  db
    .select({
      brandName: brands.name,
      email: users.email,
      settings: users.notificationSettings,
      language: users.language,
    })
    .from(brands)
    .leftJoin(brandMembers, eq(brandMembers.brandId, brands.id))
    .leftJoin(
      users,
      and(
        eq(users.id, brandMembers.userId),
        isNotNull(users.email),
        leaveOut ? ne(users.id, sql.placeholder('exceptUserId')) : undefined,
      ),
    )
    .where(eq(brands.id, sql.placeholder('brandId')));
const wholeTeam = builtOnce('team_to_notify', teamQuery(false));
const teamButOne = builtOnce('team_to_notify_but_one', teamQuery(true));

export async function teamToNotify(db: Db, brandId: number, exceptUserId: number | null) {
  const rows =
    exceptUserId === null
      ? await wholeTeam(db, { brandId })
      : await teamButOne(db, { brandId, exceptUserId });
  return {
    brandName: rows[0]?.brandName ?? 'The brand',
    recipients: rows.flatMap(({ email, settings, language }) =>
      email && settings && language ? [{ email, settings, language }] : [],
    ),
  };
}
