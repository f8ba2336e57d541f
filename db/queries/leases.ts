/**
 * Leases on periodic tasks: an instance takes the lease when it is free or
 * expired, runs the task in short transactions, and gives it back. Another
 * instance meanwhile skips the round. An instance that dies mid-run frees the
 * lease by its expiry.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.ts';

/** Takes the lease `name` for `holder` until `until`; false when someone else holds it. */
export async function takeLease(
  db: Db,
  name: string,
  holder: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const rows = rowsOf<{ holder: string }>(
    await db.execute(sql`
      insert into background_leases (name, holder, expires_at)
      values (${name}, ${holder}, ${until.toISOString()}::timestamptz)
      on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
        where background_leases.expires_at <= ${now.toISOString()}::timestamptz
          or background_leases.holder = excluded.holder
      returning holder`),
  );
  return rows.length > 0;
}

export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute(sql`delete from background_leases where name = ${name} and holder = ${holder}`);
}
