/**
 * Flags and moderators' decisions (issue #11): one flag per account and item,
 * rate limited, never by the author; a brand's flag is recorded as the
 * brand's; keep, remove and restore close the item's flags, write the audit
 * log, e-mail the author, and move the brand's figures exactly as a rebuild
 * would; removed posts leave every list; only moderators decide.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBrandFlagsOnPost } from '../../db/queries/flags.ts';
import { listJobs } from '../../db/queries/jobs.ts';
import { listAuditLog, listFlagQueue, listRemovedItems } from '../../db/queries/moderation.ts';
import { listBrandPosts, listLatestPosts } from '../../db/queries/posts.ts';
import { searchPosts } from '../../db/queries/search.ts';
import { getBrandWindowStats } from '../../db/queries/stats.ts';
import { flags, moderationActions, posts, threadEvents, threadMessages, users } from '../../db/schema.ts';
import type { DecisionInput } from '../../src/domain/moderation.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { NewPostInput } from '../../src/domain/posting.ts';
import { RATE_LIMITS } from '../../src/domain/rate-limits.ts';
import { replyAsBrand } from '../../src/server/commands/brand-replies.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { decideOnItem, flagContent } from '../../src/server/commands/moderation.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { attempt } from '../../src/server/rate-limit.ts';
import { refreshRequestedFigures } from '../../src/server/statistics.ts';
import { createBrand, createPerson, joinTeam, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { maintainedAndRebuilt } from '../helpers/rebuilt-aggregates.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

let clock = new Date('2026-06-15T12:00:00Z').getTime();
/** Each command a second later than the last, so "oldest first" and "newest first" are well defined. */
const deps = (): CommandDeps => commandDeps(database.db, { now: new Date((clock += 1000)) });

let sceneCount = 0;
function story(kind: 'like' | 'fail', brandSlug: string, title: string): NewPostInput {
  return newPostInput({
    kind,
    brandSlug,
    title,
    story: `The parcel for order ${title} was announced three times and never came; nobody called back.`,
    channel: 'chat',
    experiencedOn: '2026-06-01',
  });
}

/** A brand with an owner, a customer's fail and like about it, a moderator and a bystander. */
async function scene() {
  const n = ++sceneCount;
  const brand = await createBrand(database.db, `Moderated Brand ${n}`);
  const owner = await joinTeam(
    database.db,
    await createPerson(database.db, { name: 'Alex' }),
    brand.id,
    'owner',
  );
  const author = await createPerson(database.db, { name: 'Ravi P.' });
  const reader = await createPerson(database.db, { name: 'Jo' });
  const moderator = await createPerson(database.db, { role: 'moderator', name: 'Morgan' });
  const fail = await createPost(deps(), author, story('fail', brand.slug, `Zebracorn parcel ${n}`));
  const like = await createPost(deps(), author, story('like', brand.slug, `Kind courier ${n}`));
  if (!fail.ok || !like.ok) throw new Error('posts refused');
  return { brand, owner, author, reader, moderator, failId: fail.postId, likeId: like.postId };
}

const flag = (actor: Actor | null, postId: number, extra: Partial<Parameters<typeof flagContent>[2]> = {}) =>
  flagContent(deps(), actor, { postId, messageId: null, reason: 'fake', note: '', ...extra });

const decide = (
  actor: Actor | null,
  input: Partial<DecisionInput> & Pick<DecisionInput, 'postId' | 'decision'>,
) => decideOnItem(deps(), actor, { messageId: null, reason: undefined, explanation: '', ...input });

const flagsOn = (postId: number) => database.db.select().from(flags).where(eq(flags.postId, postId));
const auditFor = (targetType: string, targetId: number) =>
  database.db
    .select()
    .from(moderationActions)
    .where(and(eq(moderationActions.targetType, targetType), eq(moderationActions.targetId, targetId)))
    .orderBy(moderationActions.id);
const mailsTo = async (email: string) =>
  (await listJobs(database.db, 'email')).filter((job) => job.payload['to'] === email);

async function expectFiguresMatchRebuild() {
  // Counters move in the decision's transaction; scores and percentiles within a second (the refresher).
  await refreshRequestedFigures(database.db, new Date(clock));
  const { maintained, rebuilt } = await maintainedAndRebuilt(database.db, new Date(clock));
  expect(maintained).toEqual(rebuilt);
}

