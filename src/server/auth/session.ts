/**
 * Sessions, as lucia-auth.com describes them since the `lucia` package was
 * retired: our own short module on @oslojs/crypto and @oslojs/encoding.
 *
 * - The cookie holds `id.secret`; the database holds the id and SHA-256(secret).
 * - Validation looks the id up, compares the secret's hash in constant time,
 *   and expires sessions after 30 days without activity (src/server/auth/session-rules.ts).
 * - Activity is written back at most hourly; each write also re-issues the
 *   cookie so its Max-Age follows the session.
 * - A new session is created at every log-in and on every change of privilege,
 *   so a token captured before never gains rights.
 */
import type { AstroCookies } from 'astro';
import type { Db } from '../../../db/client.ts';
import {
  deleteIdleSessions,
  deleteSession,
  findSessionWithAccount,
  insertSession,
  touchSession,
  type SessionRow,
} from '../../../db/queries/sessions.ts';
import type { UserRow } from '../../../db/queries/users.ts';
import type { Membership } from '../../domain/policy.ts';
import { checkSessionActivity, SESSION_INACTIVITY_TIMEOUT_SECONDS } from './session-rules.ts';
import { createToken, parseToken, secretMatches } from './tokens.ts';

export const SESSION_COOKIE = 'session';

export interface SessionMeta {
  userAgent: string | null;
  ipAddress: string | null;
}

export async function createSession(
  db: Db,
  userId: number,
  meta: SessionMeta,
  now: Date,
): Promise<{ session: SessionRow; token: string }> {
  const { id, secretHash, token } = createToken();
  const session = await insertSession(db, {
    id,
    secretHash,
    userId,
    createdAt: now,
    lastActiveAt: now,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ipAddress: meta.ipAddress,
  });
  return { session, token };
}

export type SessionValidation =
  | { session: SessionRow; user: UserRow; memberships: Membership[]; refreshed: boolean }
  | { session: null; user: null; memberships: null; refreshed: false };

const invalid: SessionValidation = { session: null, user: null, memberships: null, refreshed: false };

export async function validateSessionToken(db: Db, token: string, now: Date): Promise<SessionValidation> {
  const parts = parseToken(token);
  if (!parts) return invalid;
  const found = await findSessionWithAccount(db, parts.id);
  if (!found || !secretMatches(parts.secret, found.session.secretHash)) return invalid;
  const { session, user } = found;
  const memberships =
    typeof found.memberships === 'string' ? JSON.parse(found.memberships) : found.memberships;
  const activity = checkSessionActivity(session.lastActiveAt, now);
  if (activity === 'expired') {
    await deleteSession(db, session.id);
    return invalid;
  }
  // A suspension ends the account's sessions; one that slipped through (created meanwhile) ends here.
  if (user.deletedAt || user.suspendedAt) {
    await deleteSession(db, session.id);
    return invalid;
  }
  if (activity === 'valid-refresh') {
    await touchSession(db, session.id, now);
    return { session: { ...session, lastActiveAt: now }, user, memberships, refreshed: true };
  }
  return { session, user, memberships, refreshed: false };
}

/**
 * Deletes the sessions that expired without use. Validation deletes an expired
 * session when its cookie comes back; one that never comes back (a cleared
 * browser, a lost phone) would otherwise stay forever. Run by maintenance.
 */
export function sweepExpiredSessions(db: Db, now: Date): Promise<number> {
  return deleteIdleSessions(db, new Date(now.getTime() - SESSION_INACTIVITY_TIMEOUT_SECONDS * 1000));
}

/** Ends the session a token names: one opened for a purpose that then failed, whose cookie nobody got. */
export async function deleteSessionOfToken(db: Db, token: string): Promise<void> {
  const parts = parseToken(token);
  if (parts) await deleteSession(db, parts.id);
}

export interface CookieOptions {
  /** Secure cookies when the site is served over https. */
  secure: boolean;
}

export function setSessionCookie(cookies: AstroCookies, token: string, options: CookieOptions): void {
  cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: SESSION_INACTIVITY_TIMEOUT_SECONDS,
  });
}

export function deleteSessionCookie(cookies: AstroCookies, options: CookieOptions): void {
  cookies.set(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: 0,
  });
}
