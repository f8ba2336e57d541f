/**
 * The figures refresher that runs every second (decision 012, amended in sessions 9 and 10): while a
 * brand's rows were computed less than a minute ago it refreshes them in place; once they are a
 * minute old it moves the windows first. Either way it holds only the brand's adding turn, as a
 * writer would, so the brand's writers never wait for it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { shareBrandFigures, waitForAddingTurn } from '../../db/queries/figure-turns.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import {
  readFactsBeforeChange,
  recordPostChange,
  refreshBrandFigures,
  refreshRequestedFigures,
} from '../../src/server/statistics.ts';
import { createBrand, createPerson, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';
import { maintainedAndRebuilt } from '../helpers/rebuilt-aggregates.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const SECOND_MS = 1000;

/** Publishes `count` fails about the brand at `at`, by as many customers; returns their ids. */
async function publishFails(brand: { slug: string }, count: number, at: Date) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const result = await createPost(
      commandDeps(database.db, { now: at, ipAddress: '198.51.100.9' }),
      await createPerson(database.db),
      newPostInput({
        brandSlug: brand.slug,
        title: `Fail number ${i} of ${at.toISOString()}`,
        experiencedOn: at.toISOString().slice(0, 10),
      }),
    );
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    ids.push(result.postId);
  }
  return ids;
}

/** A brand with `count` fails published at `at`, by as many customers. */
async function brandWithFails(name: string, count: number, at: Date) {
  const brand = await createBrand(database.db, name);
  await publishFails(brand, count, at);
  return brand;
}

/** The rows of one brand, out of every brand's. */
const ofBrand = (brandId: number, rows: Record<string, unknown>[]) =>
  rows.filter((row) => row['brand_id'] === brandId);

/** A promise and the function that resolves it. */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** 'done' when `work` ends within two seconds, 'waited' otherwise. */
const withinTwoSeconds = (work: Promise<unknown>) =>
  Promise.race([
    work.then(() => 'done'),
    new Promise((resolve) => setTimeout(() => resolve('waited'), 2_000)),
  ]);

async function allTimeRow(brandId: number) {
  const [row] = rowsOf<{
    computed_at: string | Date;
    refreshed_at: string | Date | null;
    score: number | null;
    refresh_requested: boolean;
  }>(
    await database.db.execute(
      sql`select computed_at, refreshed_at, score, refresh_requested from brand_stats
        where brand_id = ${brandId} and "window" = 'all'`,
    ),
  );
  return {
    computedAt: new Date(row!.computed_at),
    refreshedAt: row!.refreshed_at === null ? null : new Date(row!.refreshed_at),
    score: row!.score,
    refreshRequested: row!.refresh_requested,
  };
}

