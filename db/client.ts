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
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import {
  COMMAND_CONNECTION_PARAMETERS,
  PREPARED_CONNECTION_PARAMETERS,
  preparingStatements,
} from './prepared-statements.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; queries accept either (`Db`). */
export type Db = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  /** The primary: every write, and every read that must see one's own writes. */
  db: Database;
  /**
   * The primary again, for requests that change data (form posts and other non-GET requests: their
   * session read, their command). On PostgreSQL its own connections plan statements by PostgreSQL's
   * rule, reusing a generic plan once it is no dearer (db/plan-cache-mode.ts): a command's statements
   * are point reads and writes whose plan does not depend on their parameters. On PGlite it is `db`.
   */
  commands: Database;
  /**
   * A streaming replica for reads that may lag (`DATABASE_READ_URL`), or null: then every read goes
   * to `db`. Which pages may read it, and how they avoid caching what it has not replayed yet, is
   * src/server/read-database.ts (decision 010).
   */
  replica: Database | null;
  driver: 'pglite' | 'postgres';
  /** Rows of a raw query, whatever the driver's result shape. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * Subscribes to LISTEN/NOTIFY channels: on PostgreSQL through one connection of its own for
   * all of them (reconnected after a drop), on PGlite through its only connection. Resolves once
   * listening, or once the first attempt failed (it keeps retrying); the result stops listening.
   * The process calls it once (src/server/change-listener.ts), so an instance holds one
   * listening connection whatever listens to what.
   */
  listen(channels: string | readonly string[], handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ListenHandlers {
  onNotify(payload: string, channel: string): void;
  /** Listening (again): notifications sent while it was down were lost, so resynchronise here. */
  onConnected?(): void;
  /** The listening connection dropped: until `onConnected`, notifications are missed. */
  onDisconnected?(): void;
}

/** Wait between attempts to re-open a dropped listening connection. */
const LISTEN_RETRY_MILLISECONDS = 1_000;

export interface OpenOptions {
  /** PostgreSQL URL; when absent PGlite is used. */
  databaseUrl?: string | null;
  /** A streaming replica of `databaseUrl` for reads that may lag; needs `databaseUrl`. */
  readDatabaseUrl?: string | null;
  /** Where PGlite keeps its files (`<dataDir>/pglite`); ignored with a URL. */
  dataDir?: string;
  /** An in-memory PGlite, for tests. */
  inMemory?: boolean;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  migrationsFolder?: string;
  /** Called with every statement the app's queries send (not migrations): for tests that count them. */
  onQuery?: (query: string) => void;
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
  if (options.readDatabaseUrl && !options.databaseUrl) {
    throw new Error(
      'DATABASE_READ_URL names a read replica, which needs DATABASE_URL (its primary): the embedded ' +
        'database has no replicas.',
    );
  }
  if (options.databaseUrl) {
    return openPostgres(
      options.databaseUrl,
      options.readDatabaseUrl ?? null,
      shouldMigrate,
      migrationsFolder,
      options.onQuery ?? null,
    );
  }
  return openPglite(options, shouldMigrate, migrationsFolder);
}

function queryLogger(onQuery: ((query: string) => void) | null) {
  return onQuery ? { logQuery: (query: string) => onQuery(query) } : false;
}

/** How long a replica may take to accept a connection before its reads go to the primary. */
const REPLICA_CONNECT_TIMEOUT_SECONDS = 2;

async function openPostgres(
  url: string,
  readUrl: string | null,
  shouldMigrate: boolean,
  migrationsFolder: string,
  onQuery: ((query: string) => void) | null,
): Promise<DatabaseHandle> {
  const client = postgres(url, { max: 10, onnotice: () => {}, connection: PREPARED_CONNECTION_PARAMETERS });
  // The app's queries are prepared statements (db/prepared-statements.ts); the migrations are not.
  const db = drizzlePostgres(preparingStatements(client), {
    schema,
    logger: queryLogger(onQuery),
  }) as unknown as Database;
  // Opened on first use: an instance that only serves pages never connects it.
  const commandClient = postgres(url, {
    max: 10,
    onnotice: () => {},
    connection: COMMAND_CONNECTION_PARAMETERS,
  });
  const commands = drizzlePostgres(preparingStatements(commandClient), {
    schema,
    logger: queryLogger(onQuery),
  }) as unknown as Database;
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
    await Promise.all([client.end({ timeout: 5 }), commandClient.end({ timeout: 5 })]);
    throw error;
  }
  // Not checked at start: a replica that is down costs its reads a fallback to the primary, not the start.
  const replicaClient = readUrl
    ? postgres(readUrl, {
        max: 10,
        onnotice: () => {},
        connect_timeout: REPLICA_CONNECT_TIMEOUT_SECONDS,
        connection: PREPARED_CONNECTION_PARAMETERS,
      })
    : null;
  return {
    db,
    commands,
    replica: replicaClient
      ? (drizzlePostgres(preparingStatements(replicaClient), { schema }) as unknown as Database)
      : null,
    driver: 'postgres',
    rows: async <T extends Record<string, unknown>>(query: SQL) => [
      ...((await db.execute(query)) as unknown as T[]),
    ],
    listen: (channels, handlers) => listenPostgres(url, [channels].flat(), handlers),
    close: async () => {
      await Promise.all([
        client.end({ timeout: 5 }),
        commandClient.end({ timeout: 5 }),
        replicaClient?.end({ timeout: 5 }),
      ]);
    },
  };
}

