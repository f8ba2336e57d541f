/**
 * Reads of posts for the feeds and the post page. Lists page with keyset
 * cursors over the (visibility, created_at, id) indexes; only published posts
 * appear in lists.
 */
import { and, asc, desc, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FeedCursor } from '../../src/domain/cursor.ts';
import type { Page, PostPage, PostSummary } from '../../src/domain/views.ts';
import {
  UNANSWERED_AFTER_DAYS,
  type Category,
  type Language,
  type FailStatus,
  type PostKind,
} from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';
import { listPostImages } from './images.ts';
import {
  brands,
  posts,
  promises,
  postRevisions,
  threadEvents,
  threadMessages,
  users,
  verdicts,
} from '../schema.ts';

export const FORMER_CUSTOMER = 'former customer';
const EXCERPT_CHARACTERS = 280;

const summaryColumns = {
  id: posts.id,
  kind: posts.kind,
  title: posts.title,
  language: posts.language,
  excerpt: sql<string>`left(${posts.story}, ${EXCERPT_CHARACTERS + 1})`,
  category: posts.category,
  channel: posts.channel,
  status: posts.status,
  country: posts.country,
  waitMinutes: posts.waitMinutes,
  meTooCount: posts.meTooCount,
  helpfulCount: posts.helpfulCount,
  messageCount: posts.messageCount,
  firstBrandReplyAt: posts.firstBrandReplyAt,
  createdAt: posts.createdAt,
  brandSlug: brands.slug,
  brandName: brands.name,
  brandVerified: sql<boolean>`${brands.verifiedAt} is not null`,
  authorName: sql<string>`case when ${users.deletedAt} is null then ${users.displayName} else ${FORMER_CUSTOMER} end`,
  authorSuspended: sql<boolean>`${users.suspendedAt} is not null`,
  // The promised day passed without a resolution and no new date is pending (one indexed probe).
  promiseBroken: sql<boolean>`(${posts.status} = 'promised' and not exists (
    select 1 from promises pr where pr.post_id = ${posts.id} and pr.outcome = 'pending'))`,
};

export type { Page, PostSummary };

