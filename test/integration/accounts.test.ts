/**
 * Every account flow through its command, on a real migrated database, with a
 * mailer that keeps the messages so the tests can follow the links.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { brands, jobs, posts, sessions, users } from '../../db/schema.ts';
import { validateSessionToken } from '../../src/server/auth/session.ts';
import * as accounts from '../../src/server/commands/accounts.ts';
import { runDueJobs } from '../../src/server/job-runner.ts';
import { commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, failingAtCommit, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer, tokenFrom, type CapturingMailer } from '../helpers/mailer.ts';

let database: TestDatabase;
let mailer: CapturingMailer;
let now: Date;
let ip = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  mailer = createCapturingMailer();
  now = new Date('2026-06-15T12:00:00Z');
  ip++;
  // Each test starts from empty accounts and counters.
  await database.db.execute(
    sql`truncate users, sessions, email_tokens, rate_limit_buckets, brands, posts, jobs restart identity cascade`,
  );
});

const deps = (overrides: Partial<accounts.AccountDeps> = {}): accounts.AccountDeps =>
  commandDeps(database.db, { mailer, now, ipAddress: `203.0.113.${ip}`, ...overrides });
const later = (seconds: number) => deps({ now: new Date(now.getTime() + seconds * 1000) });
/** A reset request, then the background job that mails the link. */
async function requestReset(email: string) {
  const result = await accounts.requestPasswordReset(deps(), { email });
  await runDueJobs({
    db: database.db,
    mailer,
    now,
    allowPrivateWebhookTargets: false,
    siteUrl: 'https://board.example',
  });
  return result;
}
const PASSWORD = 'correct horse battery';

async function signUpAndVerify(email = 'ana@test.example') {
  await accounts.signUp(deps(), { email, displayName: 'Ana', password: PASSWORD });
  const verified = await accounts.verifyEmail(deps(), tokenFrom(mailer.lastTo(email)));
  if (!verified.ok) throw new Error('verification failed');
  return (await database.db.select().from(users).where(eq(users.email, email)))[0]!;
}

