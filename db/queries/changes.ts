/**
 * "Something readers see has changed": a PostgreSQL notification on one
 * channel, sent inside the writer's transaction, so it is delivered to every
 * listening instance when (and only if) the transaction commits. The page
 * cache (src/server/page-cache.ts, decision 005) evicts what it names; live
 * updates can listen to the same channel.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

export const CHANGES_CHANNEL = 'lf_changes';

export interface Change {
  /** The brand whose pages and figures changed; null when no brand is concerned. */
  brandId: number | null;
  /** The post whose page changed; null when no single post is concerned. */
  postId: number | null;
}

/** Announces a change; call it with the transaction that makes the change. */
export async function announceChange(db: Db, change: Change): Promise<void> {
  const payload = JSON.stringify({ brandId: change.brandId, postId: change.postId });
  await db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`);
}

/** Reads a notification's payload; anything malformed means "everything may have changed". */
export function parseChange(payload: string): Change {
  try {
    const value = JSON.parse(payload) as { brandId?: unknown; postId?: unknown };
    const id = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
    return { brandId: id(value.brandId), postId: id(value.postId) };
  } catch {
    return { brandId: null, postId: null };
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
