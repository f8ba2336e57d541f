/** `npm run db:migrate` — applies pending migrations to the configured database and exits. */
import { openDatabase } from './client.ts';
import { describeDatabase, readDatabaseEnv } from './env.ts';

const { databaseUrl, dataDir } = readDatabaseEnv();
try {
  const handle = await openDatabase({ databaseUrl, dataDir });
  await handle.close();
  console.log(`Migrations applied to ${describeDatabase(databaseUrl, dataDir)}.`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
