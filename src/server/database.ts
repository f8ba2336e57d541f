/**
 * The app's one database handle, opened once per process from the validated
 * configuration. The server opens it before it listens (src/server/boot.ts),
 * so a locked data directory stops the start instead of the first request; it
 * is closed last when the server stops (src/server/http-lifecycle.ts).
 */
import { DATABASE_READ_URL, DATABASE_URL, DATA_DIR } from 'astro:env/server';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';

let opening: Promise<DatabaseHandle> | null = null;

export function getDatabase(): Promise<DatabaseHandle> {
  opening ??= openDatabase({
    databaseUrl: DATABASE_URL ?? null,
    readDatabaseUrl: DATABASE_READ_URL ?? null,
    dataDir: DATA_DIR,
  });
  return opening;
}
