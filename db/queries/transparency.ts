/**
 * Moderation figures by month (UTC) for /transparency (DESIGN §8): flags
 * received by reason and by who flagged, removals by reason, restorations,
 * claims decided, the median time from an item's first flag to the decision,
 * and every moderator action counted by its name — so actions added later
 * (held posts, suspensions, brand merges) appear without a change here.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.ts';

const MONTH = (column: string) =>
  sql.raw(`to_char(date_trunc('month', ${column} at time zone 'UTC'), 'YYYY-MM')`);

/** Every moderator action, counted by month and action name. */
export async function moderationByMonth(db: Db) {
  return rowsOf<{ month: string; action: string; count: number }>(
    await db.execute(sql`
      select ${MONTH('created_at')} as month, action, count(*)::int as count
      from moderation_actions group by 1, 2 order by 1 desc, 2`),
  );
}

/** Flags received, by month and reason, split by who flagged: customers, or a member for the brand. */
export async function flagsByMonth(db: Db) {
  return rowsOf<{ month: string; reason: string; byCustomers: number; byBrands: number }>(
    await db.execute(sql`
      select ${MONTH('created_at')} as month, reason::text as reason,
        count(*) filter (where flagger_brand_id is null)::int as "byCustomers",
        count(*) filter (where flagger_brand_id is not null)::int as "byBrands"
      from flags group by 1, 2 order by 1 desc, 2`),
  );
}

/** Posts and messages removed after flags, by month and reason code (held posts are counted apart). */
export async function removalsByMonth(db: Db) {
  return rowsOf<{ month: string; reason: string; count: number }>(
    await db.execute(sql`
      select ${MONTH('created_at')} as month, reason, count(*)::int as count
      from moderation_actions where action in ('remove_post', 'remove_message')
      group by 1, 2 order by 1 desc, 2`),
  );
}

export interface DecisionMonth {
  month: string;
  kept: number;
  removed: number;
  restored: number;
  claimsDecided: number;
  /** Median of (decision − the item's first flag), over the items decided that month; null when none. */
  medianSecondsToDecision: number | null;
}

/** What moderators decided each month, and how long flagged items waited for it. */
export async function decisionsByMonth(db: Db): Promise<DecisionMonth[]> {
  const rows = rowsOf<{
    month: string;
    kept: number;
    removed: number;
    restored: number;
    claims_decided: number;
    median_seconds: number | string | null;
  }>(
    await db.execute(sql`
      with actions as (
        select ${MONTH('created_at')} as month,
          count(*) filter (where action in ('keep_post', 'keep_message'))::int as kept,
          count(*) filter (where action in ('remove_post', 'remove_message'))::int as removed,
          count(*) filter (where action in ('restore_post', 'restore_message'))::int as restored,
          count(*) filter (where action in ('approve_claim', 'reject_claim'))::int as claims_decided
        from moderation_actions group by 1
      ),
      -- One decision closes all of an item's open flags at one instant: one wait per item and decision.
      waits as (
        select ${MONTH('decided_at')} as month,
          extract(epoch from decided_at - min(created_at)) as seconds
        from flags where status <> 'open' and decided_at is not null
        group by post_id, coalesce(message_id, 0), decided_at
      ),
      medians as (
        select month, percentile_cont(0.5) within group (order by seconds) as median_seconds
        from waits group by month
      )
      select coalesce(a.month, m.month) as month,
        coalesce(a.kept, 0) as kept, coalesce(a.removed, 0) as removed,
        coalesce(a.restored, 0) as restored, coalesce(a.claims_decided, 0) as claims_decided,
        m.median_seconds
      from actions a full join medians m on m.month = a.month
      order by 1 desc`),
  );
  return rows.map((row) => ({
    month: row.month,
    kept: row.kept,
    removed: row.removed,
    restored: row.restored,
    claimsDecided: row.claims_decided,
    medianSecondsToDecision: row.median_seconds === null ? null : Math.round(Number(row.median_seconds)),
  }));
}
