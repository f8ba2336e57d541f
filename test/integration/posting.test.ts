/**
 * The posting commands on a real database: each rule refuses without writing,
 * each success writes everything (post, thread, events, aggregates) at once.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listLatestPosts } from '../../db/queries/posts.ts';
import { getBrandWindowStats } from '../../db/queries/stats.ts';
import {
  brands,
  meToos,
  postRevisions,
  posts,
  sessions,
  threadEvents,
  threadMessages,
  verdicts,
} from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { NewPostInput } from '../../src/domain/posting.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import * as commands from '../../src/server/commands/posts.ts';
import {
  brandReplies,
  createBrand,
  createPerson,
  FIXTURE_PASSWORD,
  joinTeam,
  newPostInput,
  commandDeps,
} from '../fixtures/board.ts';
import { createTestDatabase, failingAtCommit, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let now: Date;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  now = new Date('2026-06-15T12:00:00Z');
  await database.db.execute(
    sql`truncate users, brands, posts, rate_limit_buckets, sessions restart identity cascade`,
  );
});

const deps = (overrides: Partial<CommandDeps> = {}): CommandDeps =>
  commandDeps(database.db, { now, ...overrides });

const input = (overrides: Partial<NewPostInput> = {}): NewPostInput =>
  newPostInput({
    brandSlug: 'northwind',
    title: 'Router never shipped',
    story: 'They promised a router by Wednesday and nothing came.',
    experiencedOn: '2026-06-10',
    waitMinutes: 30,
    ...overrides,
  });

async function setting() {
  const brand = await createBrand(database.db, 'Northwind');
  const customer = await createPerson(database.db);
  return { brand, customer };
}

async function publish(actor: Actor, overrides: Partial<NewPostInput> = {}) {
  const result = await commands.createPost(deps(), actor, input(overrides));
  if (!result.ok) throw new Error(`expected a post, got ${JSON.stringify(result)}`);
  return result.postId;
}

describe('publishing', () => {
  it('writes a fail as waiting, shows it in the feed at once, and counts it in the brand figures', async () => {
    const { brand, customer } = await setting();
    const postId = await publish(customer);
    const [post] = await database.db.select().from(posts).where(eq(posts.id, postId));
    expect(post).toMatchObject({ kind: 'fail', status: 'waiting', authorId: customer.id, waitMinutes: 30 });
    expect((await listLatestPosts(database.db)).items[0]?.id).toBe(postId);
    expect((await getBrandWindowStats(database.db, brand.id, '30d')).fails).toBe(1);
  });

  it('writes a like without a status', async () => {
    const { customer } = await setting();
    const postId = await publish(customer, { kind: 'like', title: 'Kind agent on the phone' });
    expect((await database.db.select().from(posts).where(eq(posts.id, postId)))[0]?.status).toBeNull();
  });

  it('creates a new brand with its normalised domain', async () => {
    const customer = await createPerson(database.db);
    const postId = await publish(customer, {
      brandSlug: null,
      newBrandName: 'Café Électrique',
      newBrandWebsite: 'https://www.Cafe-Electrique.example/contact',
      newBrandSector: 'retail',
    });
    const [brand] = await database.db.select().from(brands);
    expect(brand).toMatchObject({
      slug: 'cafe-electrique',
      domain: 'cafe-electrique.example',
      sector: 'retail',
    });
    expect((await database.db.select().from(posts).where(eq(posts.id, postId)))[0]?.brandId).toBe(brand!.id);
  });

  it.each([
    ['the same domain', { newBrandName: 'Totally Different', newBrandWebsite: 'northwind.example' }],
    [
      'the same name in other case and accents',
      { newBrandName: 'NÖRTHWIND', newBrandWebsite: 'other.example' },
    ],
    [
      'the name with a zero-width space inside',
      { newBrandName: 'North\u200bwind', newBrandWebsite: 'other.example' },
    ],
    [
      'the name with a Cyrillic look-alike letter',
      { newBrandName: 'Nоrthwind', newBrandWebsite: 'other.example' },
    ],
    [
      'the name with a right-to-left override',
      { newBrandName: '\u202eNorthwind', newBrandWebsite: 'other.example' },
    ],
  ])('suggests the existing brand for %s instead of creating a duplicate', async (_label, brandFields) => {
    await setting();
    const customer = await createPerson(database.db);
    const result = await commands.createPost(
      deps(),
      customer,
      input({ brandSlug: null, newBrandSector: 'telecom', ...brandFields }),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'existing_brand',
      brand: { slug: 'northwind', name: 'Northwind' },
    });
    expect(await database.db.$count(brands)).toBe(1);
    expect(await database.db.$count(posts)).toBe(0);
  });

  it.each([
    ['Crédit Agricole', 'credit-agricole.example'],
    ['Société Générale', 'societe-generale.example'],
    ['Électricité', 'electricite.example'],
  ])('creates the French brand %j beside Northwind and shows its accents', async (name, website) => {
    await setting();
    const customer = await createPerson(database.db);
    const postId = await publish(customer, {
      brandSlug: null,
      newBrandName: name,
      newBrandWebsite: website,
      newBrandSector: 'banking',
    });
    const [post] = await database.db.select().from(posts).where(eq(posts.id, postId));
    const [brand] = await database.db.select().from(brands).where(eq(brands.id, post!.brandId));
    expect(brand?.name).toBe(name);
    expect(await database.db.$count(brands)).toBe(2);
  });

  it('refuses an account whose e-mail is not confirmed', async () => {
    await setting();
    const unverified = await createPerson(database.db, { verified: false });
    expect(await commands.createPost(deps(), unverified, input())).toEqual({
      ok: false,
      reason: 'refused',
      refusal: 'verify_email',
    });
    expect(await database.db.$count(posts)).toBe(0);
  });

  it('refuses a brand member posting about their own brand, but not about another', async () => {
    const { brand } = await setting();
    const member = await joinTeam(database.db, await createPerson(database.db), brand.id);
    expect(await commands.createPost(deps(), member, input())).toEqual({
      ok: false,
      reason: 'refused',
      refusal: 'conflict_of_interest',
    });
    await createBrand(database.db, 'Other Co');
    expect((await commands.createPost(deps(), member, input({ brandSlug: 'other-co' }))).ok).toBe(true);
  });

  it('refuses the same title about the same brand within 24 hours, then allows it', async () => {
    const { customer } = await setting();
    await publish(customer);
    const again = await commands.createPost(deps(), customer, input({ title: 'ROUTER never shipped!' }));
    expect(again).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: { title: expect.stringContaining('24 hours') },
    });
    now = new Date(now.getTime() + 25 * 3_600_000);
    expect((await commands.createPost(deps(), customer, input())).ok).toBe(true);
  });

  it('asks about personal data, then masks it when asked to', async () => {
    const { customer } = await setting();
    const story = 'Their agent said to call 06 12 34 56 78 or mail boss@northwind.example about it.';
    expect(await commands.createPost(deps(), customer, input({ story }))).toMatchObject({
      ok: false,
      reason: 'personal_data',
      found: { emails: ['boss@northwind.example'], phones: ['06 12 34 56 78'] },
    });
    const postId = await publish(customer, { story, personalData: 'mask' });
    const [post] = await database.db.select().from(posts).where(eq(posts.id, postId));
    expect(post?.story).toBe(
      'Their agent said to call [phone number hidden] or mail [e-mail address hidden] about it.',
    );
  });

  it('limits posts to 10 a day per account', async () => {
    const { customer } = await setting();
    for (let i = 0; i < 10; i++) await publish(customer, { title: `Problem number ${i}` });
    expect(await commands.createPost(deps(), customer, input({ title: 'Problem number 11' }))).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
  });

  it('asks a signed-out author to log in, and publishes in the same step when they do', async () => {
    const { customer } = await setting();
    expect(await commands.createPost(deps(), null, input())).toEqual({ ok: false, reason: 'needs_login' });
    expect(
      await commands.createPost(
        deps(),
        null,
        input({ loginEmail: customer.email, loginPassword: 'wrong password' }),
      ),
    ).toEqual({
      ok: false,
      reason: 'login_failed',
    });
    const result = await commands.createPost(
      deps(),
      null,
      input({ loginEmail: customer.email, loginPassword: FIXTURE_PASSWORD }),
    );
    expect(result).toMatchObject({ ok: true, sessionToken: expect.stringMatching(/\./) });
    expect((await database.db.select().from(posts))[0]?.authorId).toBe(customer.id);
    expect(await database.db.$count(sessions, eq(sessions.userId, customer.id))).toBe(1);
  });

  it.each([
    ['asks about personal data', { story: 'Call me on +33 6 12 34 56 78, they never did.' }, 'personal_data'],
    ['dates the experience in the future', { experiencedOn: '2026-07-01' }, 'invalid'],
    ['names a brand that is gone', { brandSlug: 'no-such-brand' }, 'invalid'],
  ] as const)(
    'leaves no session behind when a signed-out author logs in but the post %s',
    async (_what, overrides, reason) => {
      const { customer } = await setting();
      const result = await commands.createPost(
        deps(),
        null,
        input({ ...overrides, loginEmail: customer.email, loginPassword: FIXTURE_PASSWORD }),
      );
      expect(result).toMatchObject({ ok: false, reason });
      expect(await database.db.$count(sessions, eq(sessions.userId, customer.id))).toBe(0);
    },
  );

  it('leaves no session behind when the post a signed-out author logs in for fails to be stored', async () => {
    const { customer } = await setting();
    await expect(
      commands.createPost(
        deps({ db: failingAtCommit(database.db, 'connection lost') }),
        null,
        input({ loginEmail: customer.email, loginPassword: FIXTURE_PASSWORD }),
      ),
    ).rejects.toThrow('connection lost');
    expect(await database.db.$count(sessions, eq(sessions.userId, customer.id))).toBe(0);
  });

  it('leaves nothing half-written when the post cannot be stored after a new brand was', async () => {
    const customer = await createPerson(database.db);
    const failing = deps({
      db: failingAtCommit(database.db, 'connection lost'),
    });
    await expect(
      commands.createPost(
        failing,
        customer,
        input({
          brandSlug: null,
          newBrandName: 'Fresh Co',
          newBrandWebsite: 'fresh.example',
          newBrandSector: 'retail',
        }),
      ),
    ).rejects.toThrow('connection lost');
    expect(await database.db.$count(brands)).toBe(0);
    expect(await database.db.$count(posts)).toBe(0);
  });
});

describe('the thread', () => {
  it('takes follow-ups from the author only', async () => {
    const { customer } = await setting();
    const postId = await publish(customer);
    const stranger = await createPerson(database.db);
    expect(await commands.addFollowUp(deps(), stranger, { postId, body: 'Me neither.' })).toEqual({
      ok: false,
      reason: 'refused',
      refusal: 'forbidden',
    });
    expect(
      await commands.addFollowUp(deps(), customer, { postId, body: 'Still nothing on Friday.' }),
    ).toEqual({ ok: true });
    expect(await database.db.$count(threadMessages, eq(threadMessages.postId, postId))).toBe(1);
    expect((await database.db.select().from(posts).where(eq(posts.id, postId)))[0]?.messageCount).toBe(1);
  });

  it('counts one "me too" per account, never the author’s, and only on fails', async () => {
    const { customer, brand } = await setting();
    const failId = await publish(customer);
    const likeId = await publish(customer, { kind: 'like', title: 'Kind agent on the phone' });
    const other = await createPerson(database.db);
    expect(await commands.sayMeToo(deps(), other, { postId: failId })).toEqual({ ok: true, added: true });
    expect(await commands.sayMeToo(deps(), other, { postId: failId })).toEqual({ ok: true, added: false });
    expect(await commands.sayMeToo(deps(), customer, { postId: failId })).toMatchObject({
      ok: false,
      refusal: 'forbidden',
    });
    expect(await commands.sayMeToo(deps(), other, { postId: likeId })).toMatchObject({
      ok: false,
      refusal: 'forbidden',
    });
    expect(await database.db.$count(meToos)).toBe(1);
    expect((await database.db.select().from(posts).where(eq(posts.id, failId)))[0]?.meTooCount).toBe(1);
    expect((await getBrandWindowStats(database.db, brand.id, '30d')).meToos).toBe(1);
  });

  it('takes the verdict only after a brand reply, and lets it change once', async () => {
    const { customer, brand } = await setting();
    const postId = await publish(customer);
    const verdict = (resolved: boolean, wouldBuyAgain = true) =>
      commands.giveVerdict(deps(), customer, { postId, resolved, wouldBuyAgain });
    expect(await verdict(true)).toEqual({ ok: false, reason: 'no_brand_reply_yet' });

    const agent = await joinTeam(database.db, await createPerson(database.db), brand.id);
    await brandReplies(database.db, postId, agent, brand.id, now);
    expect(await verdict(false, false)).toEqual({ ok: true });
    expect((await database.db.select().from(posts).where(eq(posts.id, postId)))[0]?.status).toBe(
      'not_resolved',
    );
    expect(await verdict(false, false)).toEqual({ ok: false, reason: 'unchanged' });
    expect(await verdict(true)).toEqual({ ok: true });
    expect((await database.db.select().from(posts).where(eq(posts.id, postId)))[0]?.status).toBe('resolved');
    expect(await verdict(false)).toEqual({ ok: false, reason: 'already_changed' });
    expect((await database.db.select().from(verdicts))[0]).toMatchObject({ resolved: true, changeCount: 1 });
    const events = await database.db
      .select({ type: threadEvents.type })
      .from(threadEvents)
      .where(eq(threadEvents.postId, postId));
    expect(events.map((event) => event.type)).toEqual(['verdict', 'verdict_changed']);
    const stats = await getBrandWindowStats(database.db, brand.id, '30d');
    expect([stats.verdicts, stats.resolved, stats.settled]).toEqual([1, 1, 1]);
  });

  it('refuses a verdict from anyone but the author', async () => {
    const { customer, brand } = await setting();
    const postId = await publish(customer);
    const agent = await joinTeam(database.db, await createPerson(database.db), brand.id);
    await brandReplies(database.db, postId, agent, brand.id, now);
    expect(
      await commands.giveVerdict(deps(), agent, { postId, resolved: true, wouldBuyAgain: true }),
    ).toMatchObject({ ok: false, reason: 'refused' });
  });
});

describe('edits and withdrawal', () => {
  it('keeps the replaced version and records the edit', async () => {
    const { customer } = await setting();
    const postId = await publish(customer);
    const result = await commands.editPost(deps({ now: new Date(now.getTime() + 3_600_000) }), customer, {
      postId,
      title: 'Router never shipped, two weeks on',
      story: 'They promised a router by Wednesday and nothing came. Two weeks later, still nothing.',
      category: 'delivery',
      channel: 'email',
    });
    expect(result).toEqual({ ok: true, changed: true });
    const [revision] = await database.db.select().from(postRevisions).where(eq(postRevisions.postId, postId));
    expect(revision).toMatchObject({
      revision: 1,
      title: 'Router never shipped',
      channel: 'phone',
      createdAt: now,
    });
    const [post] = await database.db.select().from(posts).where(eq(posts.id, postId));
    expect(post).toMatchObject({
      title: 'Router never shipped, two weeks on',
      channel: 'email',
      revisionCount: 1,
    });
  });

  it('lets nobody but the author edit', async () => {
    const { customer, brand } = await setting();
    const postId = await publish(customer);
    const owner = await joinTeam(database.db, await createPerson(database.db), brand.id, 'owner');
    const moderator = await createPerson(database.db, { role: 'moderator' });
    for (const actor of [owner, moderator]) {
      expect(
        await commands.editPost(deps(), actor, {
          postId,
          title: 'Nothing happened',
          story: 'x'.repeat(30),
          category: 'other',
          channel: 'other',
        }),
      ).toMatchObject({ ok: false, reason: 'refused' });
    }
    expect(await database.db.$count(postRevisions)).toBe(0);
  });

  it('withdraws a post from the feed and the figures, leaving its page', async () => {
    const { customer, brand } = await setting();
    const postId = await publish(customer);
    expect(await commands.withdrawPost(deps(), customer, { postId })).toEqual({ ok: true });
    expect((await listLatestPosts(database.db)).items).toHaveLength(0);
    expect((await getBrandWindowStats(database.db, brand.id, '30d')).fails).toBe(0);
    expect(
      await database.db
        .select()
        .from(posts)
        .where(and(eq(posts.id, postId), eq(posts.visibility, 'withdrawn'))),
    ).toHaveLength(1);
    expect(await commands.addFollowUp(deps(), customer, { postId, body: 'One more thing' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });
});
