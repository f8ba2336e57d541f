/**
 * A test database filled with the demo board (the same generator as
 * `npm run db:seed`), for tests that read realistic pages and figures.
 *
 * The seed plays every thread through the live writer (issue #10), a few
 * thousand statements, so on PGlite the board is seeded once per version of
 * the code into a data directory under the system's temp directory, and each
 * test file gets its own copy of that directory (a copy opens in about a
 * second). The directory's name holds a hash of db/ and src/, so any change to
 * the seed, the schema or the rules seeds it again. With TEST_DATABASE_URL each
 * file seeds its own PostgreSQL database.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { rebuildBrandStatistics } from '../../src/server/statistics.ts';
import { buildDemo } from '../../db/seed/demo.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from './database.ts';

/** A fixed clock: demo data and pages render the same on every run. */
export const DEMO_NOW = new Date('2026-06-15T12:00:00.000Z');

// Hashing is slow by design and no test logs in with these rows; a placeholder keeps it fast.
const UNUSABLE_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$test$test';

async function seedDemo(db: Database): Promise<void> {
  const store = buildDemo({ now: DEMO_NOW, passwordHash: UNUSABLE_PASSWORD_HASH });
  await db.transaction(async (tx) => {
    await store.write(tx);
    await rebuildBrandStatistics(tx, DEMO_NOW);
  });
}

/** Every file under `directory`, for the version hash. */
function filesUnder(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** A hash of everything the seeded board depends on: db/, src/ and this file. */
function codeVersion(): string {
  const hash = createHash('sha256');
  const files = [...filesUnder('db'), ...filesUnder('src'), 'test/helpers/demo-database.ts'].sort();
  for (const file of files) hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The seeded data directory for this version of the code, seeded now if no test file did it yet. */
async function seededDirectory(): Promise<string> {
  const seeded = path.join(os.tmpdir(), `lf-demo-board-${codeVersion()}`);
  if (fs.existsSync(seeded)) return seeded;
  const building = `${seeded}.building-${process.pid}-${randomBytes(4).toString('hex')}`;
  const handle = await openDatabase({ dataDir: building });
  try {
    await seedDemo(handle.db);
  } finally {
    await handle.close();
  }
  try {
    // Atomic: another file seeding at the same time either finds nothing or the whole directory.
    fs.renameSync(building, seeded);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another file published it first
  }
  return seeded;
}

export async function createDemoDatabase(): Promise<TestDatabase> {
  if (usingPostgres) {
    const database = await createTestDatabase();
    await seedDemo(database.db);
    return database;
  }
  const copy = path.join(os.tmpdir(), `lf-demo-copy-${process.pid}-${randomBytes(4).toString('hex')}`);
  fs.cpSync(await seededDirectory(), copy, { recursive: true });
  const handle = await openDatabase({ dataDir: copy });
  return {
    ...handle,
    destroy: async () => {
      await handle.close();
      fs.rmSync(copy, { recursive: true, force: true });
    },
  };
}

/**
 * The demo board and an Astro container to render its pages, for one component test file: made
 * before its tests, dropped after them. Read `db` and `container` inside tests (they exist then).
 */
export function useDemoBoard(): { readonly db: Database; readonly container: AstroContainer } {
  let database: TestDatabase | null = null;
  let container: AstroContainer | null = null;
  beforeAll(async () => {
    database = await createDemoDatabase();
    container = await AstroContainer.create();
  });
  afterAll(() => database?.destroy());
  return {
    get db() {
      return database!.db;
    },
    get container() {
      return container!;
    },
  };
}
