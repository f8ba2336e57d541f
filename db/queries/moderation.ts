/**
 * The moderators' desk (DESIGN §8): the queue of flagged items, the items
 * currently removed (to restore them), the audit log, and the removal notices'
 * reasons. Every moderator action is one row of `moderation_actions`: `reason`
 * holds the reason code (for a removal, one of REMOVAL_REASONS), `note` the
 * moderator's explanation. Rows are written by `recordModerationAction`
 * (db/queries/moderation-log.ts).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.ts';
import type { AuditEntry, QueueItem, RemovedItem } from '../../src/domain/moderation.ts';
import { moderationActions, threadMessages, users } from '../schema.ts';

/** Marks a thread message removed (with its public explanation) or, with nulls, restores it. */
export async function setMessageRemoval(
  db: Db,
  messageId: number,
  removal: { removedAt: Date | null; removalReason: string | null },
) {
  await db.update(threadMessages).set(removal).where(eq(threadMessages.id, messageId));
}

const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/** Items with open flags, the longest-waiting first, each with every open flag. */
export async function listFlagQueue(db: Db, limit = 30): Promise<{ items: QueueItem[]; total: number }> {
  const items = rowsOf<{
    post_id: number;
    message_id: number | null;
    first_flagged_at: string | Date;
    flag_count: number;
    post_title: string;
    post_language: QueueItem['language'];
    post_visibility: QueueItem['postVisibility'];
    post_revision_count: number;
    brand_name: string;
    text: string;
    author_name: string;
    message_kind: QueueItem['messageKind'];
    message_removed: boolean | null;
    message_revision_count: number | null;
  }>(
    await db.execute(sql`
      with open_items as (
        select post_id, message_id, min(created_at) as first_flagged_at, count(*)::int as flag_count
        from flags where status = 'open'
        group by post_id, message_id
        order by min(created_at), post_id, message_id nulls first
        limit ${limit}
      )
      select o.post_id, o.message_id, o.first_flagged_at, o.flag_count,
        p.title as post_title, p.language as post_language, p.visibility as post_visibility, p.revision_count as post_revision_count,
        b.name as brand_name,
        coalesce(m.body, p.story) as text,
        case when author.deleted_at is null then author.display_name else 'former customer' end as author_name,
        m.kind as message_kind, m.removed_at is not null as message_removed,
        m.revision_count as message_revision_count
      from open_items o
      join posts p on p.id = o.post_id
      join brands b on b.id = p.brand_id
      left join thread_messages m on m.id = o.message_id
      join users author on author.id = coalesce(m.author_id, p.author_id)
      order by o.first_flagged_at, o.post_id, o.message_id nulls first`),
  );
  const [count] = rowsOf<{ total: number }>(
    await db.execute(sql`
      select count(*)::int as total from (
        select distinct post_id, coalesce(message_id, 0) from flags where status = 'open') items`),
  );
  if (items.length === 0) return { items: [], total: Number(count?.total ?? 0) };

  const flagRows = rowsOf<{
    id: number;
    post_id: number;
    message_id: number | null;
    reason: string;
    note: string;
    created_at: string | Date;
    flagger_name: string;
    flagger_brand_name: string | null;
  }>(
    await db.execute(sql`
      select f.id, f.post_id, f.message_id, f.reason::text as reason, f.note, f.created_at,
        case when u.deleted_at is null then u.display_name else 'former customer' end as flagger_name,
        b.name as flagger_brand_name
      from flags f
      join users u on u.id = f.user_id
      left join brands b on b.id = f.flagger_brand_id
      where f.status = 'open' and f.post_id in (${sql.join(
        [...new Set(items.map((item) => item.post_id))].map((id) => sql`${id}`),
        sql`, `,
      )})
      order by f.created_at, f.id`),
  );
  return {
    total: Number(count?.total ?? items.length),
    items: items.map((item) => ({
      postId: item.post_id,
      messageId: item.message_id,
      firstFlaggedAt: toDate(item.first_flagged_at),
      flagCount: item.flag_count,
      postTitle: item.post_title,
      language: item.post_language,
      postVisibility: item.post_visibility,
      postRevisionCount: item.post_revision_count,
      brandName: item.brand_name,
      text: item.text,
      authorName: item.author_name,
      messageKind: item.message_kind,
      messageRemoved: Boolean(item.message_removed),
      messageRevisionCount: item.message_revision_count ?? 0,
      flags: flagRows
        .filter((flag) => flag.post_id === item.post_id && flag.message_id === item.message_id)
        .map((flag) => ({
          id: flag.id,
          reason: flag.reason,
          note: flag.note,
          createdAt: toDate(flag.created_at),
          flaggerName: flag.flagger_name,
          flaggerBrandName: flag.flagger_brand_name,
        })),
    })),
  };
}

