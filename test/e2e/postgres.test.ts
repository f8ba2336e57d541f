/**
 * The same build serves the same pages from PostgreSQL: seed a fresh database
 * on the server named by TEST_DATABASE_URL, start a second server on it, and
 * compare its pages with the embedded-database server's (the demo seed is
 * deterministic for a given day). Skipped without TEST_DATABASE_URL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const serverUrl = process.env['TEST_DATABASE_URL'];
const PORT = Number(process.env['E2E_PORT'] ?? 4329) + 2;
const name = `lf_e2e_${process.pid}`;
let server: ChildProcess | null = null;
let admin: ReturnType<typeof postgres> | null = null;

function headingOf(html: string): string {
  return (
    /<h1[^>]*>([\s\S]*?)<\/h1>/
      .exec(html)?.[1]
      ?.replace(/<[^>]+>/g, '')
      .trim() ?? ''
  );
}

describe.skipIf(!serverUrl)('the built server on PostgreSQL', () => {
  beforeAll(async () => {
    admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const env = { ...process.env, DATABASE_URL: url.toString(), PORT: String(PORT), HOST: '127.0.0.1' };
    const seed = spawnSync(process.execPath, ['db/seed/index.ts'], { env, encoding: 'utf8' });
    expect(seed.status, seed.stderr).toBe(0);
    server = spawn(process.execPath, ['dist/server/entry.mjs'], { env, stdio: 'ignore' });
    for (let attempt = 0; attempt < 120; attempt++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('The PostgreSQL-backed server did not start.');
  });

  afterAll(async () => {
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  // Pages the other end-to-end files do not write to (they post about Northwind Telecom, Larkspire Bank
  // and Ferrovale Rail).
  it.each([
    '/brands/aldermoor-audio',
    '/brands/bluefjord-air?kind=fail',
    '/posts/1',
    '/posts/2',
    '/posts/10',
    '/about',
  ])('serves %s as the embedded server does', async (path) => {
    const [fromPostgres, fromPglite] = await Promise.all([
      fetch(`http://127.0.0.1:${PORT}${path}`).then((response) => response.text()),
      fetch(`${inject('baseUrl')}${path}`).then((response) => response.text()),
    ]);
    expect(headingOf(fromPostgres)).not.toBe('');
    expect(headingOf(fromPostgres)).toBe(headingOf(fromPglite));
    const titles = (html: string) =>
      [...html.matchAll(/class="post-card__title"[^>]*>\s*<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(titles(fromPostgres)).toEqual(titles(fromPglite));
  });

  it('answers 404 for an unknown brand', async () => {
    expect((await fetch(`http://127.0.0.1:${PORT}/brands/no-such-brand`)).status).toBe(404);
  });
});