describe('flagging', () => {
  it('files one flag with its reason and note, and the post stays visible', async () => {
    const { reader, failId } = await scene();
    const result = await flag(reader, failId, { reason: 'spam', note: 'Same text on three brands.' });
    expect(result).toEqual({ ok: true, alreadyFlagged: false, byBrand: false });
    const [row] = await flagsOn(failId);
    expect(row).toMatchObject({ reason: 'spam', note: 'Same text on three brands.', status: 'open' });
    expect(row!.flaggerBrandId).toBeNull();
    const [post] = await database.db.select().from(posts).where(eq(posts.id, failId));
    expect(post!.visibility).toBe('published');
    expect((await listLatestPosts(database.db, { limit: 50 })).items.map((p) => p.id)).toContain(failId);
  });

  it('answers "already flagged" to a second flag by the same account, and keeps one row', async () => {
    const { reader, failId } = await scene();
    await flag(reader, failId);
    expect(await flag(reader, failId, { reason: 'hate' })).toEqual({
      ok: true,
      alreadyFlagged: true,
      byBrand: false,
    });
    expect(await flagsOn(failId)).toHaveLength(1);
  });

  it('refuses flags past the account’s daily limit', async () => {
    const { reader, failId } = await scene();
    const now = new Date(clock + 1000);
    for (let i = 0; i < RATE_LIMITS.flagsPerAccount.limit; i++)
      await attempt(database.db, RATE_LIMITS.flagsPerAccount, String(reader.id), now);
    const result = await flag(reader, failId);
    expect(result).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await flagsOn(failId)).toHaveLength(0);
  });

  it('does not let authors flag their own post or message, nor unverified or signed-out people', async () => {
    const { author, failId } = await scene();
    expect(await flag(author, failId)).toEqual({ ok: false, reason: 'refused', refusal: 'forbidden' });
    const unverified = await createPerson(database.db, { verified: false });
    expect(await flag(unverified, failId)).toMatchObject({ refusal: 'verify_email' });
    expect(await flag(null, failId)).toMatchObject({ refusal: 'sign_in' });
    expect(await flagsOn(failId)).toHaveLength(0);
  });

  it('records a flag by the post’s own brand as the brand’s, shown publicly with its outcome', async () => {
    const { brand, owner, moderator, failId } = await scene();
    expect(await flag(owner, failId, { reason: 'fake', note: 'No such order in our systems.' })).toEqual({
      ok: true,
      alreadyFlagged: false,
      byBrand: true,
    });
    const [row] = await flagsOn(failId);
    expect(row!.flaggerBrandId).toBe(brand.id);
    expect(await listBrandFlagsOnPost(database.db, failId)).toMatchObject([
      { brandName: brand.name, reason: 'fake', status: 'open' },
    ]);
    expect(await decide(moderator, { postId: failId, decision: 'keep' })).toEqual({
      ok: true,
      closedFlags: 1,
    });
    expect(await listBrandFlagsOnPost(database.db, failId)).toMatchObject([{ status: 'dismissed' }]);
  });

  it('flags a brand reply as a message of the thread; removed messages cannot be flagged', async () => {
    const { owner, author, moderator, failId } = await scene();
    const reply = await replyAsBrand(deps(), owner, {
      postId: failId,
      body: 'Dear customer, this never happened, you are lying and everybody at the depot knows your face.',
      promiseDueOn: null,
      escalatedTo: null,
      proposeResolution: false,
    });
    if (!reply.ok) throw new Error('reply refused');
    expect(await flag(author, failId, { messageId: reply.messageId, reason: 'hate' })).toMatchObject({
      ok: true,
    });
    // The reply's writer cannot flag it; the post's author could, because it is not theirs.
    expect(await flag(owner, failId, { messageId: reply.messageId })).toMatchObject({ refusal: 'forbidden' });
    const [row] = await flagsOn(failId);
    expect(row!.messageId).toBe(reply.messageId);
    const queue = await listFlagQueue(database.db, 100);
    expect(queue.items.find((item) => item.messageId === reply.messageId)).toMatchObject({
      messageKind: 'brand_reply',
      flags: [{ reason: 'hate', flaggerBrandName: null }],
    });
    await decide(moderator, {
      postId: failId,
      messageId: reply.messageId,
      decision: 'remove',
      reason: 'hate',
      explanation: 'Insults the customer.',
    });
    const other = await createPerson(database.db);
    expect(await flag(other, failId, { messageId: reply.messageId })).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });
});

