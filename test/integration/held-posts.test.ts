/**
 * Likes held for review on a real database: a burst of likes for one brand
 * from new accounts is held inside createPost's transaction, counts nowhere,
 * and a moderator releases it (counted from then on) or removes it. Every
 * change leaves the maintained figures equal to a rebuild (decision 004).
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listBrandPosts, listLatestPosts } from '../../db/queries/posts.ts';
import { listHeldPosts } from '../../db/queries/held-posts.ts';
import { searchPosts } from '../../db/queries/search.ts';
import { getBrandWindowStats } from '../../db/queries/stats.ts';
import { moderationActions, posts, threadEvents, users } from '../../db/schema.ts';
import { publicReason } from '../../src/domain/moderation-decisions.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { NewPostInput } from '../../src/domain/posting.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { decideHeldPost } from '../../src/server/commands/held-posts.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { runMaintenance } from '../../src/server/maintenance.ts';
import { createBrand, createPerson, joinTeam, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { maintainedAndRebuilt } from '../helpers/rebuilt-aggregates.ts';

let database: TestDatabase;
let now: Date;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  now = new Date('2026-06-15T12:00:00Z');
  await database.db.execute(
    sql`truncate users, brands, posts, rate_limit_buckets, sessions, moderation_actions restart identity cascade`,
  );
});

const deps = (): CommandDeps => commandDeps(database.db, { now });

const like = (overrides: Partial<NewPostInput> = {}): NewPostInput =>
  newPostInput({
    kind: 'like',
    brandSlug: 'northwind',
    title: 'Wonderful service, fixed in minutes',
    story: 'The agent called back within minutes and fixed the line.',
    category: 'responsiveness',
    experiencedOn: '2026-06-14',
    ...overrides,
  });

/** A verified customer whose account was created `ageHours` before `now`. */
async function personAged(ageHours: number): Promise<Actor> {
  const person = await createPerson(database.db);
  await database.db
    .update(users)
    .set({ createdAt: new Date(now.getTime() - ageHours * 3_600_000) })
    .where(eq(users.id, person.id));
  return person;
}

async function post(actor: Actor, overrides: Partial<NewPostInput> = {}) {
  const result = await createPost(deps(), actor, like(overrides));
  if (!result.ok) throw new Error(`expected a post, got ${JSON.stringify(result)}`);
  return result;
}

const visibilityOf = async (postId: number) =>
  (await database.db.select({ v: posts.visibility }).from(posts).where(eq(posts.id, postId)))[0]?.v;

async function expectFiguresEqualRebuild() {
  // What the background runner does every few seconds (windows, and figures writes asked to refresh).
  await runMaintenance(database.db, now);
  const { maintained, rebuilt } = await maintainedAndRebuilt(database.db, now);
  expect(maintained).toEqual(rebuilt);
}

/** Two new accounts like Northwind, then a third one's like arrives in the same hour. */
async function burst() {
  const brand = await createBrand(database.db, 'Northwind');
  await post(await personAged(2));
  now = new Date(now.getTime() + 10 * 60_000);
  await post(await personAged(5));
  now = new Date(now.getTime() + 10 * 60_000);
  const third = await personAged(1);
  const held = await post(third);
  return { brand, held, author: third };
}

describe('holding a burst of likes from new accounts', () => {
  it('publishes the first two likes and holds the third, which counts nowhere', async () => {
    const { brand, held } = await burst();
    expect(held.held).toBe(true);
    expect(await visibilityOf(held.postId)).toBe('held');
    expect((await getBrandWindowStats(database.db, brand.id, '12m')).likes).toBe(2);
    expect((await listLatestPosts(database.db)).items.map((p) => p.id)).not.toContain(held.postId);
    expect((await listBrandPosts(database.db, brand.id, {}, { now })).items.map((p) => p.id)).not.toContain(
      held.postId,
    );
    expect((await searchPosts(database.db, 'wonderful')).items.map((p) => p.id)).not.toContain(held.postId);
    expect((await listHeldPosts(database.db)).map((p) => p.id)).toEqual([held.postId]);
    await expectFiguresEqualRebuild();
  });

  it('publishes a like from an account older than 48 hours, even in a burst', async () => {
    await burst();
    const veteran = await personAged(49);
    expect((await post(veteran)).held).toBe(false);
  });

  it('never holds a fail', async () => {
    await burst();
    const result = await post(await personAged(1), { kind: 'fail', title: 'Line cut for a week' });
    expect(result.held).toBe(false);
  });

  it('does not count likes older than an hour in the burst', async () => {
    await createBrand(database.db, 'Northwind');
    await post(await personAged(2));
    await post(await personAged(2));
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await post(await personAged(2))).held).toBe(false);
  });
});

