/**
 * Who a session token belongs to, remembered for a minute by each instance so
 * that a signed-in reader's pages do not cost three queries each. It only ever
 * answers reads (GET and HEAD): every request that changes something validates
 * its session in the database (src/middleware.ts).
 *
 * Safety, step by step:
 * - the secret is checked against the stored hash on every hit, in constant
 *   time, exactly as the database path does;
 * - an entry is used only while its session needs no activity write-back
 *   (`checkSessionActivity` says `valid`), so expiry and the hourly refresh
 *   still go through the database;
 * - the database announces every change to an account, its sessions or its
 *   brand memberships on `lf_users` (a trigger, migration 0008); the listener
 *   drops that account's entries, and while it is not connected the cache is
 *   off and empty (a missed announcement would leave a stale entry);
 * - entries live one minute at most whatever happens.
 */
import type { SessionRow } from '../../../db/queries/sessions.ts';
import type { UserRow } from '../../../db/queries/users.ts';
import type { Actor } from '../../domain/policy.ts';
import { checkSessionActivity } from './session-rules.ts';
import { secretMatches } from './tokens.ts';

export interface CachedSession {
  session: SessionRow;
  user: UserRow;
  actor: Actor;
}

interface Entry extends CachedSession {
  cachedAtMilliseconds: number;
}

export interface SessionCacheOptions {
  ttlMilliseconds: number;
  maxEntries: number;
}

export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #options: SessionCacheOptions;
  /** Off until the announcements listener is connected, and whenever it is down. */
  enabled = false;

  constructor(options: SessionCacheOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The session for `id` if cached, fresh, its secret matching and no write-back due; else null. */
  get(id: string, secret: string, now: Date): CachedSession | null {
    if (!this.enabled) return null;
    const entry = this.#entries.get(id);
    if (!entry) return null;
    if (now.getTime() - entry.cachedAtMilliseconds >= this.#options.ttlMilliseconds) {
      this.#entries.delete(id);
      return null;
    }
    if (!secretMatches(secret, entry.session.secretHash)) return null;
    if (checkSessionActivity(entry.session.lastActiveAt, now) !== 'valid') {
      this.#entries.delete(id);
      return null;
    }
    return entry;
  }

  /** Remembers a session the database has just validated. */
  set(value: CachedSession, now: Date): void {
    if (!this.enabled) return;
    if (this.#entries.size >= this.#options.maxEntries) {
      // The oldest first: a Map iterates in insertion order.
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(value.session.id, { ...value, cachedAtMilliseconds: now.getTime() });
  }

  /** Forgets every session of an account (its sessions, rights or profile changed). */
  dropUser(userId: number): void {
    for (const [id, entry] of this.#entries) if (entry.user.id === userId) this.#entries.delete(id);
  }

  clear(): void {
    this.#entries.clear();
  }
}