describe('moderators’ decisions', () => {
  it('keeps an item: its flags are dismissed, the audit log and the author hear of it', async () => {
    const { reader, author, moderator, failId } = await scene();
    await flag(reader, failId, { reason: 'wrong_brand' });
    expect(
      await decide(moderator, { postId: failId, decision: 'keep', explanation: 'It is this brand.' }),
    ).toEqual({
      ok: true,
      closedFlags: 1,
    });
    expect(await flagsOn(failId)).toMatchObject([{ status: 'dismissed', decidedById: moderator.id }]);
    expect(await auditFor('post', failId)).toMatchObject([
      {
        action: 'keep_post',
        moderatorId: moderator.id,
        reason: 'flags_dismissed',
        note: 'It is this brand.',
      },
    ]);
    expect((await mailsTo(author.email)).at(-1)!.payload['subject']).toMatch(/reviewed your post .* kept it/);
    // Nothing left to keep a second time.
    expect(await decide(moderator, { postId: failId, decision: 'keep' })).toEqual({
      ok: false,
      reason: 'nothing_to_decide',
    });
  });

  it('removes a post with a public reason: flags upheld, notice data kept, figures and lists follow, then restores it', async () => {
    const { brand, reader, author, moderator, failId, likeId } = await scene();
    await flag(reader, failId, { reason: 'personal_data', note: 'Names the driver.' });
    const before = await getBrandWindowStats(database.db, brand.id, 'all');
    expect(before.fails).toBe(1);

    const removed = await decide(moderator, {
      postId: failId,
      decision: 'remove',
      reason: 'personal_data',
      explanation: 'The story gave the driver’s full name and phone number.',
    });
    expect(removed).toEqual({ ok: true, closedFlags: 1 });
    const [post] = await database.db.select().from(posts).where(eq(posts.id, failId));
    expect(post).toMatchObject({
      visibility: 'removed',
      removalReason: 'Personal data: The story gave the driver’s full name and phone number.',
    });
    expect(post!.removedAt).not.toBeNull();
    expect(await flagsOn(failId)).toMatchObject([{ status: 'upheld', decidedById: moderator.id }]);
    expect(await auditFor('post', failId)).toMatchObject([
      {
        action: 'remove_post',
        reason: 'personal_data',
        note: 'The story gave the driver’s full name and phone number.',
      },
    ]);
    const mail = (await mailsTo(author.email)).at(-1)!;
    expect(mail.payload['subject']).toMatch(/removed your post/);
    expect(String(mail.payload['text'])).toContain('/guidelines#personal_data');

    // The brand's figures lose the fail, exactly as a rebuild says.
    expect((await getBrandWindowStats(database.db, brand.id, 'all')).fails).toBe(0);
    expect((await getBrandWindowStats(database.db, brand.id, 'all')).likes).toBe(1);
    await expectFiguresMatchRebuild();
    // And every list: home feed (and /feed.xml), brand feed (and its Atom feed), search.
    expect((await listLatestPosts(database.db, { limit: 100 })).items.map((p) => p.id)).not.toContain(failId);
    const brandFeed = await listBrandPosts(database.db, brand.id, {}, { now: new Date(clock) });
    expect(brandFeed.items.map((p) => p.id)).toEqual([likeId]);
    expect((await searchPosts(database.db, 'zebracorn')).items.map((p) => p.id)).not.toContain(failId);
    expect((await listRemovedItems(database.db)).map((item) => item.postId)).toContain(failId);

    const restored = await decide(moderator, {
      postId: failId,
      decision: 'restore',
      explanation: 'The author’s appeal: the number was the depot’s public line.',
    });
    expect(restored).toEqual({ ok: true, closedFlags: 0 });
    const [back] = await database.db.select().from(posts).where(eq(posts.id, failId));
    expect(back).toMatchObject({ visibility: 'published', removedAt: null, removalReason: null });
    expect((await getBrandWindowStats(database.db, brand.id, 'all')).fails).toBe(1);
    await expectFiguresMatchRebuild();
    expect((await searchPosts(database.db, 'zebracorn')).items.map((p) => p.id)).toContain(failId);
    expect((await auditFor('post', failId)).map((row) => row.action)).toEqual([
      'remove_post',
      'restore_post',
    ]);
    const events = await database.db
      .select({ type: threadEvents.type })
      .from(threadEvents)
      .where(eq(threadEvents.postId, failId))
      .orderBy(desc(threadEvents.id));
    expect(events.slice(0, 2).map((event) => event.type)).toEqual(['restored', 'removed']);
    expect((await mailsTo(author.email)).at(-1)!.payload['subject']).toMatch(/restored your post/);
  });

  it('removes and restores a brand reply: the personal-replies figures follow', async () => {
    const { brand, owner, reader, moderator, failId } = await scene();
    const reply = await replyAsBrand(deps(), owner, {
      postId: failId,
      body: 'I called the depot myself this morning: your parcel is on the two o’clock van and the driver has your number.',
      promiseDueOn: null,
      escalatedTo: null,
      proposeResolution: false,
    });
    if (!reply.ok) throw new Error('reply refused');
    expect((await getBrandWindowStats(database.db, brand.id, 'all')).longReplies).toBe(1);
    await flag(reader, failId, { messageId: reply.messageId, reason: 'personal_data' });

    await decide(moderator, {
      postId: failId,
      messageId: reply.messageId,
      decision: 'remove',
      reason: 'personal_data',
      explanation: 'Gives the driver’s number.',
    });
    const [message] = await database.db
      .select()
      .from(threadMessages)
      .where(eq(threadMessages.id, reply.messageId));
    expect(message).toMatchObject({ removalReason: 'Personal data: Gives the driver’s number.' });
    expect(message!.removedAt).not.toBeNull();
    expect(await flagsOn(failId)).toMatchObject([{ status: 'upheld' }]);
    expect((await getBrandWindowStats(database.db, brand.id, 'all')).longReplies).toBe(0);
    await expectFiguresMatchRebuild();
    // The post itself stays.
    const [post] = await database.db.select().from(posts).where(eq(posts.id, failId));
    expect(post!.visibility).toBe('published');

    await decide(moderator, {
      postId: failId,
      messageId: reply.messageId,
      decision: 'restore',
      explanation: 'The number was the depot’s public line.',
    });
    expect((await getBrandWindowStats(database.db, brand.id, 'all')).longReplies).toBe(1);
    await expectFiguresMatchRebuild();
    expect((await auditFor('message', reply.messageId)).map((row) => row.action)).toEqual([
      'remove_message',
      'restore_message',
    ]);
    // The reply's writer is told, not the post's author.
    const [writer] = await database.db.select().from(users).where(eq(users.id, owner.id));
    expect((await mailsTo(writer!.email!)).at(-1)!.payload['subject']).toMatch(/restored your message/);
  });

  it('refuses every decision to anyone but a moderator, and writes nothing', async () => {
    const { owner, author, reader, failId } = await scene();
    await flag(reader, failId);
    const ownerActor = owner;
    const suspendedModerator: Actor = {
      ...(await createPerson(database.db, { role: 'moderator' })),
      suspended: true,
    };
    const outsiders: [Actor | null, string][] = [
      [null, 'sign_in'],
      [reader, 'forbidden'],
      [author, 'forbidden'],
      [ownerActor, 'forbidden'],
      [suspendedModerator, 'suspended'],
    ];
    for (const [actor, refusal] of outsiders) {
      for (const decision of ['keep', 'remove', 'restore'] as const) {
        const result = await decide(actor, {
          postId: failId,
          decision,
          reason: 'spam',
          explanation: 'Because.',
        });
        expect(result, `${decision} by ${actor?.id ?? 'reader'}`).toEqual({
          ok: false,
          reason: 'refused',
          refusal,
        });
      }
    }
    expect(await flagsOn(failId)).toMatchObject([{ status: 'open' }]);
    expect(await auditFor('post', failId)).toHaveLength(0);
    const [post] = await database.db.select().from(posts).where(eq(posts.id, failId));
    expect(post!.visibility).toBe('published');
  });

  it('answers "nothing to decide" to removing what is removed and restoring what is public', async () => {
    const { moderator, failId } = await scene();
    expect(await decide(moderator, { postId: failId, decision: 'restore', explanation: 'x' })).toEqual({
      ok: false,
      reason: 'nothing_to_decide',
    });
    await decide(moderator, { postId: failId, decision: 'remove', reason: 'spam', explanation: 'Advert.' });
    expect(
      await decide(moderator, { postId: failId, decision: 'remove', reason: 'spam', explanation: 'Advert.' }),
    ).toEqual({ ok: false, reason: 'nothing_to_decide' });
    expect(await decide(moderator, { postId: 2_000_000_000, decision: 'keep' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('lists the queue oldest first, grouped by item, and the audit log newest first', async () => {
    const { reader, owner, moderator, failId, likeId } = await scene();
    const second = await createPerson(database.db);
    await flag(reader, likeId, { reason: 'spam' });
    await flag(reader, failId, { reason: 'fake' });
    await flag(owner, failId, { reason: 'fake', note: 'Not a customer of ours.' });
    await flag(second, likeId, { reason: 'fake' });
    const queue = await listFlagQueue(database.db, 100);
    const mine = queue.items.filter((item) => item.postId === failId || item.postId === likeId);
    expect(mine.map((item) => [item.postId, item.flagCount])).toEqual([
      [likeId, 2],
      [failId, 2],
    ]);
    expect(mine[1]!.flags.map((f) => f.flaggerBrandName)).toEqual([null, expect.any(String)]);
    await decide(moderator, { postId: likeId, decision: 'keep' });
    await decide(moderator, { postId: failId, decision: 'remove', reason: 'fake', explanation: 'Invented.' });
    const log = await listAuditLog(database.db, { offset: 0, limit: 2 });
    expect(log.entries.map((entry) => [entry.action, entry.targetId])).toEqual([
      ['remove_post', failId],
      ['keep_post', likeId],
    ]);
    expect(log.hasMore).toBe(true);
    expect(log.entries[0]!.moderatorName).toBe('Morgan');
  });
});
