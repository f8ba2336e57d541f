/**
 * The write side of `npm run bench:http`: signed-in authors publishing fails
 * through the real form (the same POST a browser sends from /new), and one
 * streamed download of the posts CSV while the server's memory is sampled.
 */
import { writeFile } from 'node:fs/promises';
import http from 'node:http';
import { BENCH_BYPASS_HEADER } from '../src/server/bench-bypass.ts';
import { CATEGORIES, CHANNELS } from '../src/domain/vocabulary.ts';
import type { BenchAuthor } from './http-data.ts';
import { rssMiB } from './http-server.ts';

/**
 * How long the authors write, unmeasured, before the closed loop's measured seconds, in the same
 * loop (no pause, no synchronized start): the write path's first runs (modules loaded, code
 * compiled, statements prepared on each connection) are start-up work, like the reads' settling.
 */
export const WARM_UP_SECONDS = 3;

export interface WriteResult {
  succeeded: number;
  failed: number;
  /** The first few distinct failures ("429", "400 …"), to say why. */
  failures: string[];
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The posts sent before the measured seconds began (answered, published, not measured). */
  warmUp: { seconds: number; succeeded: number; failed: number; p50Ms: number; p99Ms: number; maxMs: number };
}

/**
 * One form post over a kept-alive connection. `node:http` rather than `fetch`: the load generator
 * shares the server's two cores, and fetch cost about 1 ms of CPU per request here, plain http a
 * fraction of that (`npm run bench:profile-writes` prints the load generator's CPU per fail).
 */
const keptAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

function postForm(url: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; location: string }>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: keptAlive,
        headers: {
          ...headers,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume(); // read and drop the body so the connection is reused
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? '' }),
        );
        response.once('error', reject);
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

const percentile = (sorted: number[], share: number) =>
  sorted.length === 0
    ? 0
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!);

/**
 * Every author publishes one fail after another until `seconds` have passed.
 *
 * Without `ratePerSecond` (closed loop) each author posts again as soon as the last post is answered:
 * that measures the most the server sustains, and its latencies are then the queue's length
 * (50 authors at X fails/s wait 50 / X s on average, whatever the server does). With
 * `ratePerSecond` (open loop) the authors together post at that rate, each on a fixed schedule
 * (author i every authors / rate seconds, the authors evenly staggered): that measures the latency
 * of a write when the server is offered that much. An author still waiting when their next post is
 * due sends it once answered, and its latency counts from when it was due, so a server falling
 * behind shows in p99 (no coordinated omission).
 */
