/**
 * `npm run bench:http` — the built server under load, as readers and authors
 * meet it. Builds (`BENCH_SKIP_BUILD=1` reuses dist/), then serves either a
 * throw-away PGlite board seeded with the demo data, or the database at
 * DATABASE_URL (seeded with the demo only when empty). Once start-up work has
 * settled it loads each page with autocannon (BENCH_CONNECTIONS, default 32,
 * for BENCH_SECONDS, default 10, accepting compressed answers as a browser
 * does unless BENCH_ACCEPT_ENCODING says otherwise) and compares it with /about, a page that
 * touches no data, measured in the same run: the load generator shares the
 * machine's cores, so only ratios travel between machines.
 *
 * Then BENCH_AUTHORS (50) signed-in authors publish fails concurrently through
 * the real form for BENCH_WRITE_SECONDS (10) on the largest brand, the
 * server's memory is read, and posts.csv is streamed once while its memory is
 * sampled. Results go to the console and bench/results.json.
 *
 * BENCH_PAGES=none skips the page loads (writes, memory and posts.csv only), to
 * compare the write side before and after a change in the same conditions;
 * such a run leaves bench/results.json as it was. BENCH_SETTLE_SECONDS (180)
 * bounds the wait for a quiet machine; BENCH_NODE_FLAGS adds flags to the
 * server's Node (e.g. to compare memory settings).
 *
 * The rate limits would answer 429 to one machine playing many clients: the
 * server is started with a fresh random LF_BENCH_BYPASS_SECRET and every
 * request carries it (src/server/bench-bypass.ts). On DATABASE_URL the
 * benchmark's accounts and published fails stay in the database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../db/client.ts';
import { BENCH_BYPASS_HEADER } from '../src/server/bench-bypass.ts';
import {
  countPostsBy,
  findBenchTargets,
  prepareAuthors,
  vacuumBoard,
  type BenchTargets,
} from './http-data.ts';
import { rssMiB, runNode, startServer, waitUntilAnswering, waitUntilSettled } from './http-server.ts';
import { runWriteBenchmark, streamCsv, WARM_UP_SECONDS } from './http-writes.ts';

const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const authorCount = Number(process.env['BENCH_AUTHORS'] ?? 50);
const writeSeconds = Number(process.env['BENCH_WRITE_SECONDS'] ?? 10);
const loadPages = process.env['BENCH_PAGES'] !== 'none';
const databaseUrl = process.env['DATABASE_URL'] || null;
/**
 * What the page loads accept, as a browser says it: Chromium sends this header with every page, and
 * the server answers compressed (decision 005). `BENCH_ACCEPT_ENCODING=identity` measures the
 * uncompressed bodies, where a page's cost grows with its bytes (the load generator reads them on
 * the same cores).
 */
const acceptEncoding = process.env['BENCH_ACCEPT_ENCODING'] || 'gzip, deflate, br, zstd';
const secret = randomBytes(32).toString('base64url');

interface PageResult {
  page: string;
  path: string;
  signedIn: boolean;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  ratioToAbout: number;
}

const PAGE_WARM_UP_SECONDS = 3;

