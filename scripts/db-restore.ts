/**
 * `npm run db:restore -- FILE` — restores a backup made by `npm run db:backup`
 * into the configured database, which must be new and empty (a fresh DATA_DIR,
 * or a database just made with createdb); see db/backup.ts. The server then
 * applies any newer migrations at start.
 */
import { restoreDatabase } from '../db/backup.ts';
import { describeDatabase, readDatabaseEnv } from '../db/env.ts';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run db:restore -- FILE   (into an empty DATA_DIR or an empty DATABASE_URL)');
  process.exit(2);
}
try {
  const target = readDatabaseEnv();
  await restoreDatabase(target, file);
  console.log(`Restored ${file} into ${describeDatabase(target.databaseUrl, target.dataDir)}.`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
