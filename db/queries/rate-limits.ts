/**
 * One atomic upsert per attempt: the bucket's count grows, or starts again at
 * 1 when its window is over. Atomic in the database, so concurrent requests on
 * several instances cannot both slip under a limit.
 */
import { sql } from 'drizzle-orm';
import type { RateLimit } from '../../src/domain/rate-limits.ts';
import { rowsOf, type Db } from '../client.ts';

export async function countAttempt(
  db: Db,
  limit: RateLimit,
  subject: string,
  now: Date,
): Promise<{ count: number; resetsAt: Date }> {
  const key = `${limit.name}:${subject}`;
  const nowIso = now.toISOString();
  const resetsIso = new Date(now.getTime() + limit.windowSeconds * 1000).toISOString();
  const result = await db.execute(sql`
    insert into rate_limit_buckets (key, count, window_started_at, expires_at)
    values (${key}, 1, ${nowIso}::timestamptz, ${resetsIso}::timestamptz)
    on conflict (key) do update set
      count = case when rate_limit_buckets.expires_at <= ${nowIso}::timestamptz then 1 else rate_limit_buckets.count + 1 end,
      window_started_at = case when rate_limit_buckets.expires_at <= ${nowIso}::timestamptz
        then ${nowIso}::timestamptz else rate_limit_buckets.window_started_at end,
      expires_at = case when rate_limit_buckets.expires_at <= ${nowIso}::timestamptz
        then ${resetsIso}::timestamptz else rate_limit_buckets.expires_at end
    returning count, expires_at`);
  const rows = rowsOf<{ count: number; expires_at: string | Date }>(result);
  const row = rows[0]!;
  return { count: Number(row.count), resetsAt: new Date(row.expires_at) };
}

/** Forgets a subject's attempts (after a successful log-in, the account's failures no longer count). */
export async function clearAttempts(db: Db, limit: RateLimit, subject: string): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where key = ${`${limit.name}:${subject}`}`);
}

/** Drops buckets whose window is over; run now and then so the table stays small. */
export async function deleteExpiredBuckets(db: Db, now: Date): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where expires_at <= ${now.toISOString()}::timestamptz`);
}