describe('a moderator deciding on a held like', () => {
  it('releases it: published, counted from then on, in the audit log', async () => {
    const { brand, held } = await burst();
    const moderator = await createPerson(database.db, { role: 'moderator' });
    const result = await decideHeldPost(deps(), moderator, {
      postId: held.postId,
      decision: 'release',
      reason: undefined,
      explanation: '',
    });
    expect(result).toEqual({ ok: true });
    expect(await visibilityOf(held.postId)).toBe('published');
    expect((await getBrandWindowStats(database.db, brand.id, '12m')).likes).toBe(3);
    expect((await listLatestPosts(database.db)).items.map((p) => p.id)).toContain(held.postId);
    const [row] = await database.db.select().from(moderationActions);
    expect(row).toMatchObject({ moderatorId: moderator.id, action: 'hold_release', targetType: 'post' });
    await expectFiguresEqualRebuild();
  });

  it('removes it with a reason: removed, never counted, in the audit log', async () => {
    const { brand, held } = await burst();
    const moderator = await createPerson(database.db, { role: 'moderator' });
    const result = await decideHeldPost(deps(), moderator, {
      postId: held.postId,
      decision: 'remove',
      reason: 'fake',
      explanation: 'Part of a run of accounts created to praise this brand.',
    });
    expect(result).toEqual({ ok: true });
    const [row] = await database.db.select().from(posts).where(eq(posts.id, held.postId));
    expect(row).toMatchObject({
      visibility: 'removed',
      removalReason: 'Part of a run of accounts created to praise this brand.',
    });
    expect((await getBrandWindowStats(database.db, brand.id, '12m')).likes).toBe(2);
    const [action] = await database.db
      .select()
      .from(moderationActions)
      .where(and(eq(moderationActions.action, 'hold_remove'), eq(moderationActions.targetId, held.postId)));
    expect(action).toMatchObject({ reason: 'fake', moderatorId: moderator.id });
    // The thread's notice reads like any other removal's ("Label: explanation").
    const [event] = await database.db
      .select({ data: threadEvents.data })
      .from(threadEvents)
      .where(and(eq(threadEvents.postId, held.postId), eq(threadEvents.type, 'removed')));
    expect(event?.data).toEqual({
      reason: publicReason({
        reason: 'fake',
        explanation: 'Part of a run of accounts created to praise this brand.',
      }),
      code: 'fake',
    });
    await expectFiguresEqualRebuild();
  });

  it('answers "not found" when the post is no longer held (decided twice)', async () => {
    const { held } = await burst();
    const moderator = await createPerson(database.db, { role: 'moderator' });
    const release = { postId: held.postId, decision: 'release' as const, reason: undefined, explanation: '' };
    await decideHeldPost(deps(), moderator, release);
    expect(await decideHeldPost(deps(), moderator, release)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('refuses anyone but a moderator, and writes nothing', async () => {
    const { brand, held, author } = await burst();
    const customer = await createPerson(database.db);
    const owner = await joinTeam(database.db, await createPerson(database.db), brand.id, 'owner');
    const suspendedModerator = {
      ...(await createPerson(database.db, { role: 'moderator' })),
      suspended: true,
    };
    for (const actor of [null, customer, owner, author, suspendedModerator]) {
      for (const decision of ['release', 'remove'] as const) {
        const result = await decideHeldPost(deps(), actor, {
          postId: held.postId,
          decision,
          reason: 'spam',
          explanation: 'Not allowed to decide this.',
        });
        expect(result).toMatchObject({ ok: false, reason: 'refused' });
      }
    }
    expect(await visibilityOf(held.postId)).toBe('held');
    expect(await database.db.$count(moderationActions)).toBe(0);
  });
});
