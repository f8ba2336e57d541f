/**
 * Signed-in readers of pages that are the same for everyone (home, rankings,
 * brand pages…): instead of rendering the page again for each of them, take
 * the shared cache's copy (decision 005) and put their own header regions in
 * (src/markup/personal-header.ts). The result is private: never stored,
 * `Cache-Control: private, no-store`, no ETag.
 */
import zlib from 'node:zlib';
import { PERSONAL_REGIONS, regionEnd, regionStart, type PersonalRegion } from '../markup/personal-header.ts';
import type { CachedPage } from './page-cache.ts';
import { chooseCoding, MIN_COMPRESSIBLE_BYTES } from './public-cache.ts';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The page with each marked region's content replaced; null when a region is missing. */
export function spliceRegions(html: string, regions: Record<PersonalRegion, string>): string | null {
  let result = html;
  for (const region of PERSONAL_REGIONS) {
    const start = result.indexOf(regionStart(region));
    const end = result.indexOf(regionEnd(region), start);
    if (start === -1 || end === -1) return null;
    result = result.slice(0, start + regionStart(region).length) + regions[region] + result.slice(end);
  }
  return result;
}

/** The cached page as this reader sees it, or null when it cannot be served that way. */
export async function personalResponse(
  request: Request,
  page: CachedPage,
  regions: Record<PersonalRegion, string>,
): Promise<Response | null> {
  if (!page.shareable) return null;
  const html = spliceRegions(decoder.decode(page.body), regions);
  if (html === null) return null;
  let body: Uint8Array = encoder.encode(html);
  const headers = new Headers(page.headers);
  headers.set('Cache-Control', 'private, no-store');
  headers.set('Vary', 'Accept-Encoding, Cookie');
  headers.set('X-Cache', 'SHARED');
  if (
    body.byteLength >= MIN_COMPRESSIBLE_BYTES &&
    chooseCoding(request.headers.get('accept-encoding'), ['gzip'])
  ) {
    // The fastest level: this copy is made for one response. On the main thread: about 0.1 ms for a
    // 40 KB page, where zlib's asynchronous form cost about 1 ms of CPU a page with many readers at
    // once (each call a new compressor on the thread pool), which halved these pages' throughput.
    body = new Uint8Array(zlib.gzipSync(body, { level: 1 }));
    headers.set('Content-Encoding', 'gzip');
  }
  headers.set('Content-Length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers,
  });
}