describe('signing up', () => {
  it('creates an unverified account and mails a link that verifies it and logs the person in', async () => {
    expect(
      await accounts.signUp(deps(), { email: 'ana@test.example', displayName: 'Ana', password: PASSWORD }),
    ).toEqual({ ok: true });
    const [created] = await database.db.select().from(users);
    expect(created?.emailVerifiedAt).toBeNull();
    expect(created?.passwordHash).toMatch(/^\$argon2id\$/);
    const mail = mailer.lastTo('ana@test.example');
    expect(mail.text).toContain('https://board.example/verify-email?token=');

    const verified = await accounts.verifyEmail(deps(), tokenFrom(mail));
    expect(verified.ok).toBe(true);
    const [after] = await database.db.select().from(users);
    expect(after?.emailVerifiedAt).toEqual(now);
    if (verified.ok)
      expect((await validateSessionToken(database.db, verified.sessionToken, now)).user?.id).toBe(
        created!.id,
      );
  });

  it('uses a verification link only once', async () => {
    await accounts.signUp(deps(), { email: 'ana@test.example', displayName: 'Ana', password: PASSWORD });
    const token = tokenFrom(mailer.lastTo('ana@test.example'));
    expect((await accounts.verifyEmail(deps(), token)).ok).toBe(true);
    expect(await accounts.verifyEmail(deps(), token)).toEqual({ ok: false, reason: 'invalid_token' });
  });

  it('refuses an expired or tampered link', async () => {
    await accounts.signUp(deps(), { email: 'ana@test.example', displayName: 'Ana', password: PASSWORD });
    const token = tokenFrom(mailer.lastTo('ana@test.example'));
    const tampered = `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
    expect((await accounts.verifyEmail(deps(), tampered)).ok).toBe(false);
    expect((await accounts.verifyEmail(later(48 * 3600 + 1), token)).ok).toBe(false);
  });

  it('answers a known address exactly like an unknown one, and tells its owner instead', async () => {
    await signUpAndVerify();
    mailer.sent.length = 0;
    const again = await accounts.signUp(deps(), {
      email: 'ana@test.example',
      displayName: 'Impostor',
      password: 'another long password',
    });
    expect(again).toEqual({ ok: true });
    expect(await database.db.$count(users)).toBe(1);
    expect(mailer.lastTo('ana@test.example').subject).toContain('Someone tried to sign up');
  });

  it('limits sign-ups from one IP address to 5 an hour', async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (await accounts.signUp(deps(), { email: `p${i}@test.example`, displayName: 'P', password: PASSWORD }))
          .ok,
      ).toBe(true);
    }
    const refused = await accounts.signUp(deps(), {
      email: 'p9@test.example',
      displayName: 'P',
      password: PASSWORD,
    });
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await database.db.$count(users)).toBe(5);
    expect(
      (await accounts.signUp(later(3601), { email: 'p9@test.example', displayName: 'P', password: PASSWORD }))
        .ok,
    ).toBe(true);
  });
});

describe('logging in', () => {
  it('starts a new session for the right password', async () => {
    const user = await signUpAndVerify();
    const result = await accounts.logIn(deps(), { email: 'ana@test.example', password: PASSWORD });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect((await validateSessionToken(database.db, result.sessionToken, now)).user?.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown address alike', async () => {
    await signUpAndVerify();
    const wrong = await accounts.logIn(deps(), { email: 'ana@test.example', password: 'not the password' });
    const unknown = await accounts.logIn(deps(), {
      email: 'nobody@test.example',
      password: 'not the password',
    });
    expect(wrong).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(unknown).toEqual(wrong);
  });

  it('refuses the 11th attempt on one account within 15 minutes, even with the right password', async () => {
    await signUpAndVerify();
    for (let i = 0; i < 10; i++)
      await accounts.logIn(deps(), { email: 'ana@test.example', password: 'wrong password' });
    expect(await accounts.logIn(deps(), { email: 'ana@test.example', password: PASSWORD })).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
    expect((await accounts.logIn(later(15 * 60), { email: 'ana@test.example', password: PASSWORD })).ok).toBe(
      true,
    );
  });
});

describe('resetting a password', () => {
  it('mails a one-hour link to a known address only, answering both alike', async () => {
    await signUpAndVerify();
    mailer.sent.length = 0;
    expect(await requestReset('nobody@test.example')).toEqual({ ok: true });
    expect(mailer.sent).toHaveLength(0);
    expect(await requestReset('ana@test.example')).toEqual({ ok: true });
    const token = tokenFrom(mailer.lastTo('ana@test.example'));
    expect((await accounts.resetPassword(later(3601), { token, password: 'a brand new password' })).ok).toBe(
      false,
    );
  });

  it('sets the new password and ends every other session', async () => {
    await signUpAndVerify();
    const other = await accounts.logIn(deps(), { email: 'ana@test.example', password: PASSWORD });
    await requestReset('ana@test.example');
    const reset = await accounts.resetPassword(deps(), {
      token: tokenFrom(mailer.lastTo('ana@test.example')),
      password: 'a brand new password',
    });
    expect(reset.ok).toBe(true);
    if (other.ok) expect((await validateSessionToken(database.db, other.sessionToken, now)).user).toBeNull();
    expect((await accounts.logIn(deps(), { email: 'ana@test.example', password: PASSWORD })).ok).toBe(false);
    expect(
      (await accounts.logIn(deps(), { email: 'ana@test.example', password: 'a brand new password' })).ok,
    ).toBe(true);
  });

  it('does the same work in the request for a known and an unknown address: one queued job, no mail', async () => {
    await signUpAndVerify();
    mailer.sent.length = 0;
    for (const email of ['ana@test.example', 'nobody@test.example']) {
      await database.db.execute(sql`truncate jobs`);
      expect(await accounts.requestPasswordReset(deps(), { email })).toEqual({ ok: true });
      expect(mailer.sent).toHaveLength(0);
      const queued = await database.db.select({ type: jobs.type }).from(jobs);
      expect(queued.map((job) => job.type)).toEqual(['password_reset']);
    }
  });

  it('makes only the newest link work', async () => {
    await signUpAndVerify();
    await requestReset('ana@test.example');
    const first = tokenFrom(mailer.lastTo('ana@test.example'));
    await requestReset('ana@test.example');
    expect(
      (await accounts.resetPassword(deps(), { token: first, password: 'a brand new password' })).ok,
    ).toBe(false);
  });
});

describe('changing what the account is', () => {
  it('limits password checks per account: after 10 wrong guesses even the right password waits', async () => {
    const user = await signUpAndVerify();
    for (let i = 0; i < 10; i++) {
      const guess = await accounts.deleteAccount(deps(), { userId: user.id, password: `guess ${i}` });
      expect(guess).toEqual({ ok: false, reason: 'wrong_password' });
    }
    const change = { userId: user.id, currentPassword: PASSWORD, newPassword: 'another good password' };
    expect(await accounts.changePassword(deps(), change)).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
    expect(
      await accounts.requestEmailChange(deps(), {
        userId: user.id,
        email: 'new@test.example',
        password: PASSWORD,
      }),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await accounts.changePassword(later(16 * 60), change)).toMatchObject({ ok: true });
  });

  it('changes the password only with the current one, ending the other sessions', async () => {
    const user = await signUpAndVerify();
    const other = await accounts.logIn(deps(), { email: 'ana@test.example', password: PASSWORD });
    expect(
      await accounts.changePassword(deps(), {
        userId: user.id,
        currentPassword: 'nope nope nope',
        newPassword: 'x'.repeat(12),
      }),
    ).toEqual({
      ok: false,
      reason: 'wrong_password',
    });
    const changed = await accounts.changePassword(deps(), {
      userId: user.id,
      currentPassword: PASSWORD,
      newPassword: 'another fine password',
    });
    expect(changed.ok).toBe(true);
    if (other.ok) expect((await validateSessionToken(database.db, other.sessionToken, now)).user).toBeNull();
    if (changed.ok)
      expect((await validateSessionToken(database.db, changed.sessionToken, now)).user?.id).toBe(user.id);
  });

  it('changes the e-mail address once the new one is confirmed', async () => {
    const user = await signUpAndVerify();
    expect(
      await accounts.requestEmailChange(deps(), {
        userId: user.id,
        email: 'ana.new@test.example',
        password: PASSWORD,
      }),
    ).toEqual({ ok: true });
    expect((await database.db.select().from(users))[0]?.email).toBe('ana@test.example');
    const result = await accounts.confirmEmailChange(
      deps(),
      tokenFrom(mailer.lastTo('ana.new@test.example')),
    );
    expect(result).toEqual({ ok: true });
    expect((await database.db.select().from(users))[0]?.email).toBe('ana.new@test.example');
  });

  it('does not reveal that the new address already has an account', async () => {
    const user = await signUpAndVerify();
    await signUpAndVerify('bo@test.example');
    mailer.sent.length = 0;
    expect(
      await accounts.requestEmailChange(deps(), {
        userId: user.id,
        email: 'bo@test.example',
        password: PASSWORD,
      }),
    ).toEqual({ ok: true });
    expect(mailer.lastTo('bo@test.example').subject).toContain('Someone tried');
  });

  it('lets a person log out one of their sessions but never someone else’s', async () => {
    const ana = await signUpAndVerify();
    const bo = await signUpAndVerify('bo@test.example');
    const [boSession] = await database.db.select().from(sessions).where(eq(sessions.userId, bo.id));
    expect(await accounts.revokeSession(deps(), { userId: ana.id, sessionId: boSession!.id })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await accounts.revokeSession(deps(), { userId: bo.id, sessionId: boSession!.id })).toEqual({
      ok: true,
    });
  });

  it('erases personal data on deletion and signs the posts "former customer"', async () => {
    const user = await signUpAndVerify();
    const [brand] = await database.db
      .insert(brands)
      .values({ slug: 'acme', name: 'Acme', nameKey: 'acme' })
      .returning();
    await database.db.insert(posts).values({
      brandId: brand!.id,
      authorId: user.id,
      kind: 'like',
      title: 'Kind agent',
      story: 'She called back.',
      category: 'attitude',
      channel: 'phone',
      experiencedOn: '2026-06-01',
    });
    expect(await accounts.deleteAccount(deps(), { userId: user.id, password: 'wrong password' })).toEqual({
      ok: false,
      reason: 'wrong_password',
    });
    expect(await accounts.deleteAccount(deps(), { userId: user.id, password: PASSWORD })).toEqual({
      ok: true,
    });
    const [erased] = await database.db.select().from(users);
    expect(erased).toMatchObject({ email: null, passwordHash: null, displayName: 'former customer' });
    expect(await database.db.$count(sessions)).toBe(0);
    expect(await database.db.$count(posts)).toBe(1);
    expect((await accounts.logIn(deps(), { email: 'ana@test.example', password: PASSWORD })).ok).toBe(false);
  });
});

describe('a failed write', () => {
  it('leaves nothing half-written: a sign-up whose token cannot be stored creates no account', async () => {
    const failing = deps({
      db: failingAtCommit(database.db, 'disk full'),
    });
    await expect(
      accounts.signUp(failing, { email: 'ana@test.example', displayName: 'Ana', password: PASSWORD }),
    ).rejects.toThrow('disk full');
    expect(await database.db.$count(users)).toBe(0);
    expect(mailer.sent).toHaveLength(0);
  });
});
