/**
 * Write-ahead-log positions, for reading from a streaming replica without
 * caching what it has not replayed yet (src/server/read-database.ts,
 * decision 010). Positions are PostgreSQL's `pg_lsn` text (`16/B374D848`);
 * `walPosition` turns them into numbers that compare.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../client.ts';

/** The primary's current WAL write position: every commit already acknowledged is at or before it. */
export async function currentWalPosition(db: Db): Promise<bigint> {
  const rows = rowsOf<{ lsn: string }>(await db.execute(sql`select pg_current_wal_lsn()::text as lsn`));
  return walPosition(rows[0]!.lsn);
}

/**
 * How far this server has replayed: a standby's last replayed position, or, on a server that is not
 * in recovery (a promoted replica, or the primary itself given as the replica), its current position.
 * Null when a standby has replayed nothing yet.
 */
export async function replayedWalPosition(db: Db): Promise<bigint | null> {
  const rows = rowsOf<{ lsn: string | null }>(
    await db.execute(
      sql`select (case when pg_is_in_recovery() then pg_last_wal_replay_lsn()
                       else pg_current_wal_lsn() end)::text as lsn`,
    ),
  );
  const lsn = rows[0]?.lsn ?? null;
  return lsn === null ? null : walPosition(lsn);
}

/** `16/B374D848` → 0x16B374D848: the high and low 32 bits of a 64-bit byte position. */
export function walPosition(lsn: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (!match) throw new Error(`Not a WAL position: ${lsn}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
