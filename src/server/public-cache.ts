/**
 * HTTP around the page cache (decision 005). A signed-out GET (no session
 * cookie) is answered from the cache when it can be; otherwise the page
 * renders, and a 200 of a cacheable type that sets no cookie is buffered,
 * stored and served from what was stored. Such responses get a strong ETag
 * (If-None-Match answers 304), `Cache-Control: public, max-age=0,
 * must-revalidate` so a proxy may keep them but must ask again, and
 * `Vary: Accept-Encoding, Cookie` (a signed-in reader at the same URL sees
 * another page). Bodies are compressed with brotli or gzip once per entry;
 * everything else that can be compressed is gzipped as it streams.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { SESSION_COOKIE } from './auth/session.ts';
import type { CachedPage, ContentCoding, PageCache } from './page-cache.ts';
import { cacheTag } from './page-cache.ts';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
/** Smaller bodies are sent as they are: compressing them saves less than the header costs. */
export const MIN_COMPRESSIBLE_BYTES = 1_024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Types worth caching and compressing; event streams and CSV exports stream through untouched. */
const CACHEABLE_TYPES = [
  'text/html',
  'application/json',
  'application/atom+xml',
  'application/xml',
  'image/svg+xml',
];
const COMPRESSIBLE_TYPES = [
  ...CACHEABLE_TYPES,
  'text/plain',
  'text/csv',
  'text/css',
  'application/javascript',
];

/** Headers the cache sets itself or must never replay. */
const UNSTORED_HEADERS = new Set([
  'set-cookie',
  'content-length',
  'content-encoding',
  'etag',
  'cache-control',
  'vary',
  'transfer-encoding',
  'connection',
]);

/** A read that may be served from and stored in the shared cache: GET or HEAD, no session cookie. */
export function isPublicRead(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.headers.has('authorization')) return false;
  return !hasCookie(request.headers.get('cookie'), SESSION_COOKIE);
}

function hasCookie(header: string | null, name: string): boolean {
  if (!header) return false;
  return header.split(';').some((part) => part.trim().startsWith(`${name}=`));
}

export function cacheKey(url: URL): string {
  return url.pathname + url.search;
}

function mediaType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function isStorable(response: Response): boolean {
  if (response.status !== 200 || !response.body) return false;
  if (response.headers.has('set-cookie')) return false;
  const cacheControl = response.headers.get('cache-control') ?? '';
  if (/\b(no-store|private)\b/i.test(cacheControl)) return false;
  return CACHEABLE_TYPES.includes(mediaType(response));
}

/** The coding to send for an Accept-Encoding header: the first offered one it accepts, else none. */
export function chooseCoding(
  acceptEncoding: string | null,
  offered: readonly ContentCoding[] = ['br', 'gzip'],
): ContentCoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name!.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*') ?? 0;
  for (const coding of offered) {
    if ((accepted.get(coding) ?? wildcard) > 0) return coding;
  }
  return null;
}

const ETAG_SUFFIX: Record<ContentCoding | 'identity', string> = { identity: '', br: '-br', gzip: '-gz' };

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for this header). */
function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

async function capture(
  response: Response,
  tags: readonly string[],
  nowMilliseconds: number,
  shareable: boolean,
) {
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (!UNSTORED_HEADERS.has(name.toLowerCase())) headers.push([name, value]);
  });
  const page: CachedPage = {
    headers,
    body,
    hash: createHash('sha256').update(body).digest('base64url').slice(0, 27),
    codings: {},
    tags: tags.length > 0 ? [...new Set(tags)] : [cacheTag.board],
    storedAtMilliseconds: nowMilliseconds,
    shareable,
  };
  return page;
}

/** Answers a request from a stored (or just captured) page: 304, or the body in the best coding. */
export async function respondWithPage(
  request: Request,
  page: CachedPage,
  keep: (coding: ContentCoding, body: Uint8Array) => void,
  source: 'hit' | 'miss',
): Promise<Response> {
  const coding =
    page.body.byteLength >= MIN_COMPRESSIBLE_BYTES
      ? chooseCoding(request.headers.get('accept-encoding'))
      : null;
  const etag = `"${page.hash}${ETAG_SUFFIX[coding ?? 'identity']}"`;
  const headers = new Headers(page.headers);
  headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  headers.set('Vary', 'Accept-Encoding, Cookie');
  headers.set('ETag', etag);
  headers.set('X-Cache', source.toUpperCase());
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  let body = page.body;
  if (coding) {
    let compressed = page.codings[coding];
    if (!compressed) {
      compressed = new Uint8Array(
        coding === 'br'
          ? await brotli(page.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
          : await gzip(page.body),
      );
      keep(coding, compressed);
    }
    body = compressed;
    headers.set('Content-Encoding', coding);
  }
  headers.set('Content-Length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers,
  });
}

export interface PublicRender {
  /** Renders the page (the rest of the middleware chain). */
  render(): Promise<Response>;
  /** The tags the page declared while rendering (`Astro.locals.cacheTags`); none means `board`. */
  tags(): readonly string[] | undefined;
  /** Whether rendering set a cookie through `Astro.cookies` (Astro adds those headers later). */
  setsCookies(): boolean;
  /** Whether the page declared itself the same for every reader (`Astro.locals.sameForEveryone`). */
  shareable?(): boolean;
  nowMilliseconds?: () => number;
}

