/**
 * The read replica's handle (decision 010): refused without a primary, and its
 * replay position read the same way on a standby and on a server that is not
 * in recovery (a promoted replica, or the primary named as its own replica).
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { currentWalPosition, replayedWalPosition } from '../../db/queries/replication.ts';
import { usingPostgres } from '../helpers/database.ts';

describe('a read replica handle', () => {
  it('is refused without a primary: the embedded database has no replicas', async () => {
    await expect(
      openDatabase({ inMemory: true, readDatabaseUrl: 'postgres://postgres@127.0.0.1:1/none' }),
    ).rejects.toThrow('DATABASE_READ_URL names a read replica, which needs DATABASE_URL');
  });

  it.skipIf(!usingPostgres)(
    'reads through the replica URL, where a server not in recovery reports its current position',
    async () => {
      const url = process.env['TEST_DATABASE_URL']!;
      const handle = await openDatabase({ databaseUrl: url, readDatabaseUrl: url, migrate: false });
      try {
        const before = await currentWalPosition(handle.db);
        const replayed = await replayedWalPosition(handle.replica!);
        expect(replayed).not.toBeNull();
        expect(replayed! >= before).toBe(true);
      } finally {
        await handle.close();
      }
    },
  );
});
