/**
 * The figures refresher that runs every second (decision 012, amended in session 9): while a
 * brand's rows were computed less than a minute ago it refreshes them in place, as a writer would,
 * so the brand's writers never wait for it; once they are a minute old it moves the windows first,
 * holding the brand alone.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { shareBrandFigures } from '../../db/queries/figure-turns.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { refreshRequestedFigures } from '../../src/server/statistics.ts';
import { createBrand, createPerson, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';
import { maintainedAndRebuilt } from '../helpers/rebuilt-aggregates.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const SECOND_MS = 1000;

/** A brand with `count` fails published at `at`, by as many customers. */
async function brandWithFails(name: string, count: number, at: Date) {
  const brand = await createBrand(database.db, name);
  for (let i = 0; i < count; i++) {
    const result = await createPost(
      commandDeps(database.db, { now: at, ipAddress: '198.51.100.9' }),
      await createPerson(database.db),
      newPostInput({
        brandSlug: brand.slug,
        title: `Fail number ${i}`,
        experiencedOn: at.toISOString().slice(0, 10),
      }),
    );
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
  }
  return brand;
}

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
    const ofBrand = (rows: Record<string, unknown>[]) => rows.filter((r) => r['brand_id'] === brand.id);
    for (const table of ['stats', 'breakdowns', 'monthly'] as const) {
      expect(ofBrand(maintained[table])).toEqual(ofBrand(rebuilt[table]));
      expect(ofBrand(rebuilt[table]).length).toBeGreaterThan(0);
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
    // A writer holding its share of the brand's figures, not committed yet: moving the windows would
    // wait for it; refreshing in place does not.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const writer = database.db.transaction(async (tx) => {
      await shareBrandFigures(tx, brand.id);
      holding();
      await released;
    });
    await held;
    try {
      const refreshed = refreshRequestedFigures(database.db, new Date(postedAt.getTime() + 10 * SECOND_MS));
      const outcome = await Promise.race([
        refreshed.then(() => 'refreshed'),
        new Promise((resolve) => setTimeout(() => resolve('waited'), 2_000)),
      ]);
      expect(outcome).toBe('refreshed');
      expect((await allTimeRow(brand.id)).refreshRequested).toBe(false);
    } finally {
      release();
      await writer;
    }
  });
});
