/**
 * Reads what posts contribute to the statistics (src/domain/post-facts.ts):
 * the post row with its verdict, promise outcomes and long brand replies.
 * A write reads its post's facts before and after under the post's row lock;
 * a window move reads those of the posts leaving its windows (window-move.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PostFacts } from '../../src/domain/post-facts.ts';
import { LONG_REPLY_WORDS } from '../../src/domain/vocabulary.ts';
import type { Category, Channel, PostKind } from '../../src/domain/vocabulary.ts';
import { rowsOf, type Db } from '../client.ts';

export type FactsRow = {
  post_id: number;
  brand_id: number;
  created_at: string | Date;
  kind: PostKind;
  published: boolean;
  category: Category;
  channel: Channel;
  country: string | null;
  unconfirmed: boolean;
  first_brand_reply_at: string | Date | null;
  resolved: boolean | null;
  would_buy_again: boolean | null;
  promises_kept: number;
  promises_broken: number;
  long_replies: number;
  template_replies: number;
  me_toos: number;
  helpful_count: number;
};

const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

export function toFacts(row: FactsRow): PostFacts {
  return {
    postId: row.post_id,
    brandId: row.brand_id,
    createdAt: toDate(row.created_at),
    kind: row.kind,
    published: row.published,
    category: row.category,
    channel: row.channel,
    country: row.country,
    unconfirmed: row.unconfirmed,
    firstBrandReplyAt: row.first_brand_reply_at === null ? null : toDate(row.first_brand_reply_at),
    verdict:
      row.resolved === null ? null : { resolved: row.resolved, wouldBuyAgain: Boolean(row.would_buy_again) },
    promisesKept: row.promises_kept,
    promisesBroken: row.promises_broken,
    longReplies: row.long_replies,
    templateReplies: row.template_replies,
    meToos: row.me_toos,
    helpfulCount: row.helpful_count,
  };
}

/** The select of the facts (`FactsRow`) of the posts `where` selects (a condition on `p`, the posts table). */
export function factsQuery(where: SQL): SQL {
  return sql`
      select p.id as post_id, p.brand_id, p.created_at, p.kind, p.visibility = 'published' as published,
        p.category, p.channel, p.country, coalesce(p.status = 'unconfirmed', false) as unconfirmed,
        p.first_brand_reply_at, p.me_too_count as me_toos, p.helpful_count, v.resolved, v.would_buy_again,
        pr.kept as promises_kept, pr.broken as promises_broken,
        m.long_replies, m.template_replies
      from posts p
      left join verdicts v on v.post_id = p.id
      cross join lateral (
        select count(*) filter (where outcome = 'kept')::int as kept,
               count(*) filter (where outcome = 'broken')::int as broken
        from promises where post_id = p.id) pr
      cross join lateral (
        select count(*) filter (where word_count >= ${LONG_REPLY_WORDS})::int as long_replies,
               count(*) filter (where word_count >= ${LONG_REPLY_WORDS} and is_template)::int as template_replies
        from thread_messages where post_id = p.id and kind = 'brand_reply' and removed_at is null) m
      where ${where}`;
}

/** One post's facts, or null when it does not exist. Call it with the post locked. */
export async function readPostFacts(db: Db, postId: number): Promise<PostFacts | null> {
  const [row] = rowsOf<FactsRow>(await db.execute(factsQuery(sql`p.id = ${postId}`)));
  return row ? toFacts(row) : null;
}

/** A window of the brand that must move: posts created in [from, to) leave it. */
export interface LeavingRange {
  from: Date;
  to: Date;
}

/**
 * The brand's published posts created in any of the ranges (the posts leaving windows), as a
 * condition on `p` for `factsQuery`; false when there are none.
 */
export function leavingPosts(brandId: number, ranges: readonly LeavingRange[]): SQL {
  if (ranges.length === 0) return sql`false`;
  const within = sql.join(
    ranges.map(
      (range) =>
        sql`(p.created_at >= ${range.from.toISOString()}::timestamptz and p.created_at < ${range.to.toISOString()}::timestamptz)`,
    ),
    sql` or `,
  );
  return sql`p.brand_id = ${brandId} and p.visibility = 'published' and (${within})`;
}
