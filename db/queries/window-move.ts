/**
 * What a window move reads (decision 012): the brand's queued changes, taken; the facts of the posts
 * leaving its windows; and, for each window, the unanswered fails that passed the 72-hour line
 * between the row's instant and the move. All three in ONE statement, hence one snapshot: a write
 * committed before it is in all three (its change taken, its post as it left it), a write that
 * commits after it is in none (its change stays queued, and whoever adds it judges it against the
 * moved rows). That is why a move needs only the brand's adding turn, not the brand alone: its
 * writers go on queuing while it runs, where they used to wait for it.
 */
import { sql } from 'drizzle-orm';
import type { PostFacts } from '../../src/domain/post-facts.ts';
import { RESPONSE_GRACE_HOURS, type StatWindow } from '../../src/domain/vocabulary.ts';
import { rowsOf, type Db } from '../client.ts';
import { parsed, takeQueue, toDeltas, type QueuedRow } from './figure-turns.ts';
import { factsQuery, leavingPosts, toFacts, type FactsRow, type LeavingRange } from './post-facts.ts';
import type { PostDelta } from './stat-deltas.ts';

export interface WindowMoveReading {
  /** The changes queued until the snapshot, removed from the queue, oldest first: add them first. */
  queued: PostDelta[];
  /** The facts of the posts created in the ranges, as the snapshot has them. */
  leaving: PostFacts[];
  /** Per window, the brand's unanswered published fails that passed the grace line since its row's instant. */
  passedGrace: Map<StatWindow, number>;
}

/**
 * Reads a move of the brand's windows to `now` in one snapshot. Call it holding the brand's adding
 * turn (or its figures alone), with its rows locked: they still describe the windows before the move.
 */
export async function readWindowMove(
  db: Db,
  brandId: number,
  ranges: readonly LeavingRange[],
  now: Date,
): Promise<WindowMoveReading> {
  const [row] = rowsOf<{ taken: unknown; leaving: unknown; passed: unknown }>(
    await db.execute(sql`
      with taken as (${takeQueue(brandId)}),
      leaving as (${factsQuery(leavingPosts(brandId, ranges))}),
      passed as (
        -- In the window as it was (a fail that passes the line as it leaves enters and leaves at once).
        select s."window", (
          select count(*)::int from posts p
          where p.brand_id = ${brandId} and p.kind = 'fail' and p.visibility = 'published'
            and p.first_brand_reply_at is null
            and p.created_at > s.computed_at - make_interval(hours => ${RESPONSE_GRACE_HOURS})
            and p.created_at <= ${now.toISOString()}::timestamptz - make_interval(hours => ${RESPONSE_GRACE_HOURS})
            and (s.window_start is null or p.created_at >= s.window_start)) as count
        from brand_stats s where s.brand_id = ${brandId})
      select
        (select coalesce(json_agg(json_build_object('id', id, 'delta', delta)), '[]') from taken) as taken,
        (select coalesce(json_agg(leaving), '[]') from leaving) as leaving,
        (select coalesce(json_object_agg("window", count), '{}') from passed) as passed`),
  );
  return {
    queued: toDeltas(parsed<QueuedRow[]>(row?.taken ?? '[]')),
    leaving: parsed<FactsRow[]>(row?.leaving ?? '[]').map(toFacts),
    passedGrace: new Map(
      Object.entries(parsed<Record<string, number>>(row?.passed ?? '{}')).map(([window, count]) => [
        window as StatWindow,
        Number(count),
      ]),
    ),
  };
}
