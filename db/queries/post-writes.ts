/**
 * Writes behind posting and the thread: brands created while posting, posts
 * and their revisions, follow-ups, "me too", verdicts and thread events.
 */
import { and, eq, gt, ilike, isNull, lte, or, sql } from 'drizzle-orm';
import type { ThreadEventType } from '../../src/domain/vocabulary.ts';
import { builtOnce } from '../built-once.ts';
import { rowsOf, type Db } from '../client.ts';
import { brands, meToos, postRevisions, posts, threadEvents, threadMessages, verdicts } from '../schema.ts';

export type PostRow = typeof posts.$inferSelect;

/** Brands whose name contains the words typed (accents and case ignored), best matches first. */
export function searchBrandsByName(db: Db, nameKey: string, limit = 10) {
  const pattern = `%${nameKey.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ slug: brands.slug, name: brands.name, domain: brands.domain, sector: brands.sector })
    .from(brands)
    .where(
      and(isNull(brands.mergedIntoId), or(ilike(brands.nameKey, pattern), ilike(brands.domain, pattern))),
    )
    .orderBy(sql`${brands.nameKey} <> ${nameKey}`, sql`length(${brands.nameKey})`, brands.name)
    .limit(limit);
}

/** An existing brand with the same normalised name or domain (the duplicate guard). */
export async function findSameBrand(db: Db, nameKey: string, domain: string | null) {
  const [brand] = await db
    .select()
    .from(brands)
    .where(domain ? or(eq(brands.nameKey, nameKey), eq(brands.domain, domain)) : eq(brands.nameKey, nameKey))
    .limit(1);
  return brand ?? null;
}

/** A free slug: `name`, else `name-2`, `name-3`… */
export async function freeBrandSlug(db: Db, base: string): Promise<string> {
  const taken = await db
    .select({ slug: brands.slug })
    .from(brands)
    .where(or(eq(brands.slug, base), sql`${brands.slug} ~ ${`^${base.replace(/[^a-z0-9-]/g, '')}-[0-9]+$`}`));
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

// Arbitrary, fixed first keys of transaction-scoped advisory locks (the second is the id, or 0).
const AUTHOR_POSTING_LOCK = 7_236_404;
const BRAND_CREATION_LOCK = 7_236_405;

/**
 * Until the transaction ends, this author's other posts wait (the duplicate-title guard's lock).
 * With a brand, the same statement reads the brand the post goes to, by its slug, with a key-share
 * lock on its row: a merge (which locks the row for update) either finishes first, and the post
 * follows it to the kept brand, or waits for the post, and moves it. Returns that brand's id (null
 * without a brand, or when no brand has the slug).
 */
export async function lockAuthorPosting(
  db: Db,
  authorId: number,
  brandSlug: string | null,
): Promise<number | null> {
  const lock = sql`select pg_advisory_xact_lock(${AUTHOR_POSTING_LOCK}::int, ${authorId}::int)`;
  if (brandSlug === null) {
    await db.execute(lock);
    return null;
  }
  const [row] = rowsOf<{ target: number | null }>(
    await db.execute(sql`
      select (select coalesce(merged_into_id, id) from brands where slug = ${brandSlug} for key share) as target
      from (${lock} offset 0) locked`),
  );
  return row?.target ?? null;
}

/**
 * The duplicate-title guard's lock and facts in one round trip (decision 017): `lockAuthorPosting`
 * with a brand, and the author's posts about it since `since`, sent together. The connection runs
 * them in that order, so the titles are read once the lock is granted, in a snapshot that sees the
 * posts of whoever held it. `brand.id` is the brand the caller expects (src/server/brand-ids.ts);
 * the titles are read again, one more round trip, when the slug's brand is another one (merged
 * meanwhile). `brandId` is null when no brand has the slug.
 */
export async function lockAuthorPostingAbout(
  db: Db,
  authorId: number,
  brand: { id: number; slug: string },
  since: Date,
): Promise<{ brandId: number | null; recent: { title: string; createdAt: Date }[] }> {
  // Statements go out in the order they are started: the lock's first (test/integration/write-statements.test.ts).
  const [target, recent] = await Promise.all([
    lockAuthorPosting(db, authorId, brand.slug),
    recentAuthorPosts(db, authorId, brand.id, since),
  ]);
  if (target === null) return { brandId: null, recent: [] };
  return {
    brandId: target,
    recent: target === brand.id ? recent : await recentAuthorPosts(db, authorId, target, since),
  };
}

/**
 * The id the next post will have, taken ahead of its insert so that the statements naming it can be
 * sent with the insert (decision 017). A write that does not insert leaves a gap, as a rollback does.
 */
export async function nextPostId(db: Db): Promise<number> {
  const [row] = rowsOf<{ id: number }>(
    await db.execute(sql`select nextval(pg_get_serial_sequence('posts', 'id'))::int as id`),
  );
  return Number(row!.id);
}

/** Until the transaction ends, other brand creations wait (names, domains and slugs are checked under it). */
export async function lockBrandCreation(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${BRAND_CREATION_LOCK}::int, 0)`);
}

