/**
 * The writes of a brand merge (src/server/commands/brand-merge.ts): each moves
 * one kind of row from the duplicate to the kept brand. They run in one
 * transaction, after the duplicate's posts and both brand rows are locked.
 */
import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  brandClaims,
  brandMembers,
  brands,
  emailTokens,
  flags,
  posts,
  promises,
  threadEvents,
  threadMessages,
  webhooks,
} from '../schema.ts';

// Arbitrary, fixed first key of a transaction-scoped advisory lock: one merge at a time.
const BRAND_MERGE_LOCK = 7_236_407;

export async function lockBrandMerges(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${BRAND_MERGE_LOCK}::int, 0)`);
}

/** Locks every post of the brand (in id order), so no thread write on them runs during the move. */
export async function lockBrandPosts(db: Db, brandId: number): Promise<void> {
  await db
    .select({ id: posts.id })
    .from(posts)
    .where(eq(posts.brandId, brandId))
    .orderBy(asc(posts.id))
    .for('update');
}

/** Locks the brand rows in ascending id order (claims approvals and profile edits wait). */
export async function lockBrandRows(db: Db, brandIds: number[]): Promise<void> {
  await db
    .select({ id: brands.id })
    .from(brands)
    .where(inArray(brands.id, brandIds))
    .orderBy(asc(brands.id))
    .for('update');
}

/** Brands (not merged away) whose name, slug or domain contains the text, for the merge form. */
export function findBrandsForMerge(db: Db, text: string, limit = 20) {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: brands.id, slug: brands.slug, name: brands.name, domain: brands.domain })
    .from(brands)
    .where(
      and(
        isNull(brands.mergedIntoId),
        or(ilike(brands.name, pattern), ilike(brands.slug, pattern), ilike(brands.domain, pattern)),
      ),
    )
    .orderBy(asc(brands.name))
    .limit(limit);
}

export function listMembers(db: Db, brandId: number) {
  return db
    .select({
      userId: brandMembers.userId,
      role: brandMembers.role,
      invitedById: brandMembers.invitedById,
      createdAt: brandMembers.createdAt,
    })
    .from(brandMembers)
    .where(eq(brandMembers.brandId, brandId));
}

export async function setMemberRole(db: Db, brandId: number, userId: number, role: 'owner' | 'member') {
  await db
    .update(brandMembers)
    .set({ role })
    .where(and(eq(brandMembers.brandId, brandId), eq(brandMembers.userId, userId)));
}

export async function insertMember(db: Db, row: typeof brandMembers.$inferInsert) {
  await db.insert(brandMembers).values(row);
}

export async function deleteMembers(db: Db, brandId: number) {
  await db.delete(brandMembers).where(eq(brandMembers.brandId, brandId));
}

/**
 * Moves the claims. A person with a waiting claim on both brands keeps the one
 * on the kept brand; the other is closed (one waiting claim per person and brand).
 */
export async function moveClaims(db: Db, fromId: number, toId: number, now: Date) {
  await db.execute(sql`
    update brand_claims d set status = 'rejected', decided_at = ${now.toISOString()}::timestamptz
    where d.brand_id = ${fromId} and d.status = 'pending' and exists (
      select 1 from brand_claims k where k.brand_id = ${toId} and k.user_id = d.user_id and k.status = 'pending')`);
  await db.update(brandClaims).set({ brandId: toId }).where(eq(brandClaims.brandId, fromId));
}

/** Posts, the brand's replies, events and promises, webhooks (their deliveries follow) and flags. */
export async function moveBrandRows(db: Db, fromId: number, toId: number): Promise<number> {
  const moved = await db
    .update(posts)
    .set({ brandId: toId })
    .where(eq(posts.brandId, fromId))
    .returning({ id: posts.id });
  await db.update(threadMessages).set({ brandId: toId }).where(eq(threadMessages.brandId, fromId));
  await db.update(threadEvents).set({ brandId: toId }).where(eq(threadEvents.brandId, fromId));
  await db.update(promises).set({ brandId: toId }).where(eq(promises.brandId, fromId));
  await db.update(webhooks).set({ brandId: toId }).where(eq(webhooks.brandId, fromId));
  await db.update(flags).set({ flaggerBrandId: toId }).where(eq(flags.flaggerBrandId, fromId));
  return moved.length;
}

/** Unused claim and invitation links of the duplicate stop working (they named the old brand). */
export async function voidBrandTokens(db: Db, brandId: number, now: Date) {
  await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.brandId, brandId), isNull(emailTokens.usedAt)));
}

/**
 * Marks the duplicate merged, and points brands merged into it earlier at the
 * kept brand too, so an old slug redirects in one hop.
 */
export async function markMerged(db: Db, fromId: number, toId: number, now: Date) {
  await db
    .update(brands)
    .set({ mergedIntoId: toId, updatedAt: now })
    .where(or(eq(brands.id, fromId), eq(brands.mergedIntoId, fromId)));
}
