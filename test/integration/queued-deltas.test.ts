/**
 * Writers of one brand do not wait for each other's commit (decision 012): while one writer is
 * adding its change to the brand's figures, another queues its own and commits at once; the next
 * writer to add, or the figures refresher, adds what was queued, and the figures equal a rebuild.
 * PostgreSQL only: PGlite has one connection, so no two writers are ever in flight together.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { refreshRequestedFigures } from '../../src/server/statistics.ts';
import { tryToAddToBrandFigures, shareBrandFigures } from '../../db/queries/figure-turns.ts';
import { createBrand, createPerson, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';
import { maintainedAndRebuilt } from '../helpers/rebuilt-aggregates.ts';

let database: TestDatabase;
beforeAll(async () => {
  if (usingPostgres) database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const now = new Date(Math.floor(Date.now() / 1000) * 1000);

const deps = (): CommandDeps => commandDeps(database.db, { now, ipAddress: '198.51.100.7' });

async function queuedCount(brandId: number): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await database.db.execute(
      sql`select count(*)::int as n from queued_stat_deltas where brand_id = ${brandId}`,
    ),
  );
  return row!.n;
}

async function failsFigure(brandId: number): Promise<number> {
  const [row] = rowsOf<{ fails: number }>(
    await database.db.execute(
      sql`select fails from brand_stats where brand_id = ${brandId} and "window" = 'all'`,
    ),
  );
  return row?.fails ?? 0;
}

/** Holds the brand's "adding" turn in an open transaction until `release` is called. */
async function holdAddingTurn(brandId: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const done = database.db.transaction(async (tx) => {
    await shareBrandFigures(tx, brandId);
    expect(await tryToAddToBrandFigures(tx, brandId)).toBe(true);
    held();
    await released;
  });
  await holding;
  return { release: async () => (release(), await done) };
}

async function publishAs(author: Actor, brandSlug: string, title: string): Promise<void> {
  const result = await createPost(deps(), author, newPostInput({ brandSlug, title }));
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
}

describe.skipIf(!usingPostgres)('a write while another writer of the brand is adding', () => {
  it('commits without waiting, queued, and the next writer to add takes the queue along', async () => {
    const brand = await createBrand(database.db, 'Queue Telecom');
    const [first, second, third] = [
      await createPerson(database.db),
      await createPerson(database.db),
      await createPerson(database.db),
    ];
    await publishAs(first!, brand.slug, 'The first fail');
    expect(await failsFigure(brand.id)).toBe(1);

    const turn = await holdAddingTurn(brand.id);
    // Would hang until the turn is released if writers still waited for each other.
    await publishAs(second!, brand.slug, 'A fail while another writer adds');
    expect(await queuedCount(brand.id)).toBe(1);
    expect(await failsFigure(brand.id)).toBe(1);
    await turn.release();

    await publishAs(third!, brand.slug, 'A fail once the turn is free');
    expect(await queuedCount(brand.id)).toBe(0);
    expect(await failsFigure(brand.id)).toBe(3);
    const { maintained, rebuilt } = await maintainedAndRebuilt(database.db, now);
    expect(maintained.breakdowns).toEqual(rebuilt.breakdowns);
    expect(maintained.monthly.map((m) => [m['likes'], m['fails']])).toEqual(
      rebuilt.monthly.map((m) => [m['likes'], m['fails']]),
    );
  });

  it('is added by the figures refresher when no other write follows', async () => {
    const brand = await createBrand(database.db, 'Quiet Afterwards');
    const [first, second] = [await createPerson(database.db), await createPerson(database.db)];
    await publishAs(first!, brand.slug, 'The first fail');
    const turn = await holdAddingTurn(brand.id);
    await publishAs(second!, brand.slug, 'Queued while another adds');
    await turn.release();
    expect(await queuedCount(brand.id)).toBe(1);

    await refreshRequestedFigures(database.db, now);
    expect(await queuedCount(brand.id)).toBe(0);
    expect(await failsFigure(brand.id)).toBe(2);
    const { maintained, rebuilt } = await maintainedAndRebuilt(database.db, now);
    expect(maintained).toEqual(rebuilt);
  });
});
