/**
 * /readyz's answer (src/server/readiness.ts): ready on a migrated database, not
 * ready with a short reason when migrations are missing, the database is gone,
 * or the process is stopping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { checkReadiness } from '../../src/server/readiness.ts';
import { runShutdownSteps } from '../../src/server/shutdown.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe('readiness', () => {
  it('is ready when the database answers and every committed migration is applied', async () => {
    expect(await checkReadiness(database.db)).toEqual({ ready: true });
  });

  it('is not ready while a committed migration is not applied', async () => {
    const unmigrated = await openDatabase({ inMemory: true, migrate: false });
    try {
      expect(await checkReadiness(unmigrated.db)).toEqual({ ready: false, reason: 'migrations pending' });
    } finally {
      await unmigrated.close();
    }
  });

  it('is not ready when the database does not answer, and says so without internals', async () => {
    const closed = await openDatabase({ inMemory: true, migrate: false });
    await closed.close();
    expect(await checkReadiness(closed.db)).toEqual({ ready: false, reason: 'database unreachable' });
  });

  // Last: stopping is a one-way state of the process.
  it('is not ready once the process is stopping, even with a healthy database', async () => {
    await runShutdownSteps();
    expect(await checkReadiness(database.db)).toEqual({ ready: false, reason: 'shutting down' });
  });
});
