/**
 * Queries built once (db/built-once.ts) run on the handle they are given: the
 * pool, or a transaction whose rollback takes their writes with it — on
 * PGlite and on PostgreSQL (TEST_DATABASE_URL).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtOnce } from '../../db/built-once.ts';
import { getBrandBySlug } from '../../db/queries/brands.ts';
import { brands } from '../../db/schema.ts';
import { createBrand } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const renameBrand = builtOnce('test_rename_brand', (db) =>
  db
    .update(brands)
    .set({ description: sql.placeholder('description') as unknown as string })
    .where(eq(brands.id, sql.placeholder('id')))
    .returning({ id: brands.id, description: brands.description }),
);

class RolledBack extends Error {}

describe('a query built once', () => {
  it('answers each call with its own values', async () => {
    const first = await createBrand(database.db);
    const second = await createBrand(database.db);
    expect((await getBrandBySlug(database.db, first.slug))?.id).toBe(first.id);
    expect((await getBrandBySlug(database.db, second.slug))?.id).toBe(second.id);
    expect(await getBrandBySlug(database.db, 'no-such-brand')).toBeNull();
  });

  it('writes inside the transaction it is given, and goes with its rollback', async () => {
    const brand = await createBrand(database.db);
    await expect(
      database.db.transaction(async (tx) => {
        const [changed] = await renameBrand(tx, { id: brand.id, description: 'inside' });
        expect(changed).toEqual({ id: brand.id, description: 'inside' });
        // The transaction sees its own write through a query built before it began.
        expect((await getBrandBySlug(tx, brand.slug))?.description).toBe('inside');
        throw new RolledBack();
      }),
    ).rejects.toBeInstanceOf(RolledBack);
    expect((await getBrandBySlug(database.db, brand.slug))?.description).not.toBe('inside');
  });

  it('runs on the pool outside any transaction', async () => {
    const brand = await createBrand(database.db);
    await renameBrand(database.db, { id: brand.id, description: 'kept' });
    expect((await getBrandBySlug(database.db, brand.slug))?.description).toBe('kept');
  });
});