/**
 * URLs whose page said it is the same for everyone, remembered beyond their cache entry, so a
 * signed-in reader who finds the entry evicted can refill it (`renderShared`) instead of rendering
 * a page for themselves alone. Bounded: past the limit it starts again.
 */
export const shareablePages = {
  keys: new Set<string>(),
  add(key: string) {
    if (this.keys.size >= 10_000) this.keys.clear();
    this.keys.add(key);
  },
  has(key: string) {
    return this.keys.has(key);
  },
};

/** A signed-out GET: from the cache, or rendered, stored when it may be, and answered from that. */
/**
 * Renders in progress per cache and key: readers who miss while a page is being rendered wait for
 * that render instead of starting their own (no stampede of identical renders when a popular entry
 * is evicted or the server has just started).
 */
const rendering = new WeakMap<PageCache, Map<string, Promise<CachedPage | null>>>();

function inFlight(cache: PageCache): Map<string, Promise<CachedPage | null>> {
  let map = rendering.get(cache);
  if (!map) rendering.set(cache, (map = new Map()));
  return map;
}

/**
 * Renders the page once for everyone who missed it meanwhile: the first reader renders (and the
 * page is stored when it may be), the others wait for that page. `response` when the render could
 * not be shared (not storable, or it set a cookie): it belongs to its reader alone.
 */
async function renderOnce(
  cache: PageCache,
  key: string,
  request: Request,
  publicRender: PublicRender,
): Promise<{ page: CachedPage; rendered: boolean } | { response: Response }> {
  const pending = request.method === 'GET' ? inFlight(cache).get(key) : undefined;
  if (pending) {
    const page = await pending;
    if (page) return { page, rendered: false };
    // The page being rendered could not be shared (not storable): render this reader's own.
  }
  let settle: (page: CachedPage | null) => void = () => {};
  if (request.method === 'GET' && !pending) {
    const promise = new Promise<CachedPage | null>((resolve) => (settle = resolve));
    inFlight(cache).set(key, promise);
  }
  try {
    const startedAt = cache.version;
    const response = await publicRender.render();
    if (!isStorable(response) || publicRender.setsCookies()) {
      settle(null);
      return { response };
    }
    const now = publicRender.nowMilliseconds ?? Date.now;
    const page = await capture(
      response,
      publicRender.tags() ?? [],
      now(),
      publicRender.shareable?.() ?? false,
    );
    // HEAD renders no body worth keeping.
    if (request.method === 'GET') {
      cache.set(key, page, startedAt);
      if (page.shareable) shareablePages.add(key);
    }
    settle(page);
    return { page, rendered: true };
  } catch (error) {
    settle(null);
    throw error;
  } finally {
    if (request.method === 'GET' && !pending) inFlight(cache).delete(key);
  }
}

const keepCoding =
  (cache: PageCache, key: string, page: CachedPage) => (coding: ContentCoding, body: Uint8Array) =>
    cache.addCoding(key, page, coding, body);

export async function servePublicRead(
  cache: PageCache,
  request: Request,
  publicRender: PublicRender,
): Promise<Response> {
  const key = cacheKey(new URL(request.url));
  const hit = cache.get(key);
  if (hit) return respondWithPage(request, hit, keepCoding(cache, key, hit), 'hit');
  const result = await renderOnce(cache, key, request, publicRender);
  if ('response' in result) return compressStreaming(request, result.response);
  const { page, rendered } = result;
  return respondWithPage(request, page, keepCoding(cache, key, page), rendered ? 'miss' : 'hit');
}

/** Gzips a response as it streams, when the client accepts it and the type is worth it. */
export function compressStreaming(request: Request, response: Response): Response {
  if (!response.body || response.headers.has('content-encoding')) return response;
  if (!COMPRESSIBLE_TYPES.includes(mediaType(response))) return response;
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (length < MIN_COMPRESSIBLE_BYTES) return response;
  // CompressionStream has no brotli: gzip while streaming.
  if (chooseCoding(request.headers.get('accept-encoding'), ['gzip']) === null) return response;
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  headers.set('Content-Encoding', 'gzip');
  headers.append('Vary', 'Accept-Encoding');
  const body = response.body.pipeThrough(
    new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>,
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Renders a page known to be the same for everyone as a signed-out reader sees it (the caller has
 * cleared the reader from `locals`), once for everyone who missed it meanwhile (`renderOnce`), stores
 * it, and returns it; `response` when it turned out not to be shareable (answered as rendered).
 */
export async function renderShared(
  cache: PageCache,
  request: Request,
  publicRender: PublicRender,
): Promise<{ page: CachedPage } | { response: Response }> {
  const key = cacheKey(new URL(request.url));
  const result = await renderOnce(cache, key, request, publicRender);
  if ('response' in result) return result;
  if (result.page.shareable) return { page: result.page };
  // No longer the same for everyone: it is answered as rendered, to this reader only.
  return {
    response: await respondWithPage(request, result.page, keepCoding(cache, key, result.page), 'miss'),
  };
}
