/**
 * Every maintained aggregate row (brand_stats, brand_breakdowns,
 * brand_monthly_stats) next to what a full rebuild from the posts gives at the
 * same instant (run in a transaction that is rolled back). Tests compare the
 * two after writes: the deltas must add up to the rebuild exactly.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from '../../db/client.ts';
import { rebuildBrandStatistics } from '../../src/server/statistics.ts';
import { rollback } from './database.ts';

type Row = Record<string, unknown>;

async function readAggregates(db: Db) {
  const stats = rowsOf<Row>(
    await db.execute(sql`
      select brand_id, "window", likes, fails, response_eligible, answered, first_response_median_seconds,
        first_response_p90_seconds, settled, resolved, verdicts, would_buy_again, promises_kept, promises_broken,
        long_replies, template_replies, me_toos, post_count, score, round(like_share_lower_bound::numeric, 12) as lower_bound
      from brand_stats order by brand_id, "window"`),
  );
  const breakdowns = rowsOf<Row>(
    await db.execute(sql`
      select brand_id, "window", dimension, value, likes, fails from brand_breakdowns
      order by brand_id, "window", dimension, value`),
  );
  const monthly = rowsOf<Row>(
    await db.execute(sql`
      select brand_id, month::text as month, likes, fails, answered, first_response_median_seconds
      from brand_monthly_stats order by brand_id, month`),
  );
  return { stats, breakdowns, monthly };
}

export async function maintainedAndRebuilt(db: Database, now: Date) {
  const maintained = await readAggregates(db);
  const rebuilt = await rollback(db, async (tx) => {
    await rebuildBrandStatistics(tx, now);
    return readAggregates(tx);
  });
  return { maintained, rebuilt };
}