/**
 * The latest removals whose item is still removed, newest first, for the
 * restore forms. Read from the audit log (indexed by time) rather than by
 * scanning posts and messages for a removal date.
 */
export async function listRemovedItems(db: Db, limit = 30): Promise<RemovedItem[]> {
  const rows = rowsOf<{
    post_id: number;
    message_id: number | null;
    title: string;
    language: RemovedItem['language'];
    text: string;
    removed_at: string | Date;
    reason: string;
    note: string;
  }>(
    await db.execute(sql`
      select coalesce(p.id, m.post_id) as post_id, m.id as message_id,
        coalesce(p.title, mp.title) as title, coalesce(p.language, mp.language) as language, coalesce(m.body, p.story) as text,
        a.created_at as removed_at, a.reason, a.note
      from moderation_actions a
      left join posts p on a.target_type = 'post' and p.id = a.target_id and p.visibility = 'removed'
      left join thread_messages m on a.target_type = 'message' and m.id = a.target_id and m.removed_at is not null
      left join posts mp on mp.id = m.post_id
      where a.action in ('remove_post', 'remove_message', 'hold_remove') and (p.id is not null or m.id is not null)
      order by a.created_at desc, a.id desc
      limit ${limit}`),
  );
  // An item removed, restored and removed again appears once, with its latest removal.
  const seen = new Set<string>();
  return rows
    .filter((row) => {
      const key = `${row.post_id}:${row.message_id ?? 0}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((row) => ({
      postId: row.post_id,
      messageId: row.message_id,
      title: row.title,
      language: row.language,
      text: row.text,
      removedAt: toDate(row.removed_at),
      reason: row.reason,
      explanation: row.note,
    }));
}

/** The audit log, newest first: every moderator action with who did it. */
export async function listAuditLog(
  db: Db,
  options: { offset: number; limit: number },
): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  const rows = await db
    .select({
      id: moderationActions.id,
      action: moderationActions.action,
      targetType: moderationActions.targetType,
      targetId: moderationActions.targetId,
      reason: moderationActions.reason,
      note: moderationActions.note,
      createdAt: moderationActions.createdAt,
      moderatorName: users.displayName,
      /** For a message, the post it belongs to (for the link). */
      messagePostId: threadMessages.postId,
    })
    .from(moderationActions)
    .innerJoin(users, eq(users.id, moderationActions.moderatorId))
    .leftJoin(
      threadMessages,
      and(eq(moderationActions.targetType, 'message'), eq(threadMessages.id, moderationActions.targetId)),
    )
    .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
    .limit(options.limit + 1)
    .offset(options.offset);
  return { entries: rows.slice(0, options.limit), hasMore: rows.length > options.limit };
}

/**
 * The reason codes of the latest removal of a post and of its removed
 * messages, for their public notices: keys `post` and `message:<id>`.
 */
export async function listRemovalReasons(
  db: Db,
  postId: number,
  messageIds: readonly number[],
): Promise<Map<string, string>> {
  const targets = [
    and(eq(moderationActions.targetType, 'post'), eq(moderationActions.targetId, postId)),
    ...(messageIds.length > 0
      ? [
          and(
            eq(moderationActions.targetType, 'message'),
            inArray(moderationActions.targetId, [...messageIds]),
          ),
        ]
      : []),
  ];
  const rows = await db
    .select({
      targetType: moderationActions.targetType,
      targetId: moderationActions.targetId,
      reason: moderationActions.reason,
    })
    .from(moderationActions)
    .where(
      and(
        // A held post removed from the review queue gets the same notice (src/server/commands/held-posts.ts).
        inArray(moderationActions.action, ['remove_post', 'remove_message', 'hold_remove']),
        sql`(${sql.join(targets, sql` or `)})`,
      ),
    )
    .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id));
  const reasons = new Map<string, string>();
  for (const row of rows) {
    const key = row.targetType === 'post' ? 'post' : `message:${row.targetId}`;
    if (!reasons.has(key)) reasons.set(key, row.reason);
  }
  return reasons;
}
