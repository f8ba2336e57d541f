/**
 * Rules that a race could break, tried with parallel writers on PostgreSQL
 * (PGlite runs one statement at a time and would hide them): one account per
 * e-mail, one brand per name, one post per title and brand a day, and a
 * thread's promises planned and applied under the post's lock: one pending
 * promise, each settled once.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brands, posts, promises, threadEvents, users } from '../../db/schema.ts';
import { signUp } from '../../src/server/commands/accounts.ts';
import { replyAsBrand } from '../../src/server/commands/brand-replies.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { runMaintenance } from '../../src/server/maintenance.ts';
import { createBrand, createPerson, joinTeam, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';

const PARALLEL = 20;
let database: TestDatabase;
beforeAll(async () => {
  if (usingPostgres) database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const deps = (i: number): CommandDeps => commandDeps(database.db, { ipAddress: `203.0.113.${i + 1}` });

describe.skipIf(!usingPostgres)('parallel writes on PostgreSQL', () => {
  it('20 sign-ups with one e-mail make one account and answer every one of them the same', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, i) =>
        signUp(deps(i), {
          email: 'twin@test.example',
          displayName: `Twin ${i}`,
          password: 'a long enough password 1',
        }),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(results.every((result) => result.status === 'fulfilled' && result.value.ok)).toBe(true);
    const [row] = await database.db
      .select({ n: count() })
      .from(users)
      .where(eq(users.email, 'twin@test.example'));
    expect(row!.n).toBe(1);
  });

  it('20 posts creating the same new brand create it once; the others are pointed to it', async () => {
    const authors = await Promise.all(Array.from({ length: PARALLEL }, () => createPerson(database.db)));
    const results = await Promise.allSettled(
      authors.map((author, i) =>
        createPost(
          deps(i),
          author,
          newPostInput({
            newBrandName: 'Parallel Parcels',
            newBrandWebsite: 'https://parallel-parcels.example',
            newBrandSector: 'ecommerce',
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const outcomes = results.map((result) => (result.status === 'fulfilled' ? result.value : null));
    expect(outcomes.filter((outcome) => outcome?.ok)).toHaveLength(1);
    expect(
      outcomes.filter((outcome) => outcome?.ok === false && outcome.reason === 'existing_brand'),
    ).toHaveLength(PARALLEL - 1);
    const [row] = await database.db
      .select({ n: count() })
      .from(brands)
      .where(eq(brands.domain, 'parallel-parcels.example'));
    expect(row!.n).toBe(1);
  });

  it('20 parallel posts with one title about one brand by one author publish one', async () => {
    const brand = await createBrand(database.db, 'Duplicate Guard Telecom');
    const author = await createPerson(database.db);
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, i) =>
        createPost({ ...deps(i), rateLimitExempt: true }, author, newPostInput({ brandSlug: brand.slug })),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const [row] = await database.db.select({ n: count() }).from(posts).where(eq(posts.brandId, brand.id));
    expect(row!.n).toBe(1);
  });

  /** `count` fails about a new brand with `agents` members, each fail by its own author. */
  async function failsWithTeam(name: string, count: number, agents: number) {
    const brand = await createBrand(database.db, name);
    const team = [];
    for (let i = 0; i < agents; i++) {
      team.push(await joinTeam(database.db, await createPerson(database.db), brand.id));
    }
    const postIds: number[] = [];
    for (let i = 0; i < count; i++) {
      const created = await createPost(
        deps(i),
        await createPerson(database.db),
        newPostInput({ brandSlug: brand.slug }),
      );
      if (!created.ok) throw new Error('fixture post refused');
      postIds.push(created.postId);
    }
    return { team, postIds };
  }

  const eventCount = async (
    postIds: number[],
    type: 'promise_broken' | 'promise_made' | 'promise_replaced',
  ) =>
    (
      await database.db
        .select({ n: count() })
        .from(threadEvents)
        .where(and(inArray(threadEvents.postId, postIds), eq(threadEvents.type, type)))
    )[0]!.n;

  it('20 members promising dates on one fail at once leave one pending promise, the others replaced', async () => {
    const { team, postIds } = await failsWithTeam('Promise Race Telecom', 1, PARALLEL);
    const today = new Date().toISOString().slice(0, 10);
    const results = await Promise.allSettled(
      team.map((agent, i) =>
        replyAsBrand({ ...deps(i), rateLimitExempt: true }, agent, {
          postId: postIds[0]!,
          body: `Member ${i} here: we will fix it by the date below.`,
          promiseDueOn: today,
          escalatedTo: null,
          proposeResolution: false,
        }),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(results.every((result) => result.status === 'fulfilled' && result.value.ok)).toBe(true);
    const outcomes = await database.db
      .select({ outcome: promises.outcome })
      .from(promises)
      .where(eq(promises.postId, postIds[0]!));
    expect(outcomes.filter((row) => row.outcome === 'pending')).toHaveLength(1);
    expect(outcomes.filter((row) => row.outcome === 'replaced')).toHaveLength(PARALLEL - 1);
    expect([
      await eventCount(postIds, 'promise_made'),
      await eventCount(postIds, 'promise_replaced'),
    ]).toEqual([1, PARALLEL - 1]);
    const [post] = await database.db.select().from(posts).where(eq(posts.id, postIds[0]!));
    expect([post!.status, post!.messageCount]).toEqual(['promised', PARALLEL]);
  });

  it('proposals racing the maintenance run on overdue promises settle each promise once', async () => {
    const { team, postIds } = await failsWithTeam('Overdue Race Telecom', PARALLEL / 2, 1);
    const agent = team[0]!;
    const promisedAt = new Date();
    for (const postId of postIds) {
      const promised = await replyAsBrand({ ...deps(0), rateLimitExempt: true }, agent, {
        postId,
        body: 'A technician comes today; we will fix it by the date below.',
        promiseDueOn: promisedAt.toISOString().slice(0, 10),
        escalatedTo: null,
        proposeResolution: false,
      });
      if (!promised.ok) throw new Error('fixture promise refused');
    }
    // Two days on, the promised day is over: the runner breaks it, or a proposal finds it broken.
    const later = new Date(promisedAt.getTime() + 2 * 86_400_000);
    const results = await Promise.allSettled([
      runMaintenance(database.db, later),
      ...postIds.map((postId, i) =>
        replyAsBrand({ ...deps(i), now: later, rateLimitExempt: true }, agent, {
          postId,
          body: 'The technician fixed the line this morning; tell us if it works for you.',
          promiseDueOn: null,
          escalatedTo: null,
          proposeResolution: true,
        }),
      ),
    ]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const rows = await database.db
      .select({ outcome: promises.outcome })
      .from(promises)
      .where(inArray(promises.postId, postIds));
    expect(rows.map((row) => row.outcome)).toEqual(postIds.map(() => 'broken'));
    expect(await eventCount(postIds, 'promise_broken')).toBe(postIds.length);
    const statuses = await database.db
      .select({ status: posts.status })
      .from(posts)
      .where(inArray(posts.id, postIds));
    expect(statuses.map((row) => row.status)).toEqual(postIds.map(() => 'resolution_proposed'));
  });
});
