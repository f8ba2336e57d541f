/**
 * `npm run demo` on a fresh data directory and another port: once the server
 * answers it prints that address, the demo accounts and where mail goes, and
 * Ctrl-C (SIGINT) stops it cleanly. The build is the one `npm run test:e2e` made.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutDatabaseUrl } from './browser.ts';
import { opsPort } from './server-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-demo-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('prints the address it serves, the demo accounts and where mail goes, then stops on Ctrl-C', async () => {
    const port = opsPort(3);
    const { SITE_URL: _unset, SMTP_URL: _none, ...env } = withoutDatabaseUrl(process.env);
    const demo = spawn(process.execPath, ['scripts/demo.ts', '--skip-build'], {
      env: { ...env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    demo.stdout.on('data', (chunk) => (output += chunk));
    demo.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => demo.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!output.includes('stop: Ctrl-C') && demo.exitCode === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(output).toContain(`Likes & Fails is running at http://127.0.0.1:${port}`);
      expect(output).toMatch(/customer@demo\.example\s+customer/);
      expect(output).toMatch(/brand@demo\.example\s+owner of Northwind Telecom/);
      expect(output).toMatch(/moderator@demo\.example\s+moderator/);
      expect(output).toContain('password likes-and-fails-demo');
      expect(output).toContain(`mail: written to ${path.join(dataDir, 'outbox')}/*.eml`);
      expect((await fetch(`http://127.0.0.1:${port}/about`)).status).toBe(200);
    } finally {
      demo.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
