/**
 * `npm run db:backup [-- FILE]` — a backup of the configured database (PGlite in
 * DATA_DIR, or DATABASE_URL) to FILE, by default DATA_DIR/backups/…; see db/backup.ts.
 * PGlite: stop the server first (one process per data directory).
 */
import { backupDatabase, defaultBackupFile } from '../db/backup.ts';
import { describeDatabase, readDatabaseEnv } from '../db/env.ts';

try {
  const target = readDatabaseEnv();
  const file = process.argv[2] ?? defaultBackupFile(target, new Date());
  await backupDatabase(target, file);
  console.log(`Backed up ${describeDatabase(target.databaseUrl, target.dataDir)} to ${file}.`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
