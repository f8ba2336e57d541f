/**
 * What a published fail costs the database: a fixed number of statements
 * whatever the size of the brand's team or the number of its webhooks
 * (decision 016), and on PostgreSQL a fixed number of round trips, statements
 * that do not need each other's answers being sent together (decision 017).
 * The limits are today's counts: a change that adds a statement or a round
 * trip to every write must say so here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhooks } from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { createBrand, createPerson, joinTeam, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';

/**
 * The rate limit, the author's lock with the brand's row, the author's recent titles, the team, the
 * new post's id, the post, its e-mails, the webhooks' deliveries, the turn at the figures, the
 * announcement, the figures — besides the transaction's begin and commit. The brand's id by its
 * slug is remembered from the brand's first post (src/server/brand-ids.ts).
 */
const STATEMENTS_PER_PUBLISHED_FAIL = 11;

/**
 * The rate limit; the author's lock, then their recent titles, with the team and the post's id;
 * the post with everything that names it and the turn at the figures; the figures — besides the
 * transaction's begin and commit.
 */
const ROUND_TRIPS_PER_PUBLISHED_FAIL = 4;

let database: TestDatabase;
let counting = false;
/** The statements sent, each group sent before any answer came back: one round trip. */
let trips: string[][] = [];
/** The round trip being sent, until the event loop turns: a new one starts after it. */
let sending: string[] | null = null;
function record(query: string) {
  if (!counting) return;
  if (!sending) {
    const trip: string[] = [];
    trips.push(trip);
    sending = trip;
    // An answer from PostgreSQL arrives in a later turn of the event loop than what was sent before
    // it. (PGlite answers within the same turn: there, only statements are counted.)
    setImmediate(() => {
      if (sending === trip) sending = null;
    });
  }
  sending.push(query.replace(/\s+/g, ' ').trim());
}
beforeAll(async () => {
  database = await createTestDatabase({ onQuery: record });
});
afterAll(() => database?.destroy());

const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const deps = (): CommandDeps => commandDeps(database.db, { now, ipAddress: '198.51.100.7' });

/** A brand with a team and webhooks, and one fail already published (its figures exist). */
async function brandWith(teamSize: number, webhookCount: number) {
  const brand = await createBrand(database.db);
  for (let i = 0; i < teamSize; i++) await joinTeam(database.db, await createPerson(database.db), brand.id);
  for (let i = 0; i < webhookCount; i++) {
    await database.db.insert(webhooks).values({
      brandId: brand.id,
      url: `https://hooks.example/${i}`,
      secret: 'a webhook secret',
      events: ['post.created'],
    });
  }
  await publish(await createPerson(database.db), brand.slug, 'The first fail about this brand');
  return brand;
}

async function publish(author: Actor, brandSlug: string, title: string) {
  const result = await createPost(deps(), author, newPostInput({ brandSlug, title }));
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
}

/** The statements one published fail sent, grouped by round trip on PostgreSQL. */
async function tripsOfOneFail(brandSlug: string): Promise<string[][]> {
  const author = await createPerson(database.db);
  trips = [];
  sending = null;
  counting = true;
  try {
    await publish(author, brandSlug, 'The parcel never came');
  } finally {
    counting = false;
  }
  return trips;
}

const listed = (trips: string[][]) => trips.map((trip) => trip.join('\n')).join('\n— next round trip —\n');

describe('the statements of a published fail', () => {
  it(`are at most ${STATEMENTS_PER_PUBLISHED_FAIL} for a brand with a team and a webhook`, async () => {
    const trips = await tripsOfOneFail((await brandWith(2, 1)).slug);
    expect(trips.flat().length, listed(trips)).toBeLessThanOrEqual(STATEMENTS_PER_PUBLISHED_FAIL);
  });

  it('do not grow with the size of the team or the number of webhooks', async () => {
    const small = await tripsOfOneFail((await brandWith(1, 1)).slug);
    const large = await tripsOfOneFail((await brandWith(6, 4)).slug);
    expect(large.flat().length, listed(large)).toBe(small.flat().length);
  });

  it.runIf(usingPostgres)(
    `travel in at most ${ROUND_TRIPS_PER_PUBLISHED_FAIL} round trips on PostgreSQL`,
    async () => {
      const trips = await tripsOfOneFail((await brandWith(2, 1)).slug);
      expect(trips.length, listed(trips)).toBeLessThanOrEqual(ROUND_TRIPS_PER_PUBLISHED_FAIL);
    },
  );

  it('are sent in the order their effects need: the lock before the titles, the post before what names it', async () => {
    const sent = (await tripsOfOneFail((await brandWith(1, 1)).slug)).flat();
    const position = (pattern: RegExp) => sent.findIndex((statement) => pattern.test(statement));
    // The duplicate guard reads the author's titles once their lock is granted.
    expect(position(/pg_advisory_xact_lock/)).toBeGreaterThanOrEqual(0);
    expect(position(/pg_advisory_xact_lock/)).toBeLessThan(
      position(/^select "title", "created_at" from "posts"/),
    );
    // Every statement naming the new post comes after it (the images' and live events' rows refer to it).
    expect(position(/^insert into "posts"/)).toBeLessThan(position(/insert into live_events/));
    expect(position(/^insert into "posts"/)).toBeLessThan(position(/^\s*insert into "?jobs"?\s/));
  });
});
