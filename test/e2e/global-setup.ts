/**
 * Serves the built site (`astro build` runs first, in `npm run test:e2e`) on a
 * seeded throw-away data directory, for the end-to-end tests in Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { withoutDatabaseUrl } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

const PORT = Number(process.env['E2E_PORT'] ?? 4329);

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`The server exited with ${server.exitCode} before answering.`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer at ${url} within ${timeoutMs} ms.`);
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync('dist/server/entry.mjs'))
    throw new Error('Build first: npm run test:e2e runs `astro build` before the tests.');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-e2e-'));
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const env = {
    ...withoutDatabaseUrl(process.env),
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(PORT),
    SITE_URL: baseUrl,
  };
  const seed = spawnSync(process.execPath, ['db/seed/index.ts'], { env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`Seeding failed:\n${seed.stderr}`);

  const server = spawn(process.execPath, ['dist/server/entry.mjs'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  try {
    await waitForServer(baseUrl, server);
  } catch (error) {
    server.kill();
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
