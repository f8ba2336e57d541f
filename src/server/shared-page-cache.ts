/**
 * The process's page cache and the listener that keeps it true (decision 005):
 * one listening connection per instance on the changes channel; every
 * notification evicts what it names. While that connection is down the cache
 * is off (a missed notification would leave a stale page), and it starts empty
 * whenever listening (re)starts.
 */
import type { DatabaseHandle } from '../../db/client.ts';
import { CHANGES_CHANNEL, parseChange } from '../../db/queries/changes.ts';
import { PageCache } from './page-cache.ts';
import { noteChangeForReplica } from './read-database.ts';

/** Memory the cached pages may take, compressed copies included. */
export const PAGE_CACHE_MAX_BYTES = 32 * 1024 * 1024;
/** Bounds staleness for what changes with time alone (relative dates, "unanswered" after 30 days). */
export const PAGE_CACHE_TTL_MILLISECONDS = 60_000;

export const pageCache = new PageCache({
  maxBytes: PAGE_CACHE_MAX_BYTES,
  ttlMilliseconds: PAGE_CACHE_TTL_MILLISECONDS,
});

const listening = new WeakMap<DatabaseHandle, Promise<() => Promise<void>>>();

/** Connects `cache` to the changes channel of `handle` (once per handle). */
export function keepPageCacheFresh(handle: DatabaseHandle, cache: PageCache = pageCache) {
  let started = listening.get(handle);
  if (!started) {
    started = handle.listen(CHANGES_CHANNEL, {
      // The replica must replay a change before a render reads it (decision 010): noted before any
      // render that follows this eviction can start.
      onNotify: (payload) => {
        cache.invalidate(parseChange(payload));
        noteChangeForReplica(handle);
      },
      onConnected: () => {
        noteChangeForReplica(handle);
        cache.clear();
        cache.enabled = true;
      },
      onDisconnected: () => {
        cache.enabled = false;
        cache.clear();
      },
    });
    started.catch((error: unknown) => console.error('The page cache cannot listen for changes:', error));
    listening.set(handle, started);
  }
  return started;
}
