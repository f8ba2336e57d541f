import { describe, expect, it } from 'vitest';
import {
  checkSessionActivity,
  SESSION_ACTIVITY_CHECK_INTERVAL_SECONDS,
  SESSION_INACTIVITY_TIMEOUT_SECONDS,
} from '../../src/server/auth/session-rules.ts';
import { deleteSessionCookie, setSessionCookie } from '../../src/server/auth/session.ts';
import { createToken, hashSecret, parseToken, secretMatches } from '../../src/server/auth/tokens.ts';

describe('tokens', () => {
  it('are id.secret, two 24-character base32 strings, and never the same twice', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => createToken().token));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
  });

  it('store only a SHA-256 of the secret, never the secret', () => {
    const { token, secretHash } = createToken();
    const { secret } = parseToken(token)!;
    expect(secretHash).toHaveLength(32);
    expect(Buffer.from(secretHash).toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));
    expect(secretHash).toEqual(hashSecret(secret));
  });

  it('match their own secret and no other (the compare uses the stored hash, not itself)', () => {
    const a = createToken();
    const b = createToken();
    expect(secretMatches(parseToken(a.token)!.secret, a.secretHash)).toBe(true);
    expect(secretMatches(parseToken(b.token)!.secret, a.secretHash)).toBe(false);
    expect(secretMatches(parseToken(a.token)!.secret, a.secretHash.slice(0, 31))).toBe(false);
  });

  it.each([
    '',
    'abc',
    'a.b',
    `${'a'.repeat(24)}.${'1'.repeat(24)}`,
    `${'a'.repeat(24)}${'b'.repeat(24)}`,
    `${'A'.repeat(24)}.${'b'.repeat(24)}`,
  ])('refuse the malformed token %j', (token) => {
    expect(parseToken(token)).toBeNull();
  });
});

describe('session activity', () => {
  const lastActive = new Date('2026-06-01T00:00:00Z');
  const after = (seconds: number) => new Date(lastActive.getTime() + seconds * 1000);

  it('is valid without a write for the first hour', () => {
    expect(checkSessionActivity(lastActive, after(SESSION_ACTIVITY_CHECK_INTERVAL_SECONDS - 1))).toBe(
      'valid',
    );
  });

  it('is refreshed at most hourly while in use', () => {
    expect(checkSessionActivity(lastActive, after(SESSION_ACTIVITY_CHECK_INTERVAL_SECONDS))).toBe(
      'valid-refresh',
    );
  });

  it('expires after 30 days without use', () => {
    expect(SESSION_INACTIVITY_TIMEOUT_SECONDS).toBe(30 * 86_400);
    expect(checkSessionActivity(lastActive, after(SESSION_INACTIVITY_TIMEOUT_SECONDS - 1))).toBe(
      'valid-refresh',
    );
    expect(checkSessionActivity(lastActive, after(SESSION_INACTIVITY_TIMEOUT_SECONDS))).toBe('expired');
  });
});

describe('the session cookie', () => {
  const captured = () => {
    const calls: { name: string; value: string; options: Record<string, unknown> }[] = [];
    const cookies = {
      set: (name: string, value: string, options: Record<string, unknown>) =>
        calls.push({ name, value, options }),
    };
    return { calls, cookies: cookies as unknown as Parameters<typeof setSessionCookie>[0] };
  };

  it('is HttpOnly, SameSite=Lax, site-wide, kept 30 days, and Secure when the site is https', () => {
    const { calls, cookies } = captured();
    setSessionCookie(cookies, 'id.secret', { secure: true });
    setSessionCookie(cookies, 'id.secret', { secure: false });
    expect(calls[0]).toEqual({
      name: 'session',
      value: 'id.secret',
      options: { httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 30 * 86_400 },
    });
    expect(calls[1]?.options['secure']).toBe(false);
  });

  it('is cleared with the same flags and no lifetime', () => {
    const { calls, cookies } = captured();
    deleteSessionCookie(cookies, { secure: true });
    expect(calls[0]).toMatchObject({
      name: 'session',
      value: '',
      options: { httpOnly: true, maxAge: 0, secure: true },
    });
  });
});
