/** Moderation figures by month and reason, for /transparency (DESIGN §8). */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.ts';

export async function moderationByMonth(db: Db) {
  return rowsOf<{ month: string; action: string; count: number }>(
    await db.execute(sql`
      select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month, action, count(*)::int as count
      from moderation_actions group by 1, 2 order by 1 desc, 2`),
  );
}

export async function flagsByReason(db: Db) {
  return rowsOf<{ month: string; reason: string; status: string; count: number }>(
    await db.execute(sql`
      select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month, reason::text, status::text, count(*)::int as count
      from flags group by 1, 2, 3 order by 1 desc, 2, 3`),
  );
}
