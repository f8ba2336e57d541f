/**
 * A migrated database for one test file: in-memory PGlite by default, or a
 * fresh database on the PostgreSQL server named by TEST_DATABASE_URL (created
 * here and dropped afterwards, so test files can run in parallel).
 * `rollback(db, fn)` runs a test inside a transaction that is always undone.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database, type DatabaseHandle, type OpenOptions } from '../../db/client.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Drops the throw-away PostgreSQL database, or closes PGlite. */
  destroy(): Promise<void>;
}

export const usingPostgres = Boolean(process.env['TEST_DATABASE_URL']);

export async function createTestDatabase(options: Pick<OpenOptions, 'onQuery'> = {}): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const handle = await openDatabase({ ...options, inMemory: true });
    return { ...handle, destroy: () => handle.close() };
  }
  const name = `lf_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ ...options, databaseUrl: url.toString() });
  return {
    ...handle,
    destroy: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

class Rollback extends Error {}

/** Runs `fn` in a transaction and rolls it back, whatever happens. */
export async function rollback<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx as unknown as Database);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

/**
 * The same database, except that every transaction fails with `message` after
 * its work has run, as a lost connection at commit would: for tests showing
 * that a failed write leaves nothing behind.
 */
export function failingAtCommit(db: Database, message: string): Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'transaction') return Reflect.get(target, property, receiver);
      return (fn: (tx: Database) => Promise<unknown>) =>
        target.transaction(async (tx) => {
          await fn(tx as unknown as Database);
          throw new Error(message);
        });
    },
  });
}