describe('the figures refresher that runs every second', () => {
  it('refreshes a brand in place while its rows are less than a minute old: the score follows, the windows stay', async () => {
    const postedAt = new Date('2026-03-10T09:00:00Z');
    const brand = await brandWithFails('In Place Telecom', 12, postedAt);
    expect(await allTimeRow(brand.id)).toMatchObject({
      score: null,
      refreshedAt: null,
      refreshRequested: true,
    });

    const at = new Date(postedAt.getTime() + 30 * SECOND_MS);
    await refreshRequestedFigures(database.db, at);
    const row = await allTimeRow(brand.id);
    expect(row.computedAt).toEqual(postedAt);
    // What pages show as the response times' "as of".
    expect(row.refreshedAt).toEqual(at);
    expect(row.score).not.toBeNull();
    expect(row.refreshRequested).toBe(false);
    // This brand's rows, breakdowns and months, as a rebuild at the same instant gives them.
    const { maintained, rebuilt } = await maintainedAndRebuilt(database.db, at);
    for (const table of ['stats', 'breakdowns', 'monthly'] as const) {
      expect(ofBrand(brand.id, maintained[table])).toEqual(ofBrand(brand.id, rebuilt[table]));
      expect(ofBrand(brand.id, rebuilt[table]).length).toBeGreaterThan(0);
    }
  });

  it('moves the windows first once the rows are a minute old', async () => {
    const postedAt = new Date('2026-03-11T09:00:00Z');
    const brand = await brandWithFails('Moving Telecom', 2, postedAt);
    const at = new Date(postedAt.getTime() + 61 * SECOND_MS);
    await refreshRequestedFigures(database.db, at);
    expect(await allTimeRow(brand.id)).toMatchObject({ computedAt: at, refreshedAt: at });
  });

  it.runIf(usingPostgres)('does not wait for a writer in flight while it refreshes in place', async () => {
    const postedAt = new Date('2026-03-12T09:00:00Z');
    const brand = await brandWithFails('Busy Telecom', 3, postedAt);
    // A writer holding its share of the brand's figures, not committed yet: a rebuild, holding the
    // brand alone, would wait for it; the refresh does not.
    const held = signal();
    const released = signal();
    const writer = database.db.transaction(async (tx) => {
      await shareBrandFigures(tx, brand.id);
      held.resolve();
      await released.promise;
    });
    await held.promise;
    try {
      const refreshed = refreshRequestedFigures(database.db, new Date(postedAt.getTime() + 10 * SECOND_MS));
      expect(await withinTwoSeconds(refreshed)).toBe('done');
      expect((await allTimeRow(brand.id)).refreshRequested).toBe(false);
    } finally {
      released.resolve();
      await writer;
    }
  });

  it.runIf(usingPostgres)(
    'moves the windows while a writer is in flight, and its change, added after, leaves the rows exact',
    async () => {
      const postedAt = new Date('2026-03-13T09:00:00Z');
      const at = new Date(postedAt.getTime() + 31 * 86_400 * SECOND_MS);
      const brand = await createBrand(database.db, 'Rolling Telecom');
      // Fails that leave the 30-day window at `at`, and one that passes the 72-hour grace then.
      const [leaving] = await publishFails(brand, 3, postedAt);
      const [passing] = await publishFails(brand, 2, new Date(at.getTime() - 73 * 3_600 * SECOND_MS));

      // A writer queues its changes (another holds the adding turn), then stays in flight: it
      // withdraws a post that leaves the window and answers the fail that passes the grace.
      const adderHolds = signal();
      const adderDone = signal();
      const writerQueued = signal();
      const writerDone = signal();
      const adder = database.db.transaction(async (tx) => {
        await waitForAddingTurn(tx, brand.id);
        adderHolds.resolve();
        await adderDone.promise;
      });
      await adderHolds.promise;
      const writer = database.db.transaction(async (tx) => {
        const withdrawnBefore = await readFactsBeforeChange(tx, leaving!);
        await tx.execute(sql`update posts set visibility = 'withdrawn' where id = ${leaving!}`);
        await recordPostChange(tx, withdrawnBefore, leaving!, at);
        const answeredBefore = await readFactsBeforeChange(tx, passing!);
        await tx.execute(
          sql`update posts set first_brand_reply_at = ${at.toISOString()} where id = ${passing!}`,
        );
        await recordPostChange(tx, answeredBefore, passing!, at);
        writerQueued.resolve();
        await writerDone.promise;
      });
      await writerQueued.promise;
      adderDone.resolve();
      await adder;
      try {
        // Moving the windows while the writer holds its share of the brand's figures.
        expect(await withinTwoSeconds(refreshBrandFigures(database.db, brand.id, at))).toBe('done');
        expect((await allTimeRow(brand.id)).computedAt).toEqual(at);
      } finally {
        writerDone.resolve();
        await writer;
      }
      // The writer's changes, still queued, are added against the moved rows.
      await refreshRequestedFigures(database.db, at);
      const { maintained, rebuilt } = await maintainedAndRebuilt(database.db, at);
      for (const table of ['stats', 'breakdowns', 'monthly'] as const) {
        expect(ofBrand(brand.id, maintained[table])).toEqual(ofBrand(brand.id, rebuilt[table]));
      }
      const thirtyDays = ofBrand(brand.id, maintained.stats).find((row) => row['window'] === '30d');
      expect(thirtyDays).toMatchObject({ fails: 2 });
    },
  );

  it('rebuilds a brand whose rows are incomplete or predate decision 004', async () => {
    const postedAt = new Date('2026-03-14T09:00:00Z');
    const at = new Date(postedAt.getTime() + 40 * 86_400 * SECOND_MS);
    const incomplete = await brandWithFails('Incomplete Telecom', 3, postedAt);
    const unknownStart = await brandWithFails('Old Rows Telecom', 3, postedAt);
    await publishFails(incomplete, 2, at);
    await publishFails(unknownStart, 2, at);
    await database.db.execute(
      sql`delete from brand_stats where brand_id = ${incomplete.id} and "window" = '90d'`,
    );
    await database.db.execute(
      sql`update brand_stats set window_start = null where brand_id = ${unknownStart.id} and "window" = '30d'`,
    );

    for (const brand of [incomplete, unknownStart]) await refreshBrandFigures(database.db, brand.id, at);
    const { maintained, rebuilt } = await maintainedAndRebuilt(database.db, at);
    for (const brand of [incomplete, unknownStart]) {
      for (const table of ['stats', 'breakdowns', 'monthly'] as const) {
        expect(ofBrand(brand.id, maintained[table])).toEqual(ofBrand(brand.id, rebuilt[table]));
      }
      expect(ofBrand(brand.id, maintained.stats).map((row) => [row['window'], row['fails']])).toEqual([
        ['30d', 2],
        ['90d', 5],
        ['12m', 5],
        ['all', 5],
      ]);
    }
  });
});
