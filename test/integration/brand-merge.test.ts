/**
 * Merging a duplicate brand on a real database: everything about it moves to
 * the kept brand, the duplicate stays as a redirecting row, both brands'
 * figures equal a rebuild, and the refusals write nothing.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getBrandWindowStats } from '../../db/queries/stats.ts';
import {
  brandClaims,
  brandMembers,
  brands,
  emailTokens,
  flags,
  moderationActions,
  posts,
  promises,
  threadEvents,
  threadMessages,
  webhookDeliveries,
  webhooks,
} from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { NewPostInput } from '../../src/domain/posting.ts';
import { mergeBrands } from '../../src/server/commands/brand-merge.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { runMaintenance } from '../../src/server/maintenance.ts';
import {
  brandReplies,
  createBrand,
  createPerson,
  joinTeam,
  newPostInput,
  commandDeps,
} from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { maintainedAndRebuilt } from '../helpers/rebuilt-aggregates.ts';

let database: TestDatabase;
const now = new Date('2026-06-15T12:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.db.execute(
    sql`truncate users, brands, posts, rate_limit_buckets, sessions, moderation_actions, email_tokens restart identity cascade`,
  );
});

const deps = (): CommandDeps => commandDeps(database.db, { now });

const input = (brandSlug: string, overrides: Partial<NewPostInput> = {}): NewPostInput =>
  newPostInput({
    brandSlug,
    title: 'Router never shipped',
    story: 'They promised a router by Wednesday and nothing came.',
    experiencedOn: '2026-06-10',
    ...overrides,
  });

async function post(actor: Actor, brandSlug: string, overrides: Partial<NewPostInput> = {}) {
  const result = await createPost(deps(), actor, input(brandSlug, overrides));
  if (!result.ok) throw new Error(`expected a post, got ${JSON.stringify(result)}`);
  return result.postId;
}

const merge = (actor: Actor | null, duplicateSlug: string, keepSlug: string) =>
  mergeBrands(deps(), actor, { duplicateSlug, keepSlug, reason: 'Same company, typo in the name' });

async function board() {
  const db = database.db;
  const kept = await createBrand(db, 'Northwind');
  const duplicate = await createBrand(db, 'Nortwind');
  const moderator = await createPerson(db, { role: 'moderator' });
  const keptOwner = await joinTeam(db, await createPerson(db), kept.id, 'owner');
  const duplicateOwner = await joinTeam(db, await createPerson(db), duplicate.id, 'owner');
  const onBoth = await createPerson(db);
  await joinTeam(db, onBoth, kept.id, 'member');
  await joinTeam(db, onBoth, duplicate.id, 'member');
  const agent = await joinTeam(db, await createPerson(db), duplicate.id, 'member');

  const customer = await createPerson(db);
  const keptPost = await post(customer, kept.slug, { title: 'Kept brand fail' });
  const dupFail = await post(customer, duplicate.slug, { title: 'Duplicate fail' });
  await post(customer, duplicate.slug, { title: 'Duplicate like', kind: 'like' });
  await brandReplies(db, dupFail, agent, duplicate.id, new Date(now.getTime() + 3_600_000));
  await db
    .insert(promises)
    .values({ postId: dupFail, brandId: duplicate.id, madeById: agent.id, dueOn: '2026-06-20' });
  await db
    .insert(threadEvents)
    .values({ postId: dupFail, type: 'case_taken', actorId: agent.id, brandId: duplicate.id });
  await db.insert(flags).values({
    postId: keptPost,
    userId: agent.id,
    flaggerBrandId: duplicate.id,
    reason: 'wrong_brand',
  });
  const [hook] = await db
    .insert(webhooks)
    .values({ brandId: duplicate.id, url: 'https://hooks.example/x', secret: 's', events: ['post.created'] })
    .returning();
  await db.insert(webhookDeliveries).values({ webhookId: hook!.id, event: 'post.created', payload: {} });
  const bothClaimant = await createPerson(db);
  const claimant = await createPerson(db);
  await db.insert(brandClaims).values([
    { brandId: kept.id, userId: bothClaimant.id },
    { brandId: duplicate.id, userId: bothClaimant.id },
    { brandId: duplicate.id, userId: claimant.id },
  ]);
  await db.insert(emailTokens).values({
    id: 'invite1',
    secretHash: new Uint8Array(32),
    purpose: 'team_invite',
    brandId: duplicate.id,
    email: 'new-agent@nortwind.example',
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  return {
    kept,
    duplicate,
    moderator,
    keptOwner,
    duplicateOwner,
    onBoth,
    agent,
    claimant,
    bothClaimant,
    hook: hook!,
  };
}

describe('merging a duplicate brand', () => {
  it('moves posts, replies, promises, events, webhooks, flags and claims, and keeps the duplicate as a redirect', async () => {
    const b = await board();
    const result = await merge(b.moderator, b.duplicate.slug, b.kept.slug);
    expect(result).toEqual({ ok: true, keptSlug: 'northwind', movedPosts: 2 });
    const db = database.db;
    expect(await db.$count(posts, eq(posts.brandId, b.duplicate.id))).toBe(0);
    expect(await db.$count(posts, eq(posts.brandId, b.kept.id))).toBe(3);
    expect(await db.$count(threadMessages, eq(threadMessages.brandId, b.kept.id))).toBe(1);
    expect(await db.$count(promises, eq(promises.brandId, b.kept.id))).toBe(1);
    expect(await db.$count(threadEvents, eq(threadEvents.brandId, b.kept.id))).toBe(1);
    expect((await db.select().from(webhooks))[0]?.brandId).toBe(b.kept.id);
    expect(await db.$count(webhookDeliveries, eq(webhookDeliveries.webhookId, b.hook.id))).toBe(1);
    expect((await db.select().from(flags))[0]?.flaggerBrandId).toBe(b.kept.id);
    const claims = await db.select().from(brandClaims);
    expect(claims.every((claim) => claim.brandId === b.kept.id)).toBe(true);
    // One waiting claim per person and brand: the duplicate's copy is closed.
    expect(
      claims
        .filter((c) => c.userId === b.bothClaimant.id)
        .map((c) => c.status)
        .sort(),
    ).toEqual(['pending', 'rejected']);
    expect(claims.find((c) => c.userId === b.claimant.id)?.status).toBe('pending');
    expect((await db.select().from(emailTokens))[0]?.usedAt).toEqual(now);
    const [duplicate] = await db.select().from(brands).where(eq(brands.id, b.duplicate.id));
    expect(duplicate?.mergedIntoId).toBe(b.kept.id);
    const [action] = await db.select().from(moderationActions);
    expect(action).toMatchObject({ action: 'merge_brands', targetType: 'brand', targetId: b.duplicate.id });
  });

  it('gives one seat per person and one owner: the kept brand’s', async () => {
    const b = await board();
    await merge(b.moderator, b.duplicate.slug, b.kept.slug);
    const team = await database.db.select().from(brandMembers).orderBy(brandMembers.userId);
    expect(team.every((member) => member.brandId === b.kept.id)).toBe(true);
    const roles = Object.fromEntries(team.map((member) => [member.userId, member.role]));
    expect(roles).toEqual({
      [b.keptOwner.id]: 'owner',
      [b.duplicateOwner.id]: 'member',
      [b.onBoth.id]: 'member',
      [b.agent.id]: 'member',
    });
  });

  it('makes the duplicate’s owner the owner when the kept brand had none', async () => {
    const db = database.db;
    const kept = await createBrand(db, 'Northwind');
    const duplicate = await createBrand(db, 'Nortwind');
    const owner = await joinTeam(db, await createPerson(db), duplicate.id, 'owner');
    await merge(await createPerson(db, { role: 'moderator' }), duplicate.slug, kept.slug);
    const [seat] = await db.select().from(brandMembers);
    expect(seat).toMatchObject({ brandId: kept.id, userId: owner.id, role: 'owner' });
  });

  it('rebuilds both brands’ figures: they equal a rebuild, and the duplicate counts nothing', async () => {
    const b = await board();
    await merge(b.moderator, b.duplicate.slug, b.kept.slug);
    const keptStats = await getBrandWindowStats(database.db, b.kept.id, '12m');
    expect({ likes: keptStats.likes, fails: keptStats.fails, answered: keptStats.answered }).toEqual({
      likes: 1,
      fails: 2,
      answered: 1,
    });
    const duplicateStats = await getBrandWindowStats(database.db, b.duplicate.id, '12m');
    expect({ likes: duplicateStats.likes, fails: duplicateStats.fails }).toEqual({ likes: 0, fails: 0 });
    await runMaintenance(database.db, now);
    const { maintained, rebuilt } = await maintainedAndRebuilt(database.db, now);
    expect(maintained).toEqual(rebuilt);
  });

  it('points brands merged into the duplicate earlier at the kept brand (one hop)', async () => {
    const db = database.db;
    const moderator = await createPerson(db, { role: 'moderator' });
    const first = await createBrand(db, 'North Wind');
    const second = await createBrand(db, 'Nortwind');
    const kept = await createBrand(db, 'Northwind');
    await merge(moderator, first.slug, second.slug);
    await merge(moderator, second.slug, kept.slug);
    const rows = await db
      .select({ id: brands.id, into: brands.mergedIntoId })
      .from(brands)
      .orderBy(brands.id);
    expect(rows).toEqual([
      { id: first.id, into: kept.id },
      { id: second.id, into: kept.id },
      { id: kept.id, into: null },
    ]);
  });

  it('sends later posts about the duplicate to the kept brand, even where its slug was remembered, and refuses them to the kept brand’s team', async () => {
    const db = database.db;
    const moderator = await createPerson(db, { role: 'moderator' });
    const kept = await createBrand(db, 'Globex');
    const duplicate = await createBrand(db, 'Globex Corp');
    const customer = await createPerson(db);
    // A first post: the process now remembers which brand the duplicate's slug names.
    await post(customer, duplicate.slug, { title: 'Before the merge' });
    expect((await merge(moderator, duplicate.slug, kept.slug)).ok).toBe(true);

    const keptAgent = await joinTeam(db, await createPerson(db), kept.id, 'member');
    const refused = await createPost(
      deps(),
      keptAgent,
      input(duplicate.slug, { title: 'About my own brand' }),
    );
    expect(refused).toMatchObject({ ok: false, reason: 'refused', refusal: 'conflict_of_interest' });
    expect(await db.$count(posts, eq(posts.authorId, keptAgent.id))).toBe(0);

    const after = await post(customer, duplicate.slug, { title: 'After the merge' });
    const [row] = await db.select({ brandId: posts.brandId }).from(posts).where(eq(posts.id, after));
    expect(row?.brandId).toBe(kept.id);
  });

  it('refuses a merge into itself, into a merged brand, of a merged brand, or of unknown brands', async () => {
    const db = database.db;
    const moderator = await createPerson(db, { role: 'moderator' });
    const a = await createBrand(db, 'Alpha');
    const b = await createBrand(db, 'Bravo');
    const c = await createBrand(db, 'Charlie');
    expect(await merge(moderator, a.slug, a.slug)).toEqual({ ok: false, reason: 'same_brand' });
    await merge(moderator, b.slug, c.slug);
    expect(await merge(moderator, a.slug, b.slug)).toEqual({ ok: false, reason: 'into_merged_brand' });
    expect(await merge(moderator, b.slug, a.slug)).toEqual({ ok: false, reason: 'already_merged' });
    expect(await merge(moderator, 'nobody', a.slug)).toMatchObject({
      reason: 'no_such_brand',
      field: 'duplicateSlug',
    });
    expect(await merge(moderator, a.slug, 'nobody')).toMatchObject({
      reason: 'no_such_brand',
      field: 'keepSlug',
    });
    expect(await db.$count(moderationActions)).toBe(1);
  });

  it('refuses everyone but a moderator, and moves nothing', async () => {
    const b = await board();
    const customer = await createPerson(database.db);
    for (const actor of [
      null,
      customer,
      b.keptOwner,
      b.duplicateOwner,
      { ...b.moderator, suspended: true },
    ]) {
      expect(await merge(actor, b.duplicate.slug, b.kept.slug)).toMatchObject({
        ok: false,
        reason: 'refused',
      });
    }
    expect(await database.db.$count(posts, eq(posts.brandId, b.duplicate.id))).toBe(2);
    expect(await database.db.$count(moderationActions)).toBe(0);
  });
});
