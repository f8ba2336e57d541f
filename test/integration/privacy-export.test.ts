/**
 * "Download my data" and account deletion on a real database: the export
 * holds the person's account, posts with earlier versions, messages with
 * theirs, verdicts, "me too", flags, sessions, memberships and claims; nothing
 * of anyone else and no secret. After deletion no export is possible, no
 * e-mail or name remains, and the posts read "former customer".
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getPostPage, listLatestPosts } from '../../db/queries/posts.ts';
import { readPersonalData } from '../../db/queries/privacy-export.ts';
import { brandClaims, flags, messageRevisions, sessions, threadMessages, users } from '../../db/schema.ts';
import { markHelpful } from '../../src/server/commands/helpful.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { NewPostInput } from '../../src/domain/posting.ts';
import { createSession } from '../../src/server/auth/session.ts';
import { deleteAccount } from '../../src/server/commands/accounts.ts';
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
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
const now = new Date('2026-06-15T12:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.db.execute(
    sql`truncate users, brands, posts, rate_limit_buckets, sessions, email_tokens restart identity cascade`,
  );
});

const deps = (): CommandDeps => commandDeps(database.db, { now, userAgent: 'Mozilla/5.0 export-test' });

const fail = (title: string, overrides: Partial<NewPostInput> = {}): NewPostInput =>
  newPostInput({
    brandSlug: 'northwind',
    title,
    story: `${title}: they promised a router by Wednesday and nothing came.`,
    experiencedOn: '2026-06-10',
    ...overrides,
  });

async function publish(actor: Actor, title: string) {
  const result = await commands.createPost(deps(), actor, fail(title));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.postId;
}

/** Ada posts, edits, follows up, gives a verdict, says "me too", flags, claims; Bob does his own things. */
async function board() {
  const db = database.db;
  const brand = await createBrand(db, 'Northwind');
  const other = await createBrand(db, 'Southwind');
  const ada = await createPerson(db, { name: 'Ada Lovelace' });
  const bob = await createPerson(db, { name: 'Bob Secretname' });
  const agent = await joinTeam(db, await createPerson(db, { name: 'Agent Smith' }), brand.id);
  await joinTeam(db, ada, other.id, 'member');

  const adaPost = await publish(ada, 'Ada router story');
  await commands.editPost(deps(), ada, {
    postId: adaPost,
    title: 'Ada router story, edited',
    story: 'Edited: the router never came, and nobody called.',
    category: 'delivery',
    channel: 'phone',
  });
  await commands.addFollowUp(deps(), ada, { postId: adaPost, body: 'Still nothing a week later.' });
  const [followUp] = await db.select().from(threadMessages).where(eq(threadMessages.authorId, ada.id));
  await db.insert(messageRevisions).values({ messageId: followUp!.id, revision: 1, body: 'Still nothing.' });
  await brandReplies(db, adaPost, agent, brand.id, new Date(now.getTime() + 60_000));
  await commands.giveVerdict(deps(), ada, { postId: adaPost, resolved: false, wouldBuyAgain: false });

  const bobPost = await publish(bob, 'Bob private trouble');
  await commands.sayMeToo(deps(), ada, { postId: bobPost });
  await markHelpful(deps(), ada, { postId: bobPost, helpful: 'yes' });
  await db.insert(flags).values({ postId: bobPost, userId: ada.id, reason: 'spam', note: 'Ada thinks so' });
  await db.insert(flags).values({ postId: adaPost, userId: bob.id, reason: 'fake', note: 'Bob flag note' });
  await db.insert(brandClaims).values({ brandId: brand.id, userId: ada.id, message: 'Ada claims' });
  await createSession(db, ada.id, deps().meta, now);
  await createSession(db, bob.id, { userAgent: 'Bob browser', ipAddress: '198.51.100.7' }, now);
  return { ada, bob, adaPost, bobPost };
}

describe('the export of a person’s data', () => {
  it('holds their account, posts with earlier versions, messages, verdicts, "me too", helpful marks, flags, sessions, teams and claims', async () => {
    const { ada, adaPost, bobPost } = await board();
    const data = (await readPersonalData(database.db, ada.id))!;
    expect(data.account).toMatchObject({ id: ada.id, email: ada.email, displayName: 'Ada Lovelace' });
    expect(data.posts).toHaveLength(1);
    expect(data.posts[0]).toMatchObject({ id: adaPost, title: 'Ada router story, edited' });
    expect(data.posts[0]!.earlierVersions.map((version) => version.title)).toEqual(['Ada router story']);
    expect(data.threadMessages.map((message) => message.body)).toEqual(['Still nothing a week later.']);
    expect(data.threadMessages[0]!.earlierVersions.map((version) => version.body)).toEqual([
      'Still nothing.',
    ]);
    expect(data.verdicts).toMatchObject([{ postId: adaPost, resolved: false, wouldBuyAgain: false }]);
    expect(data.meToos).toMatchObject([{ postId: bobPost }]);
    expect(data.helpfulMarks).toMatchObject([{ postId: bobPost }]);
    expect(data.flags).toMatchObject([{ postId: bobPost, reason: 'spam', note: 'Ada thinks so' }]);
    expect(data.sessions).toMatchObject([{ userAgent: 'Mozilla/5.0 export-test', ipAddress: '203.0.113.9' }]);
    expect(data.brandMemberships).toMatchObject([{ brand: 'southwind', role: 'member' }]);
    expect(data.brandClaims).toMatchObject([{ brand: 'northwind', message: 'Ada claims' }]);
  });

  it('contains nothing of anyone else, and no secret', async () => {
    const { ada, bob } = await board();
    const text = JSON.stringify(await readPersonalData(database.db, ada.id));
    for (const foreign of [
      bob.email,
      'Bob Secretname',
      'Bob private trouble',
      'Bob flag note',
      'Bob browser',
      '198.51.100.7',
      'Agent Smith',
    ]) {
      expect(text).not.toContain(foreign);
    }
    const [user] = await database.db.select().from(users).where(eq(users.id, ada.id));
    const sessionRows = await database.db.select().from(sessions).where(eq(sessions.userId, ada.id));
    expect(text).not.toContain(user!.passwordHash!);
    for (const session of sessionRows) expect(text).not.toContain(session.id);
    expect(text).not.toMatch(/password|secret|hash/i);
  });
});

describe('deleting an account', () => {
  it('erases personal data, makes the export impossible, and keeps the posts as "former customer"', async () => {
    const { ada, adaPost } = await board();
    expect(await deleteAccount(deps(), { userId: ada.id, password: FIXTURE_PASSWORD })).toEqual({ ok: true });
    expect(await readPersonalData(database.db, ada.id)).toBeNull();
    const [user] = await database.db.select().from(users).where(eq(users.id, ada.id));
    expect(user).toMatchObject({ email: null, passwordHash: null, displayName: 'former customer' });
    expect(JSON.stringify(user)).not.toContain('Ada');
    expect(await database.db.$count(sessions, eq(sessions.userId, ada.id))).toBe(0);
    expect((await getPostPage(database.db, adaPost))?.authorName).toBe('former customer');
    const listed = (await listLatestPosts(database.db)).items.find((post) => post.id === adaPost);
    expect(listed?.authorName).toBe('former customer');
  });
});
