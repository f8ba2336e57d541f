/** What readiness asks the database: that it answers, and the newest migration it has applied. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.ts';

/**
 * The `when` of the newest migration drizzle applied (its journal's timestamp,
 * as text), or null when none was. Throws when the database does not answer.
 */
export async function latestAppliedMigration(db: Db): Promise<string | null> {
  const [table] = rowsOf<{ name: string | null }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`),
  );
  if (!table?.name) return null; // never migrated
  const [row] = rowsOf<{ latest: string | null }>(
    await db.execute(sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`),
  );
  return row?.latest ?? null;
}
