/**
 * `npm run bench:profile-writes` — where a write's time goes: starts the built
 * server on DATABASE_URL (required; seed it first) with `--cpu-prof` when
 * PROFILE_DIR is set, lets 50 signed-in authors publish fails on the largest
 * brand for 10 s (the write part of `npm run bench:http`), prints fails/s and
 * p50/p99, and leaves the V8 CPU profile in PROFILE_DIR (open it in Chrome's
 * DevTools, or sum its samples by function). Sample `pg_stat_activity` while
 * it runs to see what PostgreSQL waits on. It also prints the CPU each fail
 * cost the server, PostgreSQL's backends and the load generator
 * (bench/write-cpu.ts): on a shared machine those compare runs where fails/s
 * cannot. With BENCH_WRITE_RATE the authors together offer that many fails a second (open
 * loop, latencies from when each was due) instead of posting as fast as answered.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../db/client.ts';
import { findBenchTargets, prepareAuthors, vacuumBoard } from './http-data.ts';
import { startServer, waitUntilAnswering, waitUntilSettled } from './http-server.ts';
import { cpuPerFail, snapshotCpu } from './write-cpu.ts';
import { runWriteBenchmark, WARM_UP_SECONDS } from './http-writes.ts';

const databaseUrl = process.env['DATABASE_URL'];
if (!databaseUrl) throw new Error('Set DATABASE_URL to a seeded PostgreSQL database.');
const profileDir = process.env['PROFILE_DIR'] ?? null;
const secret = randomBytes(32).toString('base64url');

const handle = await openDatabase({ databaseUrl });
try {
  await vacuumBoard(handle);
  const targets = await findBenchTargets(handle);
  const authors = await prepareAuthors(handle, 50, new Date());
  const server = await startServer({
    ...process.env,
    LF_BENCH_BYPASS_SECRET: secret,
    NODE_OPTIONS: profileDir ? `--cpu-prof --cpu-prof-dir=${profileDir}` : '',
  });
  try {
    await waitUntilAnswering(server, '/about', 120);
    // Start-up work (the first maintenance pass, the figures refresher) settles first.
    await waitUntilSettled(server.pid, 2, Number(process.env['BENCH_SETTLE_SECONDS'] ?? 60));
    // Unmeasured first, and apart, so that the CPU counted below is the warm write path's.
    const warmUp = await runWriteBenchmark(
      server.origin,
      secret,
      authors,
      targets.largest.slug,
      WARM_UP_SECONDS,
    );
    console.log(
      `Warm-up (not counted): ${warmUp.succeeded} fails; p99 ${warmUp.p99Ms} ms, max ${warmUp.maxMs} ms`,
    );
    const before = await snapshotCpu(handle, server.pid);
    const rate = process.env['BENCH_WRITE_RATE'] ? Number(process.env['BENCH_WRITE_RATE']) : null;
    const writes = await runWriteBenchmark(server.origin, secret, authors, targets.largest.slug, 10, rate);
    const cpu = await cpuPerFail(handle, server.pid, before, writes.succeeded);
    console.log(
      `${writes.succeeded} fails in ${writes.seconds.toFixed(1)} s = ${writes.perSecond.toFixed(0)} fails/s; ` +
        `p50 ${writes.p50Ms} ms, p90 ${writes.p90Ms} ms, p99 ${writes.p99Ms} ms, max ${writes.maxMs} ms; ${writes.failed} errors` +
        (profileDir ? `; CPU profile in ${profileDir}` : ''),
    );
    console.log(
      `CPU per fail: server ${cpu.serverMs} ms (${cpu.serverSystemMs} in the kernel), PostgreSQL backends ${cpu.postgresMs} ms, ` +
        `load generator ${cpu.loadGeneratorMs} ms`,
    );
  } finally {
    await server.stop();
  }
} finally {
  await handle.close();
}
