/**
 * The process's page cache and what keeps it true (decision 005): it hears the
 * changes channel through the instance's one listener
 * (src/server/change-listener.ts); every notification evicts what it names.
 * While that connection is down the cache is off (a missed notification would
 * leave a stale page), and it starts empty whenever listening (re)starts.
 */
import type { DatabaseHandle } from '../../db/client.ts';
import { CHANGES_CHANNEL, parseChange } from '../../db/queries/changes.ts';
import { subscribeCache } from './change-listener.ts';
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

const listening = new WeakMap<DatabaseHandle, Map<PageCache, Promise<() => Promise<void>>>>();

/** Connects `cache` to the changes channel of `handle` (once per handle and cache). */
export function keepPageCacheFresh(handle: DatabaseHandle, cache: PageCache = pageCache) {
  let caches = listening.get(handle);
  if (!caches) listening.set(handle, (caches = new Map()));
  let started = caches.get(cache);
  if (!started) {
    started = subscribeCache(handle, CHANGES_CHANNEL, cache, {
      name: 'page cache',
      // The replica must replay a change before a render reads it (decision 010): noted before any
      // render that follows this eviction can start.
      onNotify: (payload) => {
        cache.invalidate(parseChange(payload));
        noteChangeForReplica(handle);
      },
      onConnected: () => noteChangeForReplica(handle),
    });
    const subscription = started;
    caches.set(cache, subscription);
    // Unsubscribing forgets it, so a later call subscribes again.
    started = subscription.then((unsubscribe) => async () => {
      caches.delete(cache);
      await unsubscribe();
    });
  }
  return started;
}
