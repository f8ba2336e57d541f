/**
 * Helpful marks and exceptional stories on a real database: one mark per
 * account, taken back at will, refused to the author, the brand's team and
 * suspended accounts; a post enters and leaves the stories in the write that
 * changes it; parallel marks by one account make one row; the SQL restatement
 * of the rule (rebuildStories) agrees with the domain's on the demo board.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPostFacts } from '../../db/queries/post-facts.ts';
import { listExceptionalIdsBySql, listNewestStories, listStories } from '../../db/queries/stories.ts';
import { helpfulMarks, posts, users } from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { isExceptionalStory } from '../../src/domain/stories.ts';
import { replyAsBrand } from '../../src/server/commands/brand-replies.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { markHelpful } from '../../src/server/commands/helpful.ts';
import { createPost, giveVerdict, withdrawPost } from '../../src/server/commands/posts.ts';
import { createBrand, createPerson, joinTeam, newPostInput } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';
import { createDemoDatabase } from '../helpers/demo-database.ts';
import { createCapturingMailer } from '../helpers/mailer.ts';

let database: TestDatabase;
const now = new Date('2026-06-15T12:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.db.execute(sql`truncate users, brands, posts, rate_limit_buckets restart identity cascade`);
});

const deps = (overrides: Partial<CommandDeps> = {}): CommandDeps => ({
  db: database.db,
  mailer: createCapturingMailer(),
  now,
  siteUrl: 'https://board.example',
  meta: { userAgent: 'vitest', ipAddress: '203.0.113.9' },
  ...overrides,
});
const later = (hours: number) => deps({ now: new Date(now.getTime() + hours * 3_600_000) });
const reply = (postId: number, extra: { promiseDueOn?: string; proposeResolution?: boolean } = {}) => ({
  postId,
  body: 'I looked at your case myself and a new unit leaves our depot tonight, tracked.',
  promiseDueOn: extra.promiseDueOn ?? null,
  escalatedTo: null,
  proposeResolution: extra.proposeResolution ?? false,
});

async function scene(kind: 'like' | 'fail' = 'like') {
  const brand = await createBrand(database.db, 'Northwind');
  const author = await createPerson(database.db, { name: 'Ravi' });
  const agent = await joinTeam(database.db, await createPerson(database.db, { name: 'Alex' }), brand.id);
  const readers = await Promise.all([1, 2, 3].map(() => createPerson(database.db)));
  const posted = await createPost(
    deps(),
    author,
    newPostInput({ kind, brandSlug: brand.slug, experiencedOn: '2026-06-14' }),
  );
  if (!posted.ok) throw new Error(`posting failed: ${posted.reason}`);
  return { brand, author, agent, readers, postId: posted.postId };
}

const helpfulCount = async (postId: number) =>
  (await database.db.select({ n: posts.helpfulCount }).from(posts).where(eq(posts.id, postId)))[0]!.n;
const storyIds = async (brandId?: number) =>
  (await listStories(database.db, { brandId: brandId ?? null, limit: 20 })).items.map((post) => post.id);
const mark = (actor: Actor | null, postId: number, helpful: 'yes' | 'no' = 'yes') =>
  markHelpful(deps(), actor, { postId, helpful });

describe('marking a post helpful', () => {
  it('counts one mark per account, however often it is sent, and takes it back on request', async () => {
    const { readers, postId } = await scene();
    expect(await mark(readers[0]!, postId)).toEqual({ ok: true, helpful: true, changed: true });
    expect(await mark(readers[0]!, postId)).toEqual({ ok: true, helpful: true, changed: false });
    await mark(readers[1]!, postId);
    expect(await helpfulCount(postId)).toBe(2);
    expect(await mark(readers[0]!, postId, 'no')).toEqual({ ok: true, helpful: false, changed: true });
    expect(await mark(readers[0]!, postId, 'no')).toEqual({ ok: true, helpful: false, changed: false });
    expect(await helpfulCount(postId)).toBe(1);
  });

  it('is refused to readers, the author, the brand’s team and suspended accounts, with nothing written', async () => {
    const { author, agent, readers, postId } = await scene();
    await database.db.update(users).set({ suspendedAt: now }).where(eq(users.id, readers[2]!.id));
    const refusal = (refusal: string) => ({ ok: false, reason: 'refused', refusal });
    expect(await mark(null, postId)).toEqual(refusal('sign_in'));
    expect(await mark(author, postId)).toEqual(refusal('forbidden'));
    expect(await mark(agent, postId)).toEqual(refusal('conflict_of_interest'));
    expect(await mark({ ...readers[2]!, suspended: true }, postId)).toEqual(refusal('suspended'));
    expect(await helpfulCount(postId)).toBe(0);
  });

  it('is refused on a withdrawn post, and on a post that does not exist', async () => {
    const { author, readers, postId } = await scene();
    await withdrawPost(deps(), author, { postId });
    expect(await mark(readers[0]!, postId)).toEqual({ ok: false, reason: 'not_found' });
    expect(await mark(readers[0]!, 999_999)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('is rate limited per account like the other writes', async () => {
    const { readers, postId } = await scene();
    let last: Awaited<ReturnType<typeof mark>> | null = null;
    for (let i = 0; i < 61; i++) last = await mark(readers[0]!, postId, i % 2 === 0 ? 'yes' : 'no');
    expect(last).toMatchObject({ ok: false, reason: 'rate_limited' });
  });
});

describe('exceptional stories', () => {
  it('a like the brand replied to becomes one at the third mark, and stops being one when a mark is taken back', async () => {
    const { brand, agent, readers, postId } = await scene('like');
    await replyAsBrand(later(1), agent, reply(postId));
    await mark(readers[0]!, postId);
    await mark(readers[1]!, postId);
    expect(await storyIds()).toEqual([]);
    await mark(readers[2]!, postId);
    expect(await storyIds()).toEqual([postId]);
    expect(await storyIds(brand.id)).toEqual([postId]);
    expect((await listNewestStories(database.db, 10)).map((story) => story.featuredAt)).toEqual([now]);
    await mark(readers[2]!, postId, 'no');
    expect(await storyIds()).toEqual([]);
  });

  it('a like marked before the brand replied becomes one with the reply', async () => {
    const { agent, readers, postId } = await scene('like');
    for (const reader of readers) await mark(reader, postId);
    expect(await storyIds()).toEqual([]);
    await replyAsBrand(later(2), agent, reply(postId));
    expect(await storyIds()).toEqual([postId]);
  });

  it('a fail becomes one when the promise is kept and the customer says resolved and would buy again', async () => {
    const { author, agent, postId } = await scene('fail');
    await replyAsBrand(later(1), agent, reply(postId, { promiseDueOn: '2026-06-18' }));
    await replyAsBrand(later(30), agent, reply(postId, { proposeResolution: true }));
    expect(await storyIds()).toEqual([]);
    await giveVerdict(later(40), author, { postId, resolved: true, wouldBuyAgain: true });
    expect(await storyIds()).toEqual([postId]);
  });

  it('leaves the stories when its author withdraws it', async () => {
    const { author, agent, readers, postId } = await scene('like');
    await replyAsBrand(later(1), agent, reply(postId));
    for (const reader of readers) await mark(reader, postId);
    expect(await storyIds()).toEqual([postId]);
    await withdrawPost(later(2), author, { postId });
    expect(await storyIds()).toEqual([]);
  });

  it('are listed most helpful first', async () => {
    const { brand, agent, readers, postId: first } = await scene('like');
    const more = await Promise.all([1, 2].map(() => createPerson(database.db)));
    const second = await createPost(
      deps(),
      more[0]!,
      newPostInput({
        kind: 'like',
        brandSlug: brand.slug,
        title: 'Fixed overnight',
        experiencedOn: '2026-06-14',
      }),
    );
    if (!second.ok) throw new Error('posting failed');
    for (const postId of [first, second.postId]) await replyAsBrand(later(1), agent, reply(postId));
    for (const reader of readers) await mark(reader, first);
    for (const reader of [...readers, more[1]!]) await mark(reader, second.postId);
    expect(await storyIds()).toEqual([second.postId, first]);
  });
});

describe.skipIf(!usingPostgres)('parallel marks on PostgreSQL', () => {
  it('20 marks at once by one account make one row and a count of one', async () => {
    const { readers, postId } = await scene();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => mark(readers[0]!, postId)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const rows = await database.db.select().from(helpfulMarks).where(eq(helpfulMarks.postId, postId));
    expect(rows).toHaveLength(1);
    expect(await helpfulCount(postId)).toBe(1);
  });

  it('20 accounts marking at once are all counted', async () => {
    const { postId } = await scene();
    const people = await Promise.all(Array.from({ length: 20 }, () => createPerson(database.db)));
    await Promise.all(people.map((person) => mark(person, postId)));
    expect(await helpfulCount(postId)).toBe(20);
  });
});

describe('the rule in SQL', () => {
  it('picks, on the demo board, exactly the posts the domain calls exceptional, and the seed featured them', async () => {
    const demo = await createDemoDatabase();
    try {
      const ids = (await demo.db.select({ id: posts.id }).from(posts)).map((row) => row.id);
      const byDomain: number[] = [];
      for (const id of ids) if (isExceptionalStory(await readPostFacts(demo.db, id))) byDomain.push(id);
      byDomain.sort((a, b) => a - b);
      expect(byDomain.length).toBeGreaterThan(3);
      expect(await listExceptionalIdsBySql(demo.db)).toEqual(byDomain);
      const featured = await demo.db
        .select({ id: posts.id })
        .from(posts)
        .where(sql`${posts.exceptionalSince} is not null`)
        .orderBy(posts.id);
      expect(featured.map((row) => row.id)).toEqual(byDomain);
    } finally {
      await demo.destroy();
    }
  });
});
