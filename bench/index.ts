/**
 * `npm run bench` — speed and memory of the reads the pages make, on a
 * synthetic board (BENCH_POSTS posts, default 20,000; BENCH_BRANDS brands,
 * default 50) in a throw-away embedded database, or on PostgreSQL with
 * BENCH_DATABASE_URL. Prints medians; never asserts: numbers are for people.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { listInbox } from '../db/queries/inbox.ts';
import { postExportBatch } from '../db/queries/exports.ts';
import { getPostPage, listBrandPosts, listLatestPosts } from '../db/queries/posts.ts';
import { searchPosts } from '../db/queries/search.ts';
import { rebuildBrandStatistics } from '../src/server/statistics.ts';
import { seedSynthetic } from '../db/seed/synthetic.ts';
import { hashPassword } from '../src/server/auth/password.ts';
import { loadRanking } from '../src/server/rankings.ts';

const posts = Number(process.env['BENCH_POSTS'] ?? 20_000);
const brandCount = Number(process.env['BENCH_BRANDS'] ?? 50);
const databaseUrl = process.env['BENCH_DATABASE_URL'] ?? null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-bench-'));

async function timed(label: string, runs: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const p90 = samples[Math.floor(samples.length * 0.9)] ?? median;
  console.log(
    `${label.padEnd(44)} median ${median.toFixed(1).padStart(8)} ms   p90 ${p90.toFixed(1).padStart(8)} ms`,
  );
}

const handle = await openDatabase({ databaseUrl, dataDir });
try {
  if (databaseUrl) await handle.db.execute(sql`truncate users, brands, posts, jobs restart identity cascade`);
  const now = new Date();
  const started = performance.now();
  await seedSynthetic(handle, {
    brands: brandCount,
    posts,
    passwordHash: await hashPassword('bench-password'),
    now,
    reset: false,
  });
  console.log(
    `\nSeeded ${posts} posts for ${brandCount} brands in ${((performance.now() - started) / 1000).toFixed(1)} s (${handle.driver}).\n`,
  );
  const { db } = handle;
  const [{ id: busiest }] = (await handle.rows<{ id: number }>(
    sql`select brand_id as id from posts group by 1 order by count(*) desc limit 1`,
  )) as [{ id: number }];
  const deep = await listLatestPosts(db, { limit: 20 });
  let cursor = deep.next;
  for (let i = 0; i < 50 && cursor; i++) cursor = (await listLatestPosts(db, { cursor, limit: 20 })).next;

  await timed('home feed, first page', 30, () => listLatestPosts(db, { limit: 20 }));
  await timed('home feed, page 51 (keyset cursor)', 30, () => listLatestPosts(db, { cursor, limit: 20 }));
  await timed('brand feed, fails only', 30, () =>
    listBrandPosts(db, busiest, { kind: 'fail' }, { limit: 20, now }),
  );
  await timed('brand feed, unanswered', 30, () =>
    listBrandPosts(db, busiest, { status: 'unanswered' }, { limit: 20, now }),
  );
  await timed('post page with thread', 30, () => getPostPage(db, Math.ceil(posts / 2)));
  await timed('rankings (all brands, 12 months)', 20, () => loadRanking(db, { window: '12m' }));
  await timed('brand inbox', 20, () => listInbox(db, busiest, 'all', now));
  await timed('full-text search "refund"', 10, () => searchPosts(db, 'refund'));
  await timed('aggregates of the busiest brand (one write)', 5, () =>
    db.transaction((tx) => rebuildBrandStatistics(tx, now, busiest)),
  );

  const heapBefore = process.memoryUsage().heapUsed;
  let rows = 0;
  let peak = heapBefore;
  const exportStart = performance.now();
  for (let after = 0; ;) {
    const batch = await postExportBatch(db, after, 2000);
    if (batch.length === 0) break;
    rows += batch.length;
    after = Number(batch.at(-1)!.id);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - exportStart) / 1000;
  console.log(
    `${'posts.csv export'.padEnd(44)} ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s), heap growth at most ${((peak - heapBefore) / 1_048_576).toFixed(1)} MiB`,
  );
} finally {
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