/** How the listening connection names itself in `pg_stat_activity`. */
export const LISTENER_APPLICATION_NAME = 'likes-and-fails listener';

/**
 * A dedicated one-connection client that only listens, to every channel asked
 * for. postgres-js's own `sql.listen` re-listens after a drop but gives up
 * silently if that first retry fails, so the retry loop is ours.
 */
async function listenPostgres(
  url: string,
  channels: readonly string[],
  handlers: ListenHandlers,
): Promise<() => Promise<void>> {
  let stopped = false;
  let listening = false;
  let retry: NodeJS.Timeout | undefined;
  const scheduleRetry = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, LISTEN_RETRY_MILLISECONDS);
    retry.unref();
  };
  // `onnotify` is how postgres-js delivers notifications; its type declarations omit it.
  const options = {
    max: 1,
    max_lifetime: null,
    fetch_types: false,
    onnotice: () => {},
    connection: { application_name: LISTENER_APPLICATION_NAME },
    onnotify: (from: string, payload: string) => {
      if (channels.includes(from)) handlers.onNotify(payload, from);
    },
    onclose: () => {
      if (listening) {
        listening = false;
        handlers.onDisconnected?.();
      }
      scheduleRetry();
    },
  };
  const client = postgres(url, options as postgres.Options<Record<string, never>>);
  async function connect(): Promise<void> {
    if (stopped) return;
    try {
      // One statement per channel, all on the client's single connection.
      for (const channel of channels) await client`listen ${client(channel)}`;
      listening = true;
      handlers.onConnected?.();
    } catch {
      scheduleRetry();
    }
  }
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client.end({ timeout: 1 });
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
    client = new PGlite({ extensions: { pg_trgm, unaccent } });
  } else {
    const dataDir = path.resolve(options.dataDir ?? './data');
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(path.join(dataDir, 'pglite.lock'));
    client = new PGlite(path.join(dataDir, 'pglite'), { extensions: { pg_trgm, unaccent } });
  }
  const db = drizzlePglite(client, {
    schema,
    logger: queryLogger(options.onQuery ?? null),
  }) as unknown as Database;
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
    commands: db,
    replica: null,
    driver: 'pglite',
    rows: async <T extends Record<string, unknown>>(query: SQL) =>
      ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    // One in-process connection: it cannot drop, so it is connected once.
    listen: async (channels, handlers) => {
      const unlisteners = await Promise.all(
        [channels]
          .flat()
          .map((channel) => client.listen(channel, (payload) => handlers.onNotify(payload, channel))),
      );
      handlers.onConnected?.();
      return async () => {
        if (!closed) for (const unlisten of unlisteners) await unlisten();
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
      releaseLock();
    },
  };
}

/**
 * Creates the lock file atomically (`wx`) with who holds it: the process id
 * and its start time (and the machine's boot id), because an id alone is
 * reused — a container's new process is PID 1 again, and a killed process
 * may linger as a zombie. A lock whose holder no longer runs (gone, a zombie,
 * or another process now using that id) is taken over; a live one is refused.
 */
export function acquireDataDirLock(lockPath: string): () => void {
  const me = currentHolder();
  if (heldInThisProcess.has(lockPath)) throw new DataDirLockedError(lockPath, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      heldInThisProcess.add(lockPath);
      return () => {
        heldInThisProcess.delete(lockPath);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === JSON.stringify(me)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = parseHolder(fs.readFileSync(lockPath, 'utf8'));
      if (holder && holderIsRunning(holder)) throw new DataDirLockedError(lockPath, holder.pid);
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}.`);
}

/** Lock files this process holds (a second handle in the same process is refused too). */
const heldInThisProcess = new Set<string>();

interface LockHolder {
  pid: number;
  /** Start time in clock ticks after boot (Linux /proc), or null where there is no /proc. */
  startTicks: number | null;
  bootId: string | null;
}

function readProcessStat(pid: number): { state: string; startTicks: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, startTicks: Number(fields[19]) };
  } catch {
    return null;
  }
}

function readBootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

function currentHolder(): LockHolder {
  return {
    pid: process.pid,
    startTicks: readProcessStat(process.pid)?.startTicks ?? null,
    bootId: readBootId(),
  };
}

/** The holder written in a lock file; an older lock holds a bare process id. */
export function parseHolder(text: string): LockHolder | null {
  const bare = Number.parseInt(text, 10);
  if (/^\d+$/.test(text.trim()) && Number.isInteger(bare))
    return { pid: bare, startTicks: null, bootId: null };
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid)) return null;
    return { pid: value.pid!, startTicks: value.startTicks ?? null, bootId: value.bootId ?? null };
  } catch {
    return null;
  }
}

function holderIsRunning(holder: LockHolder): boolean {
  const stat = readProcessStat(holder.pid);
  if (stat) {
    if (stat.state === 'Z' || stat.state === 'X') return false; // killed, waiting to be reaped
    if (holder.bootId !== null && holder.bootId !== readBootId()) return false; // written before a reboot
    if (holder.startTicks !== null) return stat.startTicks === holder.startTicks;
    // A bare id from an older lock: our own id means a previous process of ours (a restarted container).
    return holder.pid !== process.pid;
  }
  if (fs.existsSync('/proc/self/stat')) return false; // /proc works and has no such process
  return holder.pid !== process.pid && isProcessAlive(holder.pid);
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

/** Rows of `db.execute()`, which answers an array on postgres-js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
