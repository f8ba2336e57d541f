/**
 * A test database filled with the demo board (the same generator as
 * `npm run db:seed`), for tests that read realistic pages and figures.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../db/client.ts';
import { rebuildBrandStatistics } from '../../src/server/statistics.ts';
import { buildDemo } from '../../db/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

/** A fixed clock: demo data and pages render the same on every run. */
export const DEMO_NOW = new Date('2026-06-15T12:00:00.000Z');

// Hashing is slow by design and no test logs in with these rows; a placeholder keeps it fast.
const UNUSABLE_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$test$test';

export async function createDemoDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  const store = buildDemo({ now: DEMO_NOW, passwordHash: UNUSABLE_PASSWORD_HASH });
  await database.db.transaction(async (tx) => {
    await store.write(tx);
    await rebuildBrandStatistics(tx, DEMO_NOW);
  });
  return database;
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
