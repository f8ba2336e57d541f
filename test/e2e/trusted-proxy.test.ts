/**
 * A build made for a reverse proxy (`TRUST_PROXY=true` and the public SITE_URL
 * at build time, docs/deploy.md) behind deploy/nginx.conf: forms pass the
 * origin check through the proxy, and per-IP limits count each reader's own
 * address, neither the proxy's nor one the reader writes in X-Forwarded-For
 * (nginx replaces that header).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NGINX, startProxiedInstances, type ProxiedBoard } from '../helpers/proxied-instances.ts';
import type { ReplicatedPostgres } from '../helpers/throw-away-postgres.ts';
import { startDemoPostgres } from './demo-postgres.ts';
import { launchBrowser, logIn } from './browser.ts';

const BASE_PORT = Number(process.env['E2E_PORT'] ?? 4329);
const PROXY_PORT = BASE_PORT + 6;
const OUT_DIR = 'node_modules/.cache/lf-trusted-proxy-build';
const canRun = fs.existsSync(NGINX) && fs.existsSync('/usr/lib/postgresql/15/bin/initdb');

let database: ReplicatedPostgres;
let board: ProxiedBoard;
let sql: ReturnType<typeof postgres>;

/** A log-in form post to nginx from the loopback address `from`, with extra headers. */
function logInFrom(from: string, headers: Record<string, string>): Promise<number> {
  const body = new URLSearchParams({
    email: 'customer5@demo.example',
    password: 'wrong password',
    next: '/',
  });
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${board.url}/login?_action=login`,
      {
        method: 'POST',
        localAddress: from,
        headers: {
          Origin: board.url,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body.toString()),
          ...headers,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body.toString());
  });
}

describe.skipIf(!canRun)('a build for a trusted proxy, behind nginx', () => {
  beforeAll(async () => {
    const build = spawnSync(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', OUT_DIR],
      {
        env: { ...process.env, TRUST_PROXY: 'true', SITE_URL: `http://127.0.0.1:${PROXY_PORT}` },
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(`The build failed:\n${build.stdout}${build.stderr}`);
    const started = await startDemoPostgres({ primaryPort: BASE_PORT + 4, replicaPort: null });
    database = started.database;
    const env = started.env;
    sql = postgres(database.primaryUrl, { max: 1, onnotice: () => {} });
    board = await startProxiedInstances({
      proxyPort: PROXY_PORT,
      instancePorts: [BASE_PORT + 7, BASE_PORT + 8],
      env,
      outDir: OUT_DIR,
    });
  });

  afterAll(async () => {
    await sql?.end();
    await board?.stop();
    await database?.stop();
    fs.rmSync(OUT_DIR, { recursive: true, force: true });
  });

  it('takes a log-in through nginx past the origin check', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await logIn(page, board.url, 'customer@demo.example');
      await page.goto(`${board.url}/account`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account');
    } finally {
      await browser.close();
    }
  });

  it('refuses a form posted from another site', async () => {
    expect(await logInFrom('127.0.0.1', { Origin: 'https://evil.example' })).toBe(403);
  });

  it("counts a reader's log-ins against their own address, not the proxy's nor one they claim", async () => {
    expect(await logInFrom('127.0.0.2', { 'X-Forwarded-For': '203.0.113.9' })).not.toBe(403);
    const keys = (
      await sql<{ key: string }[]>`select key from rate_limit_buckets where key like 'login:ip:%'`
    ).map((row) => row.key);
    expect(keys).toContain('login:ip:127.0.0.2');
    expect(keys).not.toContain('login:ip:203.0.113.9');
  });
});
