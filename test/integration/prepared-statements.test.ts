/**
 * On PostgreSQL the app's statements are prepared on their connection
 * (db/prepared-statements.ts): one round trip each once the connection has run
 * them, instead of two. Their plans stay per execution, as unnamed statements'.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.ts';
import { brands } from '../../db/schema.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

describe.runIf(usingPostgres)('statements on PostgreSQL', () => {
  it('are prepared on their connection, queries and transactions alike', async () => {
    const prepared = await database.db.transaction(async (tx) => {
      await tx
        .select({ id: brands.id })
        .from(brands)
        .where(sql`${brands.slug} = ${'northwind'}`);
      // The same connection: the transaction's.
      return rowsOf<{ statement: string }>(
        await tx.execute(sql`select statement from pg_prepared_statements`),
      );
    });
    expect(prepared.map((row) => row.statement)).toContainEqual(
      expect.stringMatching(/^select "id" from "brands" where "brands"\."slug" = \$1$/),
    );
  });

  it('are planned for each execution', async () => {
    const [row] = rowsOf<{ plan_cache_mode: string }>(await database.db.execute(sql`show plan_cache_mode`));
    expect(row?.plan_cache_mode).toBe('force_custom_plan');
  });
});
