/**
 * The open data (DESIGN §7): every published post with the facts each figure
 * needs, and every brand's aggregates, read in keyset batches so a million
 * rows stream without sitting in memory.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.ts';

/**
 * Column → type, in file order. The CSV writer (src/server/csv.ts) writes each
 * value by its column's type, never by what its text looks like.
 */
export const POST_EXPORT_COLUMNS = {
  id: 'number',
  brand_slug: 'text',
  kind: 'text',
  status: 'text',
  category: 'text',
  channel: 'text',
  country: 'text',
  wait_minutes: 'number',
  created_at: 'timestamp',
  first_brand_reply_at: 'timestamp',
  resolution_proposed_at: 'timestamp',
  settled_at: 'timestamp',
  promise_due_at: 'date',
  promise_outcome: 'text',
  promises_kept: 'number',
  promises_broken: 'number',
  verdict_resolved: 'boolean',
  would_buy_again: 'boolean',
  me_too_count: 'number',
  long_brand_replies: 'number',
  template_brand_replies: 'number',
} as const;

export type PostExportRow = Record<keyof typeof POST_EXPORT_COLUMNS, unknown>;

export async function postExportBatch(db: Db, afterId: number, limit: number): Promise<PostExportRow[]> {
  return rowsOf<PostExportRow>(
    await db.execute(sql`
      select p.id, b.slug as brand_slug, p.kind, p.status, p.category, p.channel, p.country, p.wait_minutes,
        p.created_at, p.first_brand_reply_at, p.resolution_proposed_at, p.settled_at,
        lp.due_on as promise_due_at, lp.outcome as promise_outcome,
        coalesce(pc.kept, 0)::int as promises_kept, coalesce(pc.broken, 0)::int as promises_broken,
        v.resolved as verdict_resolved, v.would_buy_again, p.me_too_count,
        coalesce(r.long_replies, 0)::int as long_brand_replies, coalesce(r.template_replies, 0)::int as template_brand_replies
      from posts p
      join brands b on b.id = p.brand_id
      left join verdicts v on v.post_id = p.id
      left join lateral (select due_on, outcome from promises where post_id = p.id order by created_at desc, id desc limit 1) lp on true
      left join lateral (select count(*) filter (where outcome = 'kept') as kept, count(*) filter (where outcome = 'broken') as broken
                         from promises where post_id = p.id) pc on true
      left join lateral (select count(*) filter (where word_count >= 12) as long_replies,
                                count(*) filter (where word_count >= 12 and is_template) as template_replies
                         from thread_messages where post_id = p.id and kind = 'brand_reply' and removed_at is null) r on true
      where p.visibility = 'published' and p.id > ${afterId}
      order by p.id
      limit ${limit}`),
  );
}

export const BRAND_EXPORT_COLUMNS = {
  slug: 'text',
  name: 'text',
  sector: 'text',
  country: 'text',
  verified: 'boolean',
  window: 'text',
  likes: 'number',
  fails: 'number',
  response_eligible: 'number',
  answered: 'number',
  first_response_median_seconds: 'number',
  first_response_p90_seconds: 'number',
  settled: 'number',
  resolved: 'number',
  verdicts: 'number',
  would_buy_again: 'number',
  promises_kept: 'number',
  promises_broken: 'number',
  long_replies: 'number',
  template_replies: 'number',
  me_toos: 'number',
  score: 'number',
} as const;

/** Every window's aggregates of the next `brandLimit` brands after `afterSlug`. */
export async function brandExportBatch(db: Db, afterSlug: string, brandLimit: number) {
  return rowsOf<Record<keyof typeof BRAND_EXPORT_COLUMNS, unknown>>(
    await db.execute(sql`
      select b.slug, b.name, b.sector, b.country, b.verified_at is not null as verified, s."window",
        s.likes, s.fails, s.response_eligible, s.answered, s.first_response_median_seconds, s.first_response_p90_seconds,
        s.settled, s.resolved, s.verdicts, s.would_buy_again, s.promises_kept, s.promises_broken,
        s.long_replies, s.template_replies, s.me_toos, s.score
      from (select * from brands where merged_into_id is null and slug > ${afterSlug} order by slug limit ${brandLimit}) b
      join brand_stats s on s.brand_id = b.id
      order by b.slug, s."window"`),
  );
}
