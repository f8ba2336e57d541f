/**
 * The process's session cache and what keeps it true
 * (src/server/auth/session-cache.ts): it hears the accounts channel through
 * the instance's one listener (src/server/change-listener.ts); while that
 * connection is down the cache is off and empty.
 */
import type { DatabaseHandle } from '../../db/client.ts';
import { parseUserChange, USERS_CHANNEL } from '../../db/queries/changes.ts';
import { subscribeCache } from './change-listener.ts';
import { SessionCache } from './auth/session-cache.ts';

export const SESSION_CACHE_TTL_MILLISECONDS = 60_000;

export const sessionCache = new SessionCache({
  ttlMilliseconds: SESSION_CACHE_TTL_MILLISECONDS,
  maxEntries: 20_000,
});

const listening = new WeakMap<DatabaseHandle, Promise<() => Promise<void>>>();

export function keepSessionCacheFresh(handle: DatabaseHandle, cache: SessionCache = sessionCache) {
  let started = listening.get(handle);
  if (!started) {
    started = subscribeCache(handle, USERS_CHANNEL, cache, {
      name: 'session cache',
      onNotify: (payload) => {
        const userId = parseUserChange(payload);
        if (userId === null) cache.clear();
        else cache.dropUser(userId);
      },
    });
    listening.set(handle, started);
  }
  return started;
}