export async function runWriteBenchmark(
  origin: string,
  secret: string,
  authors: BenchAuthor[],
  brandSlug: string,
  seconds: number,
  ratePerSecond: number | null = null,
  warmUpSeconds = 0,
): Promise<WriteResult> {
  const latenciesMs: number[] = [];
  /** Each post's due time (ms after the start) and latency, written next to BENCH_WRITE_LATENCIES if set. */
  const timeline: string[] = [];
  const failures = new Map<string, number>();
  let succeeded = 0;
  // The posts sent during the warm-up are answered like the others but not measured.
  const warmUp = { succeeded: 0, failed: 0, latenciesMs: [] as number[] };
  const started = performance.now();
  const measuredFrom = started + warmUpSeconds * 1000;
  const deadline = measuredFrom + seconds * 1000;
  const today = new Date().toISOString().slice(0, 10);
  // Titles differ from every earlier run's: the duplicate guard refuses a title twice in 24 hours.
  const run = Date.now().toString(36);

  const publish = async (author: BenchAuthor, authorIndex: number, attempt: number, dueAt: number) => {
    const body = new URLSearchParams({
      brandSlug,
      kind: 'fail',
      title: `Bench fail ${run} by author ${authorIndex}, number ${attempt}`,
      story: 'Ordered a replacement part, it never arrived, and the support chat closed my ticket twice.',
      category: CATEGORIES[attempt % CATEGORIES.length]!,
      channel: CHANNELS[attempt % CHANNELS.length]!,
      experiencedOn: today,
      waitMinutes: '15',
    });
    const sent = dueAt;
    let outcome: string | null;
    try {
      // What the /new form posts: the page with `?_action=`, answered by a 303 to the new post.
      const { status, location } = await postForm(`${origin}/new?_action=createPost`, body.toString(), {
        Origin: origin,
        Cookie: author.cookie,
        [BENCH_BYPASS_HEADER]: secret,
      });
      outcome = status === 303 && /\/posts\/\d+/.test(location) ? null : `${status}`;
    } catch (error) {
      outcome = error instanceof Error ? error.message : String(error);
    }
    const latencyMs = performance.now() - sent;
    if (sent < measuredFrom) {
      warmUp.latenciesMs.push(latencyMs);
      if (outcome === null) warmUp.succeeded++;
      else warmUp.failed++;
      return;
    }
    latenciesMs.push(latencyMs);
    timeline.push(`${(sent - measuredFrom).toFixed(1)},${latencyMs.toFixed(1)},${authorIndex}`);
    if (outcome === null) succeeded++;
    else failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
  };

  const everyMs = ratePerSecond ? (authors.length / ratePerSecond) * 1000 : 0;
  await Promise.all(
    authors.map(async (author, index) => {
      for (let attempt = 1; ; attempt++) {
        const dueAt = ratePerSecond
          ? started + (index / authors.length) * everyMs + (attempt - 1) * everyMs
          : performance.now();
        if (dueAt >= deadline) break;
        const waitMs = dueAt - performance.now();
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
        await publish(author, index + 1, attempt, dueAt);
      }
    }),
  );
  const elapsedSeconds = (performance.now() - measuredFrom) / 1000;
  const latencyFile = process.env['BENCH_WRITE_LATENCIES'];
  // One file per loop (`…-closed.csv`, `…-200.csv`): the last run of each kind stays.
  if (latencyFile)
    await writeFile(
      latencyFile.replace(/(\.csv)?$/, `-${ratePerSecond ?? 'closed'}.csv`),
      `dueAtMs,latencyMs,author\n${timeline.join('\n')}\n`,
    );
  latenciesMs.sort((a, b) => a - b);
  warmUp.latenciesMs.sort((a, b) => a - b);
  const failed = [...failures.values()].reduce((sum, count) => sum + count, 0);
  return {
    succeeded,
    failed,
    failures: [...failures].slice(0, 5).map(([reason, count]) => `${count}× ${reason}`),
    seconds: elapsedSeconds,
    perSecond: succeeded / elapsedSeconds,
    p50Ms: percentile(latenciesMs, 0.5),
    p90Ms: percentile(latenciesMs, 0.9),
    p99Ms: percentile(latenciesMs, 0.99),
    maxMs: percentile(latenciesMs, 1),
    warmUp: {
      seconds: warmUpSeconds,
      succeeded: warmUp.succeeded,
      failed: warmUp.failed,
      p50Ms: percentile(warmUp.latenciesMs, 0.5),
      p99Ms: percentile(warmUp.latenciesMs, 0.99),
      maxMs: percentile(warmUp.latenciesMs, 1),
    },
  };
}

export interface CsvResult {
  rows: number;
  mebibytes: number;
  seconds: number;
  startRssMiB: number;
  peakRssMiB: number;
}

/** Downloads posts.csv, counting records (newlines outside quotes) and sampling RSS every 100 ms. */
export async function streamCsv(origin: string, secret: string, pid: number): Promise<CsvResult> {
  const startRssMiB = rssMiB(pid);
  let peakRssMiB = startRssMiB;
  const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, rssMiB(pid))), 100);
  const started = performance.now();
  let lines = 0;
  let bytes = 0;
  let quoted = false;
  try {
    const response = await fetch(`${origin}/api/v1/export/posts.csv`, {
      headers: { [BENCH_BYPASS_HEADER]: secret },
    });
    if (!response.ok || !response.body) throw new Error(`posts.csv answered ${response.status}`);
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) {
        if (byte === 0x22)
          quoted = !quoted; // an escaped "" toggles twice
        else if (byte === 0x0a && !quoted) lines++;
      }
    }
  } finally {
    clearInterval(sampler);
  }
  peakRssMiB = Math.max(peakRssMiB, rssMiB(pid));
  return {
    rows: Math.max(0, lines - 1), // the header line
    mebibytes: bytes / 1024 / 1024,
    seconds: (performance.now() - started) / 1000,
    startRssMiB,
    peakRssMiB,
  };
}
