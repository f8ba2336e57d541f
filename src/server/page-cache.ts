/**
 * The in-memory store of what signed-out readers see (decision 005): rendered
 * 200 responses by URL, bounded in bytes (least recently used goes first),
 * each expiring after a short time, each carrying tags that say which data it
 * shows. A change announced by a writer (db/queries/changes.ts) evicts the
 * entries whose tags it names:
 *
 *   every change          → `board` (home, rankings, search, feeds, lists: the default tag)
 *   a change of brand B   → `brand:B` (B's page, feed, badge, API)
 *   a change of post P    → `post:P`  (P's page and its revisions)
 *   a change naming none  → everything
 *
 * A page renders from data read before a change and is stored after it: the
 * store refuses an entry when one of its tags was invalidated after the render
 * began (`startedAt`), so a stale page is never stored past its eviction.
 */
import type { Change } from '../../db/queries/changes.ts';

export const cacheTag = {
  board: 'board',
  brand: (brandId: number) => `brand:${brandId}`,
  post: (postId: number) => `post:${postId}`,
} as const;

export type ContentCoding = 'br' | 'gzip';

export interface CachedPage {
  /** Response headers to replay (no Set-Cookie, Content-Length, Content-Encoding or ETag). */
  headers: [string, string][];
  /** The uncompressed body. */
  body: Uint8Array;
  /** Hash of the body; the ETag of each coding derives from it. */
  hash: string;
  /** Compressed bodies, made on first demand and kept with the entry. */
  codings: Partial<Record<ContentCoding, Uint8Array>>;
  tags: readonly string[];
  storedAtMilliseconds: number;
  /** The page said it is the same for every reader outside its personal regions (`sameForEveryone`). */
  shareable?: boolean;
}

export interface PageCacheOptions {
  maxBytes: number;
  ttlMilliseconds: number;
  /** Entries larger than this are never stored (default: an eighth of maxBytes). */
  maxEntryBytes?: number;
  now?: () => number;
}

/** Bookkeeping per entry beyond its bodies (headers, keys, maps). */
const ENTRY_OVERHEAD_BYTES = 1_024;
/** More remembered tag invalidations than this and the cache forgets them by clearing itself. */
const MAX_REMEMBERED_TAGS = 100_000;

export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #keysByTag = new Map<string, Set<string>>();
  /** Version at which each tag was last invalidated. */
  readonly #invalidatedAt = new Map<string, number>();
  readonly #options: Required<PageCacheOptions>;
  #bytes = 0;
  #version = 0;
  #clearedAt = 0;
  /**
   * False until the change listener is connected, and while it is down: missed notifications
   * would leave stale entries, so nothing is served from or stored in the cache then.
   */
  enabled = false;

  constructor(options: PageCacheOptions) {
    this.#options = {
      maxEntryBytes: Math.floor(options.maxBytes / 8),
      now: () => Date.now(),
      ...options,
    };
  }

  /** A marker to pass back to `set`: stores refuse entries invalidated since. */
  get version(): number {
    return this.#version;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): CachedPage | null {
    if (!this.enabled) return null;
    const page = this.#entries.get(key);
    if (!page) return null;
    if (this.#options.now() - page.storedAtMilliseconds >= this.#options.ttlMilliseconds) {
      this.#delete(key);
      return null;
    }
    // Least recently used first: a hit moves the entry to the end of the Map's order.
    this.#entries.delete(key);
    this.#entries.set(key, page);
    return page;
  }

  /** Stores a page rendered from data read at `startedAt` (a `version`); false when refused. */
  set(key: string, page: CachedPage, startedAt: number): boolean {
    if (!this.enabled || this.#clearedAt > startedAt) return false;
    for (const tag of page.tags) {
      if ((this.#invalidatedAt.get(tag) ?? 0) > startedAt) return false;
    }
    if (sizeOf(page) > this.#options.maxEntryBytes) return false;
    this.#delete(key);
    this.#entries.set(key, page);
    this.#bytes += sizeOf(page);
    for (const tag of page.tags) {
      let keys = this.#keysByTag.get(tag);
      if (!keys) this.#keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    this.#evictOverflow();
    return true;
  }

  /** Keeps a compressed body with its entry (if the entry is still the same one). */
  addCoding(key: string, page: CachedPage, coding: ContentCoding, body: Uint8Array): void {
    if (page.codings[coding]) return;
    page.codings[coding] = body;
    if (this.#entries.get(key) !== page) return;
    this.#bytes += body.byteLength;
    this.#evictOverflow();
  }

  /** Evicts what a change makes stale (see the header comment). */
  invalidate(change: Change): void {
    if (change.brandId === null && change.postId === null) {
      this.clear();
      return;
    }
    const tags: string[] = [cacheTag.board];
    if (change.brandId !== null) tags.push(cacheTag.brand(change.brandId));
    if (change.postId !== null) tags.push(cacheTag.post(change.postId));
    this.#version++;
    if (this.#invalidatedAt.size + tags.length > MAX_REMEMBERED_TAGS) {
      this.clear();
      return;
    }
    for (const tag of tags) {
      this.#invalidatedAt.set(tag, this.#version);
      for (const key of [...(this.#keysByTag.get(tag) ?? [])]) this.#delete(key);
    }
  }

  clear(): void {
    this.#version++;
    this.#clearedAt = this.#version;
    this.#entries.clear();
    this.#keysByTag.clear();
    this.#invalidatedAt.clear();
    this.#bytes = 0;
  }

  #evictOverflow(): void {
    for (const key of this.#entries.keys()) {
      if (this.#bytes <= this.#options.maxBytes) return;
      this.#delete(key);
    }
  }

  #delete(key: string): void {
    const page = this.#entries.get(key);
    if (!page) return;
    this.#entries.delete(key);
    this.#bytes -= sizeOf(page);
    for (const tag of page.tags) {
      const keys = this.#keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.#keysByTag.delete(tag);
    }
  }
}

function sizeOf(page: CachedPage): number {
  let bytes = ENTRY_OVERHEAD_BYTES + page.body.byteLength;
  for (const body of Object.values(page.codings)) bytes += body?.byteLength ?? 0;
  return bytes;
}
