/**
 * Which request paths name a built file (`dist/client`: the stylesheet, the
 * favicon, the images of `public/`). Only those go through the Node adapter's
 * static-file handler; every page, form post and API call goes straight to the
 * app. The adapter's handler looks each request up on disk first (an `lstat`
 * and a `stat` that fail): about 7 % of the server's time while 50 authors
 * publish fails (`npm run bench:profile-writes`), spent on every page too.
 * The folder is listed once at start: a build never changes under a running server.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file and folder under `clientDir`, as the URL paths that name them (`/_astro`, `/favicon.svg`). */
export function listBuiltPaths(clientDir: string): Set<string> {
  const paths = new Set<string>();
  let entries: string[];
  try {
    entries = readdirSync(clientDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return paths; // no client folder: nothing static to serve
  }
  for (const entry of entries) paths.add(`/${entry.split(path.sep).join('/')}`);
  return paths;
}

/**
 * Whether the adapter's handler should answer: a GET or HEAD whose decoded path (without query,
 * fragment or trailing slash) is one of `builtPaths`, or an address that cannot be decoded at all,
 * which the adapter answers 400 as it always did.
 */
export function namesBuiltFile(method: string | undefined, url: string | undefined, builtPaths: Set<string>) {
  let decoded: string;
  try {
    decoded = decodeURI(url ?? '/');
  } catch {
    return true;
  }
  if (method !== 'GET' && method !== 'HEAD') return false;
  const pathOnly = decoded.split(/[?#]/, 1)[0]!;
  const trimmed = pathOnly.length > 1 && pathOnly.endsWith('/') ? pathOnly.slice(0, -1) : pathOnly;
  return builtPaths.has(trimmed);
}
