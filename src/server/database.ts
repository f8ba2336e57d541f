/**
 * The app's one database handle, opened once per process from the validated
 * configuration. The server opens it before it listens (src/server/boot.ts),
 * so a locked data directory stops the start instead of the first request.
 */
import { DATABASE_READ_URL, DATABASE_URL, DATA_DIR } from 'astro:env/server';
import { closeOnSignals, openDatabase, type DatabaseHandle } from '../../db/client.ts';

let opening: Promise<DatabaseHandle> | null = null;

export function getDatabase(): Promise<DatabaseHandle> {
  opening ??= openDatabase({
    databaseUrl: DATABASE_URL ?? null,
    readDatabaseUrl: DATABASE_READ_URL ?? null,
    dataDir: DATA_DIR,
  }).then((handle) => {
    closeOnSignals(handle);
    return handle;
  });
  return opening;
}
