/**
 * Valid HTML everywhere: every route, as a reader, a customer, a brand member
 * and a moderator, is checked by the Nu HTML Checker (vnu-jar, on Debian's
 * Java) in one run; any error fails the test with the page and the message.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { get } from './hostile-http.ts';
import { everyRoute } from './routes.ts';

const run = promisify(execFile);
const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-vnu-'));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

describe('every page', () => {
  it('is valid HTML for every visitor (Nu HTML Checker, zero errors)', async () => {
    const files = new Map<string, string>();
    const unexpected: string[] = [];
    for (const set of await everyRoute()) {
      for (const route of set.routes) {
        const response = await get(route.path, set.cookie);
        const type = response.headers.get('content-type') ?? '';
        if (response.status !== route.status || !type.startsWith('text/html')) {
          unexpected.push(`${set.visitor} ${route.path}: ${response.status} ${type}`);
          continue;
        }
        const file = path.join(directory, `${files.size}.html`);
        fs.writeFileSync(file, await response.text());
        files.set(file, `${set.visitor} ${route.path}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(files.size).toBeGreaterThan(60);
    let output = '';
    try {
      await run('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files.keys()], {
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      // vnu exits 1 when it found errors and writes them to stderr.
      output = (error as { stderr?: string }).stderr ?? String(error);
    }
    const messages = output ? ((JSON.parse(output) as { messages: VnuMessage[] }).messages ?? []) : [];
    const errors = messages
      .filter((message) => message.type === 'error')
      .map((message) => {
        const file = decodeURIComponent(new URL(message.url).pathname);
        return `${files.get(file) ?? file}:${message.lastLine ?? '?'} ${message.message} ${message.extract ?? ''}`;
      });
    expect(errors).toEqual([]);
  });

  it('links a favicon that is served as an image', async () => {
    const home = await (await get('/')).text();
    const href = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/.exec(home)?.[1];
    expect(href).toBe('/favicon.svg');
    const icon = await get(href!);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toContain('<svg');
  });
});
