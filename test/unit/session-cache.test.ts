/**
 * The per-instance session cache answers reads only when the database path
 * would have answered the same: right secret, no write-back due, fresh, and
 * not announced as changed.
 */
import { describe, expect, it } from 'vitest';
import { SessionCache, type CachedSession } from '../../src/server/auth/session-cache.ts';
import { createToken } from '../../src/server/auth/tokens.ts';

const now = new Date('2026-11-30T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const seconds = (n: number) => new Date(now.getTime() + n * 1000);

function sessionFor(userId: number, lastActiveAt = now) {
  const { id, secretHash, token } = createToken();
  const value = {
    session: { id, secretHash, userId, createdAt: now, lastActiveAt, userAgent: null, ipAddress: null },
    user: { id: userId, displayName: `User ${userId}` },
    actor: { id: userId, role: 'customer', emailVerified: true, suspended: false, memberships: [] },
  } as unknown as CachedSession;
  return { value, id, secret: token.split('.')[1]! };
}

function enabledCache() {
  const cache = new SessionCache({ ttlMilliseconds: 60_000, maxEntries: 3 });
  cache.enabled = true;
  return cache;
}

describe('the session cache', () => {
  it('answers a cached session when the secret matches, and never with a wrong secret', () => {
    const cache = enabledCache();
    const { value, id, secret } = sessionFor(1);
    cache.set(value, now);
    expect(cache.get(id, secret, seconds(30))?.user.id).toBe(1);
    const wrong = `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
    expect(cache.get(id, wrong, seconds(30))).toBeNull();
    expect(cache.get(id, '', seconds(30))).toBeNull();
  });

  it('forgets an entry after its time to live', () => {
    const cache = enabledCache();
    const { value, id, secret } = sessionFor(1);
    cache.set(value, now);
    expect(cache.get(id, secret, new Date(now.getTime() + 60_000))).toBeNull();
  });

  it('leaves to the database a session whose activity must be written back or that expired', () => {
    const cache = enabledCache();
    const { value, id, secret } = sessionFor(1, new Date(now.getTime() - 59 * 60_000));
    cache.set(value, now);
    expect(cache.get(id, secret, minutes(0))).not.toBeNull();
    expect(cache.get(id, secret, minutes(2))).toBeNull(); // an hour since the last write-back
  });

  it('drops every session of an account announced as changed, and only those', () => {
    const cache = enabledCache();
    const a = sessionFor(1);
    const b = sessionFor(1);
    const c = sessionFor(2);
    for (const s of [a, b, c]) cache.set(s.value, now);
    cache.dropUser(1);
    expect(cache.get(a.id, a.secret, now)).toBeNull();
    expect(cache.get(b.id, b.secret, now)).toBeNull();
    expect(cache.get(c.id, c.secret, now)).not.toBeNull();
  });

  it('neither answers nor stores while its listener is not connected', () => {
    const cache = new SessionCache({ ttlMilliseconds: 60_000, maxEntries: 3 });
    const { value, id, secret } = sessionFor(1);
    cache.set(value, now);
    expect(cache.size).toBe(0);
    cache.enabled = true;
    cache.set(value, now);
    cache.enabled = false;
    expect(cache.get(id, secret, now)).toBeNull();
  });

  it('keeps at most its number of entries, the oldest going first', () => {
    const cache = enabledCache();
    const all = [1, 2, 3, 4].map((userId) => sessionFor(userId));
    for (const s of all) cache.set(s.value, now);
    expect(cache.size).toBe(3);
    expect(cache.get(all[0]!.id, all[0]!.secret, now)).toBeNull();
    expect(cache.get(all[3]!.id, all[3]!.secret, now)).not.toBeNull();
  });
});
