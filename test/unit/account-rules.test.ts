import { describe, expect, it } from 'vitest';
import { isCommonPassword, loginSchema, signupSchema } from '../../src/domain/accounts.ts';
import { safeNextPath } from '../../src/domain/next-path.ts';
import { judgeAttempt, RATE_LIMITS } from '../../src/domain/rate-limits.ts';
import { describeRetry } from '../../src/i18n/limits.ts';
import { isSameOriginRequest } from '../../src/server/security-headers.ts';

describe('sign-up input', () => {
  const valid = { email: '  Ana@Example.COM ', displayName: '  Ana   R. ', password: 'a long enough secret' };

  it('normalises the address and the name', () => {
    expect(signupSchema.parse(valid)).toMatchObject({ email: 'ana@example.com', displayName: 'Ana R.' });
  });

  it.each([
    ['password', 'short1234', 'Use at least 10 characters.'],
    ['password', 'qwertyuiop', 'This password is among the most common ones. Choose another.'],
    ['password', 'Password123', 'This password is among the most common ones. Choose another.'],
    ['email', 'not-an-address', 'Enter an e-mail address like name@example.com.'],
    ['displayName', 'A', 'Use at least 2 characters.'],
    ['displayName', '<script>', 'Use letters, numbers and ordinary punctuation.'],
  ])('refuses %s %j with a message for the person', (field, value, message) => {
    const result = signupSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });

  it('knows common passwords case-insensitively and lets uncommon ones through', () => {
    expect(isCommonPassword('1234567890')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
    expect(isCommonPassword('violet kettle harbour')).toBe(false);
  });
});

describe('where to go after logging in', () => {
  it.each([
    ['/posts/4', '/posts/4'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    [null, '/'],
  ])('%j → %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
    expect(loginSchema.parse({ email: 'a@b.example', password: 'x', next }).next).toBe(expected);
  });
});

describe('rate limits', () => {
  const limit = RATE_LIMITS.loginPerAccount;
  const now = new Date('2026-06-15T12:00:00Z');
  const resetsAt = new Date(now.getTime() + 90_000);

  it('allow exactly the limit and refuse the next attempt', () => {
    expect(judgeAttempt(limit, limit.limit, resetsAt, now)).toEqual({ ok: true, remaining: 0 });
    expect(judgeAttempt(limit, limit.limit + 1, resetsAt, now)).toEqual({ ok: false, retryAfterSeconds: 90 });
    expect(judgeAttempt(limit, 1, resetsAt, now)).toEqual({ ok: true, remaining: limit.limit - 1 });
  });

  it('say when to come back', () => {
    expect(describeRetry(30)).toBe('Too many attempts. Try again in a minute.');
    expect(describeRetry(600)).toBe('Too many attempts. Try again in 10 minutes.');
    expect(describeRetry(7200)).toBe('Too many attempts. Try again in 2 hours.');
    expect(describeRetry(600, 'fr')).toBe('Trop de tentatives. Réessayez dans 10 minutes.');
    expect(describeRetry(3600, 'fr')).toBe('Trop de tentatives. Réessayez dans 1 heure.');
  });
});

describe('the cross-site check', () => {
  const origins = ['https://board.example'];
  const request = (method: string, headers: Record<string, string>) =>
    new Request('https://board.example/_actions/login', { method, headers });

  it('lets reads through from anywhere', () => {
    expect(isSameOriginRequest(request('GET', { origin: 'https://evil.example' }), origins)).toBe(true);
  });

  it('accepts writes from the site itself', () => {
    expect(isSameOriginRequest(request('POST', { origin: 'https://board.example' }), origins)).toBe(true);
    expect(isSameOriginRequest(request('POST', { 'sec-fetch-site': 'same-origin' }), origins)).toBe(true);
  });

  it('refuses writes from another site, or with no origin at all (JSON included)', () => {
    expect(
      isSameOriginRequest(
        request('POST', { origin: 'https://evil.example', 'content-type': 'application/json' }),
        origins,
      ),
    ).toBe(false);
    expect(isSameOriginRequest(request('POST', { 'content-type': 'application/json' }), origins)).toBe(false);
    expect(isSameOriginRequest(request('DELETE', { 'sec-fetch-site': 'cross-site' }), origins)).toBe(false);
  });
});
