import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBuiltPaths, namesBuiltFile } from '../../src/server/static-files.ts';

const clientDir = mkdtempSync(path.join(tmpdir(), 'lf-client-'));
mkdirSync(path.join(clientDir, '_astro'));
writeFileSync(path.join(clientDir, '_astro', 'Base.abc.css'), 'body{}');
writeFileSync(path.join(clientDir, 'favicon.svg'), '<svg/>');
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

describe('which requests the static-file handler answers', () => {
  const built = listBuiltPaths(clientDir);

  it('lists every built file and folder by its URL path', () => {
    expect([...built].sort()).toEqual(['/_astro', '/_astro/Base.abc.css', '/favicon.svg']);
  });

  it('sends a GET or HEAD of a built file to it, query or trailing slash aside', () => {
    expect(namesBuiltFile('GET', '/_astro/Base.abc.css?v=1', built)).toBe(true);
    expect(namesBuiltFile('HEAD', '/favicon.svg', built)).toBe(true);
    expect(namesBuiltFile('GET', '/_astro/', built)).toBe(true);
  });

  it('sends pages, form posts and unknown files straight to the app', () => {
    expect(namesBuiltFile('GET', '/', built)).toBe(false);
    expect(namesBuiltFile('GET', '/brands/northwind', built)).toBe(false);
    expect(namesBuiltFile('POST', '/favicon.svg', built)).toBe(false);
    expect(namesBuiltFile('GET', '/_astro/missing.css', built)).toBe(false);
    expect(namesBuiltFile('GET', '/../package.json', built)).toBe(false);
  });

  it('leaves an address that cannot be decoded to the adapter, which answers 400', () => {
    expect(namesBuiltFile('GET', '/%E0%A4%A', built)).toBe(true);
    expect(namesBuiltFile('POST', '/new?q=%E0%A4%A', built)).toBe(true);
  });

  it('knows no file when the client folder is missing', () => {
    expect(listBuiltPaths(path.join(clientDir, 'nowhere')).size).toBe(0);
  });
});
