/**
 * Opens the board's database: embedded PGlite in `DATA_DIR/pglite` by
 * default, or a real PostgreSQL when a URL is given. Both run the same
 * drizzle schema and the same committed migrations, applied here at start.
 *
 * PGlite has no lock on its directory and two processes writing one directory
 * silently lose writes, so we take a lock file and refuse a second process
 * with a message that says why. PostgreSQL servers may run many instances;
 * there the migrations run under an advisory lock so two starting instances
 * do not apply them twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; queries accept either (`Db`). */
export type Db = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** Rows of a raw query, whatever the driver's result shape. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent PGlite is used. */
  databaseUrl?: string | null;
  /** Where PGlite keeps its files (`<dataDir>/pglite`); ignored with a URL. */
  dataDir?: string;
  /** An in-memory PGlite, for tests. */
  inMemory?: boolean;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  migrationsFolder?: string;
}

// Arbitrary, fixed: the advisory lock id every instance uses around migrations.
const MIGRATION_LOCK_ID = 7_236_401;

export function defaultMigrationsFolder(): string {
  return path.resolve(process.env['MIGRATIONS_DIR'] ?? 'db/migrations');
}

export class DataDirLockedError extends Error {
  constructor(lockPath: string, pid: number) {
    super(
      `Another Likes & Fails process (pid ${pid}) is already using the embedded database ` +
        `in ${path.dirname(lockPath)}. PGlite allows one process per data directory: two ` +
        `would silently lose writes. Stop that process, or set DATA_DIR to another ` +
        `directory, or use PostgreSQL through DATABASE_URL to run several instances.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const shouldMigrate = options.migrate ?? true;
  if (shouldMigrate && !fs.existsSync(path.join(migrationsFolder, 'meta', '_journal.json'))) {
    throw new Error(`No migrations found in ${migrationsFolder} (set MIGRATIONS_DIR).`);
  }
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, shouldMigrate, migrationsFolder);
  }
  return openPglite(options, shouldMigrate, migrationsFolder);
}

async function openPostgres(
  url: string,
  shouldMigrate: boolean,
  migrationsFolder: string,
): Promise<DatabaseHandle> {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  try {
    if (shouldMigrate) {
      // A reserved connection holds the session-level lock while the pool migrates.
      const lockConnection = await client.reserve();
      try {
        await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
      } finally {
        await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
        lockConnection.release();
      }
    }
  } catch (error) {
    await client.end({ timeout: 5 });
    throw error;
  }
  return {
    db,
    driver: 'postgres',
    rows: async <T extends Record<string, unknown>>(query: SQL) => [
      ...((await db.execute(query)) as unknown as T[]),
    ],
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(
  options: OpenOptions,
  shouldMigrate: boolean,
  migrationsFolder: string,
): Promise<DatabaseHandle> {
  let releaseLock = () => {};
  let client: PGlite;
  if (options.inMemory) {
    client = new PGlite({ extensions: { pg_trgm } });
  } else {
    const dataDir = path.resolve(options.dataDir ?? './data');
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(path.join(dataDir, 'pglite.lock'));
    client = new PGlite(path.join(dataDir, 'pglite'), { extensions: { pg_trgm } });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  try {
    await client.waitReady;
    if (shouldMigrate) await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
  } catch (error) {
    await client.close().catch(() => {});
    releaseLock();
    throw error;
  }
  let closed = false;
  return {
    db,
    driver: 'pglite',
    rows: async <T extends Record<string, unknown>>(query: SQL) =>
      ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      releaseLock();
    },
  };
}

/**
 * Creates the lock file atomically (`wx`). A lock left by a process that no
 * longer runs (a crash, a kill -9) is taken over; a live one is refused.
 */
export function acquireDataDirLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && (holder === process.pid || isProcessAlive(holder))) {
        throw new DataDirLockedError(lockPath, holder);
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}.`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Closes the database once on SIGTERM/SIGINT, then exits. */
export function closeOnSignals(handle: DatabaseHandle): void {
  const shutdown = (signal: NodeJS.Signals) => {
    handle
      .close()
      .catch((error: unknown) => console.error('Closing the database failed:', error))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** Rows of `db.execute()`, which answers an array on postgres-js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
