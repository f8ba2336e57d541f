/**
 * On PostgreSQL a transaction's BEGIN travels with its first statements
 * (db/pipelined-begin.ts); what postgres.js's own `begin` guaranteed still holds.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { brands } from '../../db/schema.ts';
import { createBrand } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

class Refused extends Error {}

const descriptionOf = async (id: number) =>
  (await database.db.select({ d: brands.description }).from(brands).where(eq(brands.id, id)))[0]?.d;

describe.runIf(usingPostgres)('a transaction on PostgreSQL', () => {
  it('runs its statements inside one transaction and commits them', async () => {
    const brand = await createBrand(database.db);
    const [inside, outsideSeen] = await database.db.transaction(async (tx) => {
      await tx.update(brands).set({ description: 'committed' }).where(eq(brands.id, brand.id));
      const [row] = rowsOf<{ id: string }>(
        await tx.execute(sql`select txid_current_if_assigned()::text as id`),
      );
      return [row?.id ?? null, await descriptionOf(brand.id)];
    });
    expect(inside).not.toBeNull(); // a transaction id: the update ran inside BEGIN … COMMIT
    expect(outsideSeen).not.toBe('committed'); // not visible outside before the commit
    expect(await descriptionOf(brand.id)).toBe('committed');
  });

  it('rolls back when its body throws, and rethrows', async () => {
    const brand = await createBrand(database.db);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(brands).set({ description: 'thrown away' }).where(eq(brands.id, brand.id));
        throw new Refused();
      }),
    ).rejects.toBeInstanceOf(Refused);
    expect(await descriptionOf(brand.id)).not.toBe('thrown away');
  });

  it('fails, and keeps nothing, when a statement failed even though the body caught its error', async () => {
    const brand = await createBrand(database.db);
    const other = await createBrand(database.db);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(brands).set({ description: 'lost' }).where(eq(brands.id, brand.id));
        // A duplicate slug: PostgreSQL aborts the transaction; the body looks away.
        await tx
          .update(brands)
          .set({ slug: other.slug })
          .where(eq(brands.id, brand.id))
          .catch(() => null);
        return 'done';
      }),
    ).rejects.toThrow(/duplicate key|unique/i);
    expect(await descriptionOf(brand.id)).not.toBe('lost');
  });

  it('keeps the outer transaction when a nested one rolls back', async () => {
    const brand = await createBrand(database.db);
    await database.db.transaction(async (tx) => {
      await tx.update(brands).set({ description: 'outer' }).where(eq(brands.id, brand.id));
      await expect(
        tx.transaction(async (inner) => {
          await inner.update(brands).set({ description: 'inner' }).where(eq(brands.id, brand.id));
          throw new Refused();
        }),
      ).rejects.toBeInstanceOf(Refused);
    });
    expect(await descriptionOf(brand.id)).toBe('outer');
  });

  it('gives its connection back whatever happens: more failed transactions than connections', async () => {
    const brand = await createBrand(database.db);
    for (let attempt = 0; attempt < 25; attempt++) {
      await expect(
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          throw new Refused();
        }),
      ).rejects.toBeInstanceOf(Refused);
    }
    // Twenty at once, each committing its own write.
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(0.01)`);
          if (index === 19)
            await tx.update(brands).set({ description: 'last' }).where(eq(brands.id, brand.id));
        }),
      ),
    );
    expect(await descriptionOf(brand.id)).toBe('last');
  });
});
