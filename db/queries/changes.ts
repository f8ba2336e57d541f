/**
 * "Something readers see has changed": a PostgreSQL notification on one
 * channel, sent inside the writer's transaction, so it is delivered to every
 * listening instance when (and only if) the transaction commits. The page
 * cache (src/server/page-cache.ts, decision 005) evicts what it names; live
 * pages (src/server/live-hub.ts, decision 008) hear it as an event.
 *
 * The same statement records the change in `live_events` — unless it is about
 * a post held for review, which nobody but moderators may know of — and the
 * notification carries that row's id, so a page that reconnects can ask for
 * what it missed. Payload: ids and a kind, never user text.
 */
import { sql } from 'drizzle-orm';
import { LIVE_CHANGE_KINDS, type LiveChangeKind } from '../../src/domain/vocabulary.ts';
import type { Db } from '../client.ts';

export const CHANGES_CHANNEL = 'lf_changes';

export interface Change {
  /** The brand whose pages and figures changed; null when no brand is concerned. */
  brandId: number | null;
  /** The post whose page changed; null when no single post is concerned. */
  postId: number | null;
  /**
   * What live pages should make of it; by default `thread` with a post, `brand` with a brand only,
   * `board` with neither. Writers that make a post appear (published, released) say `post`.
   */
  kind?: LiveChangeKind;
}

/** A change as heard from the channel: `id` is its `live_events` row, null when not recorded. */
export interface AnnouncedChange extends Change {
  id: number | null;
  kind: LiveChangeKind;
}

function kindOf(change: Change): LiveChangeKind {
  if (change.kind) return change.kind;
  if (change.postId !== null) return 'thread';
  return change.brandId !== null ? 'brand' : 'board';
}

/** Announces a change; call it with the transaction that makes the change. */
export async function announceChange(db: Db, change: Change): Promise<void> {
  const kind = kindOf(change);
  await db.execute(sql`
    with recorded as (
      insert into live_events (kind, brand_id, post_id)
      select ${kind}::live_change_kind, ${change.brandId}::integer, ${change.postId}::integer
      where not exists (
        select 1 from posts where id = ${change.postId}::integer and visibility = 'held'
      )
      returning id
    )
    select pg_notify(${CHANGES_CHANNEL}, json_build_object(
      'id', (select id from recorded),
      'kind', ${kind}::text,
      'brandId', ${change.brandId}::integer,
      'postId', ${change.postId}::integer
    )::text)`);
}

/** Reads a notification's payload; anything malformed means "everything may have changed". */
export function parseChange(payload: string): AnnouncedChange {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>;
    const id = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
    const change = { brandId: id(value['brandId']), postId: id(value['postId']) };
    const kind = LIVE_CHANGE_KINDS.find((known) => known === value['kind']) ?? kindOf(change);
    return { id: id(value['id']), kind, ...change };
  } catch {
    return { id: null, kind: 'board', brandId: null, postId: null };
  }
}

/**
 * Changes to an account, its sessions or its brand memberships: announced by
 * database triggers (migration 0008) with the account id as the payload.
 */
export const USERS_CHANNEL = 'lf_users';

/** The account id of a `USERS_CHANNEL` notification, or null when malformed (then forget everyone). */
export function parseUserChange(payload: string): number | null {
  const id = Number(payload);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