/** Posts after the cursor in feed order; a row comparison, so the index serves it as one range. */
function olderThan(cursor: FeedCursor | null): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${posts.createdAt}, ${posts.id}) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id})`;
}

/**
 * Two steps so the planner walks the (visibility, created_at, id) index and
 * stops at the page size: first the page's ids, then their details. One
 * joined, ordered query was planned as a scan and sort of every post.
 */
async function pageOfSummaries(db: Db, where: SQL | undefined, limit: number): Promise<Page<PostSummary>> {
  const ids = await db
    .select({ id: posts.id })
    .from(posts)
    .where(where)
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(limit + 1);
  const rows = await listSummariesByIds(
    db,
    ids.map((row) => row.id),
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

/** The summaries of some posts, in the order of `ids` (the second step of a paged list). */
export async function listSummariesByIds(db: Db, ids: readonly number[]): Promise<PostSummary[]> {
  if (ids.length === 0) return [];
  const rows = (await db
    .select(summaryColumns)
    .from(posts)
    .innerJoin(brands, eq(brands.id, posts.brandId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(inArray(posts.id, [...ids]))) as PostSummary[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [
          {
            ...row,
            brandVerified: Boolean(row.brandVerified),
            authorSuspended: Boolean(row.authorSuspended),
            promiseBroken: Boolean(row.promiseBroken),
          },
        ]
      : [];
  });
}

/** The home feed: every published post, newest first. */
export function listLatestPosts(
  db: Db,
  options: { cursor?: FeedCursor | null; limit?: number; kind?: PostKind | null } = {},
): Promise<Page<PostSummary>> {
  return pageOfSummaries(
    db,
    and(
      eq(posts.visibility, 'published'),
      options.kind ? eq(posts.kind, options.kind) : undefined,
      olderThan(options.cursor ?? null),
    ),
    options.limit ?? 20,
  );
}

export type StatusFilter = FailStatus | 'unanswered';

export interface BrandFeedFilters {
  kind?: PostKind | null;
  status?: StatusFilter | null;
  category?: Category | null;
  language?: Language | null;
}

/** A brand's published posts, newest first, filtered by kind, status, category and language. */
export function listBrandPosts(
  db: Db,
  brandId: number,
  filters: BrandFeedFilters,
  options: { cursor?: FeedCursor | null; limit?: number; now?: Date } = {},
): Promise<Page<PostSummary>> {
  const now = options.now ?? new Date();
  // A waiting fail is "unanswered" from the instant it is UNANSWERED_AFTER_DAYS old, as displayStatus() in
  // src/domain/lifecycle.ts says; test/integration/thread-closings.test.ts proves the two agree.
  const unansweredIfPostedBy = new Date(now.getTime() - UNANSWERED_AFTER_DAYS * 86_400_000);
  let statusCondition: SQL | undefined;
  if (filters.status === 'unanswered') {
    statusCondition = and(eq(posts.status, 'waiting'), lte(posts.createdAt, unansweredIfPostedBy));
  } else if (filters.status === 'waiting') {
    statusCondition = and(eq(posts.status, 'waiting'), gt(posts.createdAt, unansweredIfPostedBy));
  } else if (filters.status) {
    statusCondition = eq(posts.status, filters.status);
  }
  return pageOfSummaries(
    db,
    and(
      eq(posts.brandId, brandId),
      eq(posts.visibility, 'published'),
      filters.kind ? eq(posts.kind, filters.kind) : undefined,
      filters.category ? eq(posts.category, filters.category) : undefined,
      filters.language ? eq(posts.language, filters.language) : undefined,
      statusCondition,
      olderThan(options.cursor ?? null),
    ),
    options.limit ?? 20,
  );
}

/** A person's own posts, withdrawn ones included, for /account. */
export function listAuthorPosts(db: Db, authorId: number, limit = 50) {
  return db
    .select({
      id: posts.id,
      kind: posts.kind,
      title: posts.title,
      language: posts.language,
      status: posts.status,
      visibility: posts.visibility,
      createdAt: posts.createdAt,
      brandName: brands.name,
      brandSlug: brands.slug,
    })
    .from(posts)
    .innerJoin(brands, eq(brands.id, posts.brandId))
    .where(eq(posts.authorId, authorId))
    .orderBy(desc(posts.createdAt))
    .limit(limit);
}

const handlers = alias(users, 'handler');

/** Everything the post page shows: the post, its brand, thread, promise and verdict. */
export async function getPostPage(db: Db, postId: number): Promise<PostPage | null> {
  // The handler's name comes with the post (a join), not in a query after the others.
  const [row] = await db
    .select({
      handlerName: handlers.displayName,
      post: posts,
      brand: {
        id: brands.id,
        slug: brands.slug,
        name: brands.name,
        verifiedAt: brands.verifiedAt,
      },
      authorName: summaryColumns.authorName,
      authorSuspended: summaryColumns.authorSuspended,
    })
    .from(posts)
    .innerJoin(brands, eq(brands.id, posts.brandId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(handlers, eq(handlers.id, posts.handlerId))
    .where(eq(posts.id, postId))
    .limit(1);
  if (!row) return null;

  const authorName = sql<string>`case when ${users.deletedAt} is null then ${users.displayName} else ${FORMER_CUSTOMER} end`;
  const [messages, events, promiseRows, verdictRows, imageRows] = await Promise.all([
    db
      .select({
        id: threadMessages.id,
        kind: threadMessages.kind,
        body: threadMessages.body,
        isTemplate: threadMessages.isTemplate,
        revisionCount: threadMessages.revisionCount,
        removedAt: threadMessages.removedAt,
        removalReason: threadMessages.removalReason,
        createdAt: threadMessages.createdAt,
        authorId: threadMessages.authorId,
        authorName,
        brandName: brands.name,
        brandVerified: sql<boolean>`${brands.verifiedAt} is not null`,
      })
      .from(threadMessages)
      .innerJoin(users, eq(users.id, threadMessages.authorId))
      .leftJoin(brands, eq(brands.id, threadMessages.brandId))
      .where(eq(threadMessages.postId, postId))
      .orderBy(asc(threadMessages.createdAt), asc(threadMessages.id)),
    db
      .select({
        id: threadEvents.id,
        type: threadEvents.type,
        data: threadEvents.data,
        createdAt: threadEvents.createdAt,
        actorName: sql<string | null>`case when ${users.id} is null then null else ${authorName} end`,
        brandName: brands.name,
      })
      .from(threadEvents)
      .leftJoin(users, eq(users.id, threadEvents.actorId))
      .leftJoin(brands, eq(brands.id, threadEvents.brandId))
      .where(eq(threadEvents.postId, postId))
      .orderBy(asc(threadEvents.createdAt), asc(threadEvents.id)),
    db
      .select()
      .from(promises)
      .where(eq(promises.postId, postId))
      .orderBy(desc(promises.createdAt), desc(promises.id)),
    db.select().from(verdicts).where(eq(verdicts.postId, postId)).limit(1),
    listPostImages(db, [postId]),
  ]);
  return {
    ...row,
    messages,
    events,
    promises: promiseRows,
    verdict: verdictRows[0] ?? null,
    images: imageRows,
  };
}

export type { PostPage };

/** Earlier versions of a post, oldest first, for the "edited" page. */
export function listPostRevisions(db: Db, postId: number) {
  return db
    .select()
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .orderBy(asc(postRevisions.revision));
}
