/**
 * Suspensions on a real database: a moderator suspends an account with a
 * reason, its sessions end at once, it can neither log in nor post, its posts
 * stay marked "account suspended"; lifting restores it. Only moderators may,
 * and never on themselves or another moderator.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getPostPage, listLatestPosts } from '../../db/queries/posts.ts';
import { loadActor } from '../../db/queries/users.ts';
import { moderationActions, sessions, users } from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { NewPostInput } from '../../src/domain/posting.ts';
import { createSession, validateSessionToken } from '../../src/server/auth/session.ts';
import { logIn } from '../../src/server/commands/accounts.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { liftSuspension, suspendAccount } from '../../src/server/commands/suspensions.ts';
import {
  createBrand,
  createPerson,
  FIXTURE_PASSWORD,
  joinTeam,
  newPostInput,
  commandDeps,
} from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
const now = new Date('2026-06-15T12:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.db.execute(
    sql`truncate users, brands, posts, rate_limit_buckets, sessions, moderation_actions restart identity cascade`,
  );
});

const deps = (): CommandDeps => commandDeps(database.db, { now });

const fail = (overrides: Partial<NewPostInput> = {}): NewPostInput =>
  newPostInput({
    brandSlug: 'northwind',
    title: 'Router never shipped',
    story: 'They promised a router by Wednesday and nothing came.',
    experiencedOn: '2026-06-10',
    ...overrides,
  });

async function reload(actor: Actor): Promise<Actor> {
  const [user] = await database.db.select().from(users).where(eq(users.id, actor.id));
  return loadActor(database.db, user!);
}

async function setting() {
  await createBrand(database.db, 'Northwind');
  const moderator = await createPerson(database.db, { role: 'moderator' });
  const customer = await createPerson(database.db);
  const published = await createPost(deps(), customer, fail());
  if (!published.ok) throw new Error('setup failed');
  const { token } = await createSession(database.db, customer.id, deps().meta, now);
  return { moderator, customer, postId: published.postId, token };
}

describe('suspending an account', () => {
  it('ends its sessions at once, records the reason, and leaves an audit row', async () => {
    const { moderator, customer, token } = await setting();
    const result = await suspendAccount(deps(), moderator, {
      userId: customer.id,
      reason: 'Harassing agents',
    });
    expect(result).toEqual({ ok: true });
    expect(await database.db.$count(sessions, eq(sessions.userId, customer.id))).toBe(0);
    expect((await validateSessionToken(database.db, token, now)).user).toBeNull();
    const [user] = await database.db.select().from(users).where(eq(users.id, customer.id));
    expect(user).toMatchObject({ suspendedAt: now, suspendedReason: 'Harassing agents' });
    const [action] = await database.db.select().from(moderationActions);
    expect(action).toMatchObject({
      moderatorId: moderator.id,
      action: 'suspend',
      targetType: 'user',
      targetId: customer.id,
      reason: 'Harassing agents',
    });
  });

  it('blocks log-in with a clear answer only for the right password (no enumeration)', async () => {
    const { moderator, customer } = await setting();
    await suspendAccount(deps(), moderator, { userId: customer.id, reason: 'Spam' });
    expect(await logIn(deps(), { email: customer.email, password: FIXTURE_PASSWORD })).toEqual({
      ok: false,
      reason: 'suspended',
    });
    expect(await logIn(deps(), { email: customer.email, password: 'not the password' })).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
  });

  it('blocks posting, signed in or logging in from the form', async () => {
    const { moderator, customer } = await setting();
    await suspendAccount(deps(), moderator, { userId: customer.id, reason: 'Spam' });
    const suspended = await reload(customer);
    expect(suspended.suspended).toBe(true);
    expect(await createPost(deps(), suspended, fail({ title: 'Another one' }))).toMatchObject({
      ok: false,
      reason: 'refused',
      refusal: 'suspended',
    });
    expect(
      await createPost(
        deps(),
        null,
        fail({ title: 'Another one', loginEmail: customer.email, loginPassword: FIXTURE_PASSWORD }),
      ),
    ).toMatchObject({ ok: false, reason: 'refused', refusal: 'suspended' });
  });

  it('keeps the posts, marked "account suspended" in lists and on the post page', async () => {
    const { moderator, customer, postId } = await setting();
    await suspendAccount(deps(), moderator, { userId: customer.id, reason: 'Spam' });
    const item = (await listLatestPosts(database.db)).items.find((post) => post.id === postId);
    expect(item?.authorSuspended).toBe(true);
    expect((await getPostPage(database.db, postId))?.authorSuspended).toBe(true);
  });

  it('lifting restores log-in and posting, with an audit row', async () => {
    const { moderator, customer, postId } = await setting();
    await suspendAccount(deps(), moderator, { userId: customer.id, reason: 'Spam' });
    expect(
      await liftSuspension(deps(), moderator, { userId: customer.id, reason: 'Appeal accepted' }),
    ).toEqual({
      ok: true,
    });
    expect((await logIn(deps(), { email: customer.email, password: FIXTURE_PASSWORD })).ok).toBe(true);
    const restored = await reload(customer);
    expect(restored.suspended).toBe(false);
    expect((await createPost(deps(), restored, fail({ title: 'A new story' }))).ok).toBe(true);
    expect((await getPostPage(database.db, postId))?.authorSuspended).toBe(false);
    const actions = await database.db.select({ action: moderationActions.action }).from(moderationActions);
    expect(actions.map((row) => row.action)).toEqual(['suspend', 'unsuspend']);
  });

  it('answers "already suspended" and "not suspended" without a second audit row', async () => {
    const { moderator, customer } = await setting();
    await suspendAccount(deps(), moderator, { userId: customer.id, reason: 'Spam' });
    expect(await suspendAccount(deps(), moderator, { userId: customer.id, reason: 'Spam' })).toEqual({
      ok: false,
      reason: 'already_suspended',
    });
    await liftSuspension(deps(), moderator, { userId: customer.id, reason: 'ok' });
    expect(await liftSuspension(deps(), moderator, { userId: customer.id, reason: 'ok' })).toEqual({
      ok: false,
      reason: 'not_suspended',
    });
    expect(await database.db.$count(moderationActions)).toBe(2);
  });

  it('refuses non-moderators, self-suspension and suspending another moderator', async () => {
    const { moderator, customer } = await setting();
    const otherModerator = await createPerson(database.db, { role: 'moderator' });
    const brand = await createBrand(database.db, 'Southwind');
    const owner = await joinTeam(database.db, await createPerson(database.db), brand.id, 'owner');
    const other = await createPerson(database.db);
    for (const actor of [null, other, owner]) {
      expect(await suspendAccount(deps(), actor, { userId: customer.id, reason: 'No' })).toMatchObject({
        ok: false,
        reason: 'refused',
      });
      expect(await liftSuspension(deps(), actor, { userId: customer.id, reason: 'No' })).toMatchObject({
        ok: false,
        reason: 'refused',
      });
    }
    expect(await suspendAccount(deps(), moderator, { userId: moderator.id, reason: 'Me' })).toEqual({
      ok: false,
      reason: 'refused',
      refusal: 'forbidden',
    });
    expect(await suspendAccount(deps(), moderator, { userId: otherModerator.id, reason: 'Them' })).toEqual({
      ok: false,
      reason: 'refused',
      refusal: 'forbidden',
    });
    expect(await database.db.$count(moderationActions)).toBe(0);
    expect(
      (await database.db.select().from(users).where(eq(users.id, customer.id)))[0]?.suspendedAt,
    ).toBeNull();
  });
});