export async function insertBrand(db: Db, row: typeof brands.$inferInsert) {
  const [brand] = await db.insert(brands).values(row).returning();
  return brand!;
}

/** The author's posts about one brand since a time (the duplicate-title guard's facts). */
const recentAuthorPostsQuery = builtOnce('recent_author_posts', (db) =>
  db
    .select({ title: posts.title, createdAt: posts.createdAt })
    .from(posts)
    .where(
      and(
        eq(posts.authorId, sql.placeholder('authorId')),
        eq(posts.brandId, sql.placeholder('brandId')),
        gt(posts.createdAt, sql.placeholder('since')),
      ),
    ),
);

function recentAuthorPosts(db: Db, authorId: number, brandId: number, since: Date) {
  // A placeholder in a condition is sent as given, without the column's encoding: the time as text.
  return recentAuthorPostsQuery(db, { authorId, brandId, since: since.toISOString() });
}

/** What a new post's insert names: every column a new post sets, the rest take their defaults. */
const NEW_POST_COLUMNS = [
  'id',
  'brandId',
  'authorId',
  'kind',
  'title',
  'story',
  'language',
  'category',
  'channel',
  'experiencedOn',
  'country',
  'waitMinutes',
  'status',
  'visibility',
  'lastActivityAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof typeof posts.$inferInsert)[];

export type NewPostRow = Required<Pick<typeof posts.$inferInsert, (typeof NEW_POST_COLUMNS)[number]>>;

// Built once (db/built-once.ts): building this insert cost more than any other statement of a write.
const newPostInsert = builtOnce('insert_new_post', (db) =>
  db
    .insert(posts)
    .values(
      Object.fromEntries(
        NEW_POST_COLUMNS.map((column) => [column, sql.placeholder(column)]),
      ) as unknown as typeof posts.$inferInsert,
    ),
);

export async function insertPost(db: Db, row: NewPostRow): Promise<void> {
  await newPostInsert(db, row);
}

/** The post, locked for the rest of the transaction so concurrent writes to its thread queue up. */
export async function lockPost(db: Db, postId: number): Promise<PostRow | null> {
  const [post] = await db.select().from(posts).where(eq(posts.id, postId)).for('update').limit(1);
  return post ?? null;
}

export async function updatePost(db: Db, postId: number, changes: Partial<typeof posts.$inferInsert>) {
  await db.update(posts).set(changes).where(eq(posts.id, postId));
}

export async function insertRevision(db: Db, row: typeof postRevisions.$inferInsert) {
  await db.insert(postRevisions).values(row);
}

export async function insertMessage(db: Db, row: typeof threadMessages.$inferInsert) {
  const [message] = await db.insert(threadMessages).values(row).returning();
  return message!;
}

export async function insertEvent(
  db: Db,
  row: {
    postId: number;
    type: ThreadEventType;
    actorId: number | null;
    brandId?: number | null;
    messageId?: number | null;
    data?: Record<string, unknown>;
    createdAt: Date;
  },
) {
  await db.insert(threadEvents).values({ ...row, data: row.data ?? {} });
}

/** Adds a "me too"; false when this account already said it (the primary key decides). */
export async function insertMeToo(db: Db, postId: number, userId: number, now: Date): Promise<boolean> {
  const inserted = await db
    .insert(meToos)
    .values({ postId, userId, createdAt: now })
    .onConflictDoNothing()
    .returning({ postId: meToos.postId });
  if (inserted.length === 0) return false;
  await db
    .update(posts)
    .set({ meTooCount: sql`${posts.meTooCount} + 1` })
    .where(eq(posts.id, postId));
  return true;
}

export async function hasMeToo(db: Db, postId: number, userId: number): Promise<boolean> {
  return (await db.$count(meToos, and(eq(meToos.postId, postId), eq(meToos.userId, userId)))) > 0;
}

export async function findVerdict(db: Db, postId: number) {
  const [verdict] = await db.select().from(verdicts).where(eq(verdicts.postId, postId)).limit(1);
  return verdict ?? null;
}

/** When the post last had an event of a type (e.g. its previous edit), or null. */
export async function lastEventAt(db: Db, postId: number, type: ThreadEventType): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<string | Date | null>`max(${threadEvents.createdAt})` })
    .from(threadEvents)
    .where(and(eq(threadEvents.postId, postId), eq(threadEvents.type, type)));
  return row?.at ? new Date(row.at) : null;
}

/**
 * Fails whose resolution was proposed at or before `proposedBy` and still wait
 * for a verdict: the candidates to close as unconfirmed (`unconfirmedIfProposedBy`
 * in src/domain/thread-closings.ts gives the instant).
 */
export function listStaleProposals(db: Db, proposedBy: Date) {
  return db
    .select({ id: posts.id, brandId: posts.brandId, proposedAt: posts.resolutionProposedAt })
    .from(posts)
    .where(and(eq(posts.status, 'resolution_proposed'), lte(posts.resolutionProposedAt, proposedBy)));
}