async function load(origin: string, urlPath: string, cookie: string | null) {
  // `warmup` is autocannon's (lib/init.js) but missing from its type declarations.
  const options: autocannon.Options & { warmup: { connections: number; duration: number } } = {
    url: `${origin}${urlPath}`,
    connections,
    duration: seconds,
    // Unmeasured first (autocannon's own warm-up): the page's first render, its code compiled. The
    // baseline, measured first, was otherwise measured on a cold server: /about gave 1,943 and
    // 2,440 req/s in two runs of the same build, and every ratio moved with it.
    warmup: { connections, duration: PAGE_WARM_UP_SECONDS },
    headers: {
      [BENCH_BYPASS_HEADER]: secret,
      'accept-encoding': acceptEncoding,
      ...(cookie ? { cookie } : {}),
    },
  };
  const result = await autocannon(options);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function printTable(rows: PageResult[]) {
  const header = ['page', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', '× /about'];
  const lines = rows.map((row) => [
    row.page,
    String(row.requestsPerSecond),
    String(row.p50Ms),
    String(row.p99Ms),
    String(row.errors),
    String(row.non2xx),
    row.ratioToAbout.toFixed(2),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!)))
      .join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

function pagesToLoad(targets: BenchTargets) {
  return [
    { page: '/about (baseline)', path: '/about', signedIn: false },
    { page: '/', path: '/', signedIn: false },
    { page: '/rankings', path: '/rankings', signedIn: false },
    {
      page: `/brands/{small} (${targets.small.posts} posts)`,
      path: `/brands/${targets.small.slug}`,
      signedIn: false,
    },
    {
      page: `/brands/{largest} (${targets.largest.posts} posts)`,
      path: `/brands/${targets.largest.slug}`,
      signedIn: false,
    },
    {
      page: `/posts/{id} (${targets.longThread.messages} messages)`,
      path: `/posts/${targets.longThread.id}`,
      signedIn: false,
    },
    {
      page: `/search?q=${targets.searchWord}`,
      path: `/search?q=${encodeURIComponent(targets.searchWord)}`,
      signedIn: false,
    },
    { page: '/api/v1/rankings', path: '/api/v1/rankings', signedIn: false },
    { page: '/ (signed in)', path: '/', signedIn: true },
    { page: '/brands/{largest} (signed in)', path: `/brands/${targets.largest.slug}`, signedIn: true },
  ];
}

function writeResults(run: Record<string, unknown>) {
  const file = path.join('bench', 'results.json');
  // One entry per board (driver and size) and accepted encoding, the latest run replacing the previous one.
  let runs: Record<string, unknown>[];
  try {
    runs = (JSON.parse(fs.readFileSync(file, 'utf8')) as { runs: Record<string, unknown>[] }).runs ?? [];
  } catch {
    runs = [];
  }
  const encodingOf = (entry: Record<string, unknown>) =>
    (entry['load'] as { acceptEncoding?: string } | undefined)?.acceptEncoding ?? 'identity';
  runs = [
    ...runs.filter((entry) => entry['board'] !== run['board'] || encodingOf(entry) !== encodingOf(run)),
    run,
  ];
  fs.writeFileSync(file, `${JSON.stringify({ runs }, null, 2)}\n`);
  console.log(`\nWritten to ${file}.`);
}

async function main() {
  const tempDir = databaseUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'lf-bench-http-'));
  const { DATABASE_URL: _unused, ...envWithoutUrl } = process.env;
  const env: NodeJS.ProcessEnv = databaseUrl ? { ...process.env } : { ...envWithoutUrl, DATA_DIR: tempDir! };
  const databaseOptions = databaseUrl ? { databaseUrl } : { dataDir: tempDir! };
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    if (process.env['BENCH_SKIP_BUILD'] !== '1') {
      console.log('Building…');
      runNode(['node_modules/astro/bin/astro.mjs', 'build'], env);
    }
    console.log(databaseUrl ? 'Seeding the demo board if the database is empty…' : 'Seeding the demo board…');
    console.log(runNode(['db/seed/index.ts', ...(databaseUrl ? ['--if-empty'] : [])], env).trim());

    // PGlite allows one process per data directory: prepare everything before the server opens it.
    const handle = await openDatabase(databaseOptions);
    const now = new Date();
    let targets: BenchTargets;
    let authors: Awaited<ReturnType<typeof prepareAuthors>>;
    try {
      if (handle.driver === 'postgres') console.log('Vacuuming and analyzing the board (as pgbench does)…');
      await vacuumBoard(handle);
      targets = await findBenchTargets(handle);
      authors = await prepareAuthors(handle, authorCount + 1, now);
    } finally {
      await handle.close();
    }
    const reader = authors.pop()!; // one more account, for the signed-in reads
    console.log(
      `Board: ${targets.postCount} posts, ${handle.driver}; largest brand ${targets.largest.slug} ` +
        `(${targets.largest.posts} posts), small ${targets.small.slug} (${targets.small.posts}).`,
    );

    server = await startServer({ ...env, LF_BENCH_BYPASS_SECRET: secret });
    const startedAt = performance.now();
    await waitUntilAnswering(server, '/about', 600);
    const settled = await waitUntilSettled(server.pid, 2, Number(process.env['BENCH_SETTLE_SECONDS'] ?? 180));
    console.log(
      `Server up and ${settled ? 'settled' : 'still busy (measuring anyway)'} after ` +
        `${((performance.now() - startedAt) / 1000).toFixed(1)} s; RSS ${rssMiB(server.pid)} MiB.\n`,
    );

    // `/about` is measured before the first page and again after each one; a page's ratio is to the
    // mean of the two around it. On this machine `/about` moved by up to 70 % within one run (first
    // and last of the reads: 1,766 and about 3,000 req/s), which a single baseline turned into every ratio.
    const pages = loadPages ? pagesToLoad(targets).filter((page) => page.path !== '/about') : [];
    const abouts: Awaited<ReturnType<typeof load>>[] = [];
    const rows: PageResult[] = [];
    if (loadPages) {
      abouts.push(await load(server.origin, '/about', null));
      console.log(`/about: ${abouts[0]!.requestsPerSecond} req/s, p99 ${abouts[0]!.p99Ms} ms`);
    }
    for (const page of pages) {
      const measured = await load(server.origin, page.path, page.signedIn ? reader.cookie : null);
      const before = abouts.at(-1)!;
      const after = await load(server.origin, '/about', null);
      abouts.push(after);
      const aroundRequestsPerSecond = (before.requestsPerSecond + after.requestsPerSecond) / 2;
      rows.push({ ...page, ...measured, ratioToAbout: measured.requestsPerSecond / aroundRequestsPerSecond });
      console.log(
        `${page.page}: ${measured.requestsPerSecond} req/s, p99 ${measured.p99Ms} ms ` +
          `(/about around it: ${before.requestsPerSecond} and ${after.requestsPerSecond})`,
      );
    }
    if (loadPages) {
      const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
      const aboutRow = pagesToLoad(targets).find((page) => page.path === '/about')!;
      rows.unshift({
        ...aboutRow,
        requestsPerSecond: Math.round(mean(abouts.map((about) => about.requestsPerSecond))),
        p50Ms: Math.round(mean(abouts.map((about) => about.p50Ms))),
        p99Ms: Math.max(...abouts.map((about) => about.p99Ms)),
        errors: abouts.reduce((sum, about) => sum + about.errors, 0),
        non2xx: abouts.reduce((sum, about) => sum + about.non2xx, 0),
        ratioToAbout: 1,
      });
    }
    const rssAfterReadsMiB = rssMiB(server.pid);

    console.log(
      `\n${authors.length} authors publish fails on ${targets.largest.slug} for ${WARM_UP_SECONDS} + ${writeSeconds} s…`,
    );
    const writes = await runWriteBenchmark(
      server.origin,
      secret,
      authors,
      targets.largest.slug,
      writeSeconds,
      null,
      WARM_UP_SECONDS,
    );
    const warmUp = writes.warmUp;
    console.log(
      `The first ${WARM_UP_SECONDS} s (not measured): ${warmUp.succeeded} fails; ` +
        `p50 ${warmUp.p50Ms} ms, p99 ${warmUp.p99Ms} ms, max ${warmUp.maxMs} ms.`,
    );
    const writeRate = Number(process.env['BENCH_WRITE_RATE'] ?? 200);
    console.log(`The same authors together offer ${writeRate} fails/s for ${writeSeconds} s…`);
    const pacedWrites = await runWriteBenchmark(
      server.origin,
      secret,
      authors,
      targets.largest.slug,
      writeSeconds,
      writeRate,
    );
    const rssAfterWritesMiB = rssMiB(server.pid);
    console.log('Streaming /api/v1/export/posts.csv…');
    const csv = await streamCsv(server.origin, secret, server.pid);
    const rssAfterRunMiB = rssMiB(server.pid);

    await server.stop();
    server = null;
    const check = await openDatabase(databaseOptions);
    const published = await countPostsBy(
      check,
      authors.map((author) => author.userId),
    ).finally(() => check.close());

    console.log(
      `\nReads, ${connections} connections × ${seconds} s, Accept-Encoding: ${acceptEncoding}, ${targets.postCount} posts (${handle.driver}):\n`,
    );
    printTable(rows);
    console.log(
      `\nWrites: ${writes.succeeded} fails published in ${writes.seconds.toFixed(1)} s by ${authors.length} authors = ` +
        `${writes.perSecond.toFixed(0)} fails/s; p50 ${writes.p50Ms} ms, p90 ${writes.p90Ms} ms, ` +
        `p99 ${writes.p99Ms} ms, max ${writes.maxMs} ms; ` +
        `${writes.failed} errors${writes.failures.length ? ` (${writes.failures.join('; ')})` : ''}.`,
    );
    console.log(
      `Offered ${writeRate} fails/s: ${pacedWrites.succeeded} published in ${pacedWrites.seconds.toFixed(1)} s = ` +
        `${pacedWrites.perSecond.toFixed(0)} fails/s; p50 ${pacedWrites.p50Ms} ms, p99 ${pacedWrites.p99Ms} ms ` +
        `(from when each was due); ${pacedWrites.failed} errors` +
        `${pacedWrites.failures.length ? ` (${pacedWrites.failures.join('; ')})` : ''}.`,
    );
    const publishedByBench = warmUp.succeeded + writes.succeeded + pacedWrites.succeeded;
    console.log(
      `New posts in the database: ${published} ` +
        `(${published === publishedByBench ? 'equal' : 'NOT EQUAL'} to the ${publishedByBench} answered as published).`,
    );
    console.log(
      `Server RSS: ${rssAfterReadsMiB} MiB after reads, ${rssAfterWritesMiB} MiB after writes, ` +
        `${rssAfterRunMiB} MiB at the end; posts.csv: ${csv.rows} rows in ${csv.seconds.toFixed(1)} s ` +
        `= ${Math.round(csv.rows / csv.seconds)} rows/s, ${csv.mebibytes.toFixed(0)} MiB, peak RSS ${csv.peakRssMiB} MiB ` +
        `(${csv.startRssMiB} MiB before).`,
    );

    if (loadPages)
      writeResults({
        board: databaseUrl ? `postgres ${new URL(databaseUrl).pathname.slice(1)}` : 'pglite demo',
        date: new Date().toISOString(),
        driver: handle.driver,
        postCount: targets.postCount,
        machine: {
          cpus: os.cpus().length,
          loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))),
        },
        load: {
          connections,
          seconds,
          acceptEncoding,
          warmUpSeconds: PAGE_WARM_UP_SECONDS,
          settledBeforeMeasuring: settled,
          // Each measurement of the baseline, in order: before the first page and after each page.
          aboutRequestsPerSecond: abouts.map((about) => about.requestsPerSecond),
        },
        targets,
        pages: rows,
        writes: {
          ...writes,
          authors: authors.length,
          brand: targets.largest.slug,
        },
        writesAtOfferedRate: { offeredPerSecond: writeRate, ...pacedWrites },
        newPostsInDatabase: published,
        rssMiB: { afterReads: rssAfterReadsMiB, afterWrites: rssAfterWritesMiB, atEnd: rssAfterRunMiB },
        csvExport: { ...csv, rowsPerSecond: Math.round(csv.rows / csv.seconds) },
      });
  } finally {
    await server?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
