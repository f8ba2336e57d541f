/**
 * The built server as a child process for the operations tests: a board of its
 * own (a seeded PGlite data directory, or a fresh PostgreSQL database), started,
 * killed and restarted on a port of its own, and writers that publish through
 * the real /new form, recording which posts the server acknowledged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { prepareAuthors, type BenchAuthor } from '../../bench/http-data.ts';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { BENCH_BYPASS_HEADER } from '../../src/server/bench-bypass.ts';
import { createBrand } from '../fixtures/board.ts';
import { withoutDatabaseUrl } from './browser.ts';

/** This test run's ports: E2E_PORT + 5 … + 9 (global-setup uses E2E_PORT, postgres.test.ts + 2). */
export const opsPort = (offset: number) => Number(process.env['E2E_PORT'] ?? 4329) + 5 + offset;

export interface Board {
  env: NodeJS.ProcessEnv;
  open(): Promise<DatabaseHandle>;
  destroy(): Promise<void>;
}

/**
 * A board of its own, migrated, with one brand (`BRAND_SLUG`) for the writers: a PGlite data
 * directory, or a database on TEST_DATABASE_URL's server. (The demo seed hashes a hundred
 * passwords: too slow to repeat per test on shared cores.)
 */
export async function createBoard(driver: 'pglite' | 'postgres'): Promise<Board> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-ops-'));
  let env: NodeJS.ProcessEnv = { ...withoutDatabaseUrl(process.env), DATA_DIR: dataDir };
  let destroy = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (driver === 'postgres') {
    const serverUrl = process.env['TEST_DATABASE_URL']!;
    const name = `lf_ops_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env = { ...env, DATABASE_URL: url.toString() };
    const removeDir = destroy;
    destroy = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      await removeDir();
    };
  }
  const open = (migrate = false) =>
    openDatabase(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'], migrate } : { dataDir, migrate });
  const handle = await open(true);
  try {
    await createBrand(handle.db, 'Aldermoor Audio');
  } finally {
    await handle.close();
  }
  return { env, open: () => open(), destroy };
}

export const BRAND_SLUG = 'aldermoor-audio';

export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
  extra: NodeJS.ProcessEnv = {},
): ServerProcess {
  const child = spawn(process.execPath, ['dist/server/entry.mjs'], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { origin: `http://127.0.0.1:${port}`, child, output: () => output, exited };
}

/** Waits until /readyz answers 200 (database open, migrations applied). */
export async function waitUntilReady(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) break;
    try {
      if ((await fetch(`${server.origin}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server was not ready within ${timeoutMs} ms:\n${server.output()}`);
}

/** Verified accounts with sessions, made before the server opens the board (PGlite: one process). */
export async function prepareWriters(board: Board, count: number): Promise<BenchAuthor[]> {
  const handle = await board.open();
  try {
    return await prepareAuthors(handle, count, new Date());
  } finally {
    await handle.close();
  }
}

export interface WriteLog {
  /** Title → post id, for every post the server acknowledged (303 to the new post). */
  acknowledged: Map<string, number>;
  /** Every HTTP status received, with how often. */
  statuses: Map<number, number>;
  /** Requests that got no answer (connection refused or cut). */
  unanswered: number;
}

/**
 * Writers publishing fails through the real form, one after another each, until
 * `stop()`. A request with no answer (the server was killed) is sent again with
 * the same title: if it had been saved, the duplicate guard refuses the copy.
 */
export function startWriters(origin: () => string, writers: BenchAuthor[], secret: string) {
  const log: WriteLog = { acknowledged: new Map(), statuses: new Map(), unanswered: 0 };
  let stopped = false;
  const today = new Date().toISOString().slice(0, 10);
  const publish = async (writer: BenchAuthor, title: string): Promise<'answered' | 'unanswered'> => {
    const body = new URLSearchParams({
      brandSlug: BRAND_SLUG,
      kind: 'fail',
      title,
      story: 'The router died twice in a week and support asked me to restart it a third time.',
      category: 'defect',
      channel: 'phone',
      experiencedOn: today,
    });
    try {
      const response = await fetch(`${origin()}/new?_action=createPost`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          Origin: origin(),
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: writer.cookie,
          [BENCH_BYPASS_HEADER]: secret,
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      log.statuses.set(response.status, (log.statuses.get(response.status) ?? 0) + 1);
      const postId = /\/posts\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1];
      if (response.status === 303 && postId) log.acknowledged.set(title, Number(postId));
      return 'answered';
    } catch {
      log.unanswered++;
      return 'unanswered';
    }
  };
  const running = writers.map(async (writer, index) => {
    for (let n = 1; !stopped; n++) {
      const title = `Ops writer ${index + 1} post ${n}`;
      while (!stopped && (await publish(writer, title)) === 'unanswered') {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  return {
    log,
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}

export const randomSecret = () => randomBytes(32).toString('base64url');
