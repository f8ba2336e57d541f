/**
 * The demo seed plays its threads through the live planners and the one writer
 * (db/seed/threads.ts, issue #10): what ends up in the database is what the
 * commands and the maintenance runner would have written.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { posts, promises, threadEvents, threadMessages, verdicts } from '../../db/schema.ts';
import { playThreads, type Agent, type ThreadStep } from '../../db/seed/threads.ts';
import { createBrand, createPerson } from '../fixtures/board.ts';
import { createTestDatabase, rollback, type TestDatabase } from '../helpers/database.ts';

const postedAt = new Date('2026-05-01T09:00:00Z');
const hours = (h: number) => new Date(postedAt.getTime() + h * 3_600_000);

let database: TestDatabase;
let brandId: number;
let authorId: number;
let alex: Agent;
let marie: Agent;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  brandId = (await createBrand(db, 'Seeded Threads Telecom')).id;
  authorId = (await createPerson(db, { name: 'Camille R.' })).id;
  alex = { userId: (await createPerson(db, { name: 'Alex' })).id, name: 'Alex' };
  marie = { userId: (await createPerson(db, { name: 'Marie' })).id, name: 'Marie' };
});
afterAll(() => database.destroy());

/** Inserts a fail posted at `postedAt`, plays `steps` up to `now` and reads back what was written. */
async function play(db: Database, steps: ThreadStep[], now = hours(24 * 90)) {
  const [post] = await db
    .insert(posts)
    .values({
      brandId,
      authorId,
      kind: 'fail',
      title: 'A seeded fail',
      story: 'Its thread is played by the seed.',
      category: 'defect',
      channel: 'phone',
      experiencedOn: '2026-05-01',
      status: 'waiting',
      lastActivityAt: postedAt,
      createdAt: postedAt,
      updatedAt: postedAt,
    })
    .returning();
  const id = post!.id;
  await playThreads(
    db,
    [{ post: { id, kind: 'fail', brandId, authorId }, authorFirstName: 'Camille', steps }],
    now,
  );
  const [row] = await db.select().from(posts).where(eq(posts.id, id));
  return {
    post: row!,
    promises: await db.select().from(promises).where(eq(promises.postId, id)).orderBy(asc(promises.id)),
    verdicts: await db.select().from(verdicts).where(eq(verdicts.postId, id)),
    messages: await db.select().from(threadMessages).where(eq(threadMessages.postId, id)),
    events: await db
      .select()
      .from(threadEvents)
      .where(eq(threadEvents.postId, id))
      .orderBy(asc(threadEvents.createdAt), asc(threadEvents.id)),
  };
}

describe('seeded threads follow the live rules, written by the live writer', () => {
  it('keep a promise when a resolution is proposed by its date', () =>
    rollback(database.db, async (db) => {
      const result = await play(db, [
        { type: 'brand', at: hours(2), agent: alex, body: 'On it.', promiseDueOn: '2026-05-05' },
        { type: 'brand', at: hours(48), agent: alex, body: 'Fixed.', proposeResolution: true },
        { type: 'verdict', at: hours(60), resolved: true, wouldBuyAgain: true },
      ]);
      expect(result.promises.map((promise) => promise.outcome)).toEqual(['kept']);
      expect(result.post.status).toBe('resolved');
      expect(result.post.handlerId).toBe(alex.userId);
      expect(result.post.firstBrandReplyAt).toEqual(hours(2));
      expect(result.post.messageCount).toBe(2);
      expect(result.verdicts).toHaveLength(1);
      expect(result.events.map((event) => event.type)).toEqual([
        'case_taken',
        'promise_made',
        'resolution_proposed',
        'promise_kept',
        'verdict',
      ]);
    }));

  it('break a promise whose date passes without a proposal, at the end of its day', () =>
    rollback(database.db, async (db) => {
      const result = await play(db, [
        { type: 'brand', at: hours(2), agent: alex, body: 'On it.', promiseDueOn: '2026-05-03' },
      ]);
      expect(result.promises[0]?.outcome).toBe('broken');
      expect(result.promises[0]?.settledAt).toEqual(new Date('2026-05-04T00:00:00Z'));
      expect(result.post.status).toBe('promised');
    }));

  it('replace a promise moved before it passed, and show the takeover', () =>
    rollback(database.db, async (db) => {
      const result = await play(db, [
        { type: 'brand', at: hours(2), agent: alex, body: 'On it.', promiseDueOn: '2026-05-10' },
        {
          type: 'brand',
          at: hours(24 * 5),
          agent: marie,
          body: 'Alex is away; new date.',
          promiseDueOn: '2026-05-20',
        },
      ]);
      expect(result.promises.map((promise) => promise.outcome)).toEqual(['replaced', 'broken']);
      expect(result.events.map((event) => event.type)).toContain('promise_replaced');
      expect(
        result.events.find((event) => event.type === 'case_taken' && event.actorId === marie.userId)?.data,
      ).toEqual({ previousHandlerName: 'Alex' });
      expect(result.post.handlerId).toBe(marie.userId);
    }));

  it('close a proposal left 30 days without a verdict as unconfirmed', () =>
    rollback(database.db, async (db) => {
      const result = await play(db, [
        { type: 'brand', at: hours(2), agent: alex, body: 'Done.', proposeResolution: true },
      ]);
      expect(result.post.status).toBe('unconfirmed');
      expect(result.post.settledAt).toEqual(hours(2 + 30 * 24));
      expect(result.events.at(-1)?.type).toBe('closed_unconfirmed');
    }));

  it('ignore a verdict before any brand reply, as the lifecycle refuses it', () =>
    rollback(database.db, async (db) => {
      const result = await play(db, [
        { type: 'verdict', at: hours(5), resolved: false, wouldBuyAgain: false },
      ]);
      expect(result.post.status).toBe('waiting');
      expect(result.verdicts).toHaveLength(0);
    }));

  it('leave steps after "now" unplayed', () =>
    rollback(database.db, async (db) => {
      const result = await play(
        db,
        [{ type: 'brand', at: hours(30), agent: alex, body: 'Later.' }],
        hours(10),
      );
      expect(result.post.firstBrandReplyAt).toBeNull();
      expect(result.post.status).toBe('waiting');
      expect(result.messages).toHaveLength(0);
    }));

  it('mark a reply that copies an earlier reply of the brand on another post as a template', () =>
    rollback(database.db, async (db) => {
      const script =
        'Thank you for your message. Your request has been forwarded to the competent department, which will contact you shortly.';
      const first = await play(db, [{ type: 'brand', at: hours(1), agent: alex, body: script }]);
      const second = await play(db, [{ type: 'brand', at: hours(3), agent: marie, body: script }]);
      expect(first.messages[0]?.isTemplate).toBe(false);
      expect(second.messages[0]?.isTemplate).toBe(true);
      expect(second.messages[0]?.templateOfId).toBe(first.messages[0]?.id);
    }));
});
