/**
 * On PostgreSQL the app's statements are prepared on their connection
 * (db/prepared-statements.ts): one round trip each once the connection has run
 * them, instead of two. Outside transactions (the pages' reads) their plans stay
 * per execution, as unnamed statements'; inside one, and on the connections of
 * requests that change data (`commands`), they follow PostgreSQL's own rule and
 * reuse a generic plan once it is no dearer (db/plan-cache-mode.ts).
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

  it('reuse a generic plan inside transactions, never outside', async () => {
    // pg_prepared_statements shows the connection's own: read on the connection that ran the statement.
    const plans = (db: Pick<typeof database.db, 'execute'>, marker: string) =>
      db.execute(sql`
        select generic_plans::int as generic, custom_plans::int as custom
        from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared%'`);
    // Each statement is one text, run on every pool connection in turn; ten runs of each are enough
    // for PostgreSQL's rule (custom plans for the first five on a connection) to reach the generic
    // plan on at least one connection inside transactions.
    const inTransaction = sql`select id from brands where id = ${1} and 'in-transaction' <> ''`;
    const outside = sql`select id from brands where id = ${1} and 'outside' <> ''`;
    let generic = 0;
    for (let run = 0; run < 60; run++) {
      generic += await database.db.transaction(async (tx) => {
        await tx.execute(inTransaction);
        const [row] = rowsOf<{ generic: number }>(await plans(tx, 'in-transaction'));
        return row?.generic ?? 0;
      });
    }
    expect(generic).toBeGreaterThan(0);
    for (let run = 0; run < 60; run++) {
      await database.db.execute(outside);
      // Whichever connection answers, the statement never got a generic plan there.
      for (const row of rowsOf<{ generic: number }>(await plans(database.db, `'outside'`)))
        expect(row.generic).toBe(0);
    }
  });

  it("reuse a generic plan on the commands' connections, outside transactions too", async () => {
    const statement = sql`select id from brands where id = ${1} and 'on-commands' <> ''`;
    let generic = 0;
    for (let run = 0; run < 60; run++) {
      await database.commands.execute(statement);
      for (const row of rowsOf<{ generic: number }>(
        await database.commands.execute(sql`
          select generic_plans::int as generic from pg_prepared_statements
          where statement like ${"%'on-commands'%"} and statement not like '%pg_prepared%'`),
      ))
        generic += row.generic;
    }
    expect(generic).toBeGreaterThan(0);
    // …and the pages' connections are not the commands': theirs still plan every execution.
    const [row] = rowsOf<{ plan_cache_mode: string }>(
      await database.commands.execute(sql`show plan_cache_mode`),
    );
    expect(row?.plan_cache_mode).toBe('auto');
  });
});
