/**
 * `npm run db:seed` — fills the configured database (PGlite in DATA_DIR, or
 * DATABASE_URL) with the demo board.
 *
 *   npm run db:seed                          demo data; refuses a non-empty database
 *   npm run db:seed -- --if-empty            demo data only when there are no brands yet
 *   npm run db:seed -- --reset               empties every table first
 *   npm run db:seed -- --brands 500 --posts 1000000   synthetic data at that scale
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../src/server/auth/password.ts';
import { openDatabase, rowsOf, type Database } from '../client.ts';
import { describeDatabase, readDatabaseEnv } from '../env.ts';
import { rebuildBrandStatistics } from '../../src/server/statistics.ts';
import { buildDemo, DEMO_PASSWORD } from './demo.ts';
import { seedEvidence } from './evidence.ts';
import { seedSynthetic } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    'if-empty': { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
    brands: { type: 'string' },
    posts: { type: 'string' },
  },
});

function positiveInteger(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`--${name} takes a whole number above 0, not "${value}".`);
  return number;
}

/** Every table except drizzle's own bookkeeping, emptied in one statement. */
async function resetDatabase(db: Database): Promise<void> {
  await db.execute(sql`
    do $$ declare tables text; begin
      select string_agg(format('%I', tablename), ', ') into tables from pg_tables where schemaname = 'public';
      if tables is not null then execute 'truncate ' || tables || ' restart identity cascade'; end if;
    end $$`);
}

async function main(): Promise<void> {
  const brandCount = positiveInteger('brands', values.brands);
  const postCount = positiveInteger('posts', values.posts);
  const { databaseUrl, dataDir } = readDatabaseEnv();
  const handle = await openDatabase({ databaseUrl, dataDir });
  try {
    const [{ count }] = (await handle.rows<{ count: number }>(
      sql`select count(*)::int as count from brands`,
    )) as [{ count: number }];
    if (count > 0 && !values.reset) {
      if (values['if-empty']) {
        console.log(`Seed skipped: ${describeDatabase(databaseUrl, dataDir)} already has ${count} brands.`);
        return;
      }
      throw new Error(
        `${describeDatabase(databaseUrl, dataDir)} already has ${count} brands. ` +
          'Use --reset to empty it first, or --if-empty to keep it.',
      );
    }
    const started = performance.now();
    const now = new Date();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    if (brandCount !== null || postCount !== null) {
      await seedSynthetic(handle, {
        brands: brandCount ?? 50,
        posts: postCount ?? 10_000,
        passwordHash,
        now,
        reset: values.reset,
      });
    } else {
      // Whole days, so seeding twice on one day writes the same board.
      const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12));
      const store = buildDemo({
        now: today < now ? today : new Date(today.getTime() - 86_400_000),
        passwordHash,
      });
      let imageCount = 0;
      let messageCount = 0;
      await handle.db.transaction(async (tx) => {
        if (values.reset) await resetDatabase(tx as unknown as Database);
        await store.write(tx);
        imageCount = await seedEvidence(tx, store);
        await rebuildBrandStatistics(tx, now);
        const counted = await tx.execute(sql`select count(*)::int as count from thread_messages`);
        messageCount = rowsOf<{ count: number }>(counted)[0]?.count ?? 0;
      });
      console.log(
        `Seeded ${store.brands.length} brands, ${store.posts.length} posts, ${messageCount} thread messages, ` +
          `${imageCount} images ` +
          `and ${store.users.length} accounts into ${describeDatabase(databaseUrl, dataDir)} ` +
          `in ${Math.round(performance.now() - started)} ms.`,
      );
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
