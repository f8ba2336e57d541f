import { describe, expect, it } from 'vitest';
import { cacheTag, PageCache, type CachedPage } from '../../src/server/page-cache.ts';

const page = (bytes: number, tags: string[], storedAtMilliseconds = 0): CachedPage => ({
  headers: [],
  body: new Uint8Array(bytes),
  hash: 'h',
  codings: {},
  tags,
  storedAtMilliseconds,
});

function openCache(options: { maxBytes?: number; maxEntryBytes?: number; now?: () => number } = {}) {
  const cache = new PageCache({
    maxBytes: options.maxBytes ?? 1_000_000,
    ttlMilliseconds: 60_000,
    now: options.now ?? (() => 0),
    ...(options.maxEntryBytes ? { maxEntryBytes: options.maxEntryBytes } : {}),
  });
  cache.enabled = true;
  return cache;
}

describe('the page cache store', () => {
  it('serves nothing and stores nothing while it is not listening for changes', () => {
    const cache = openCache();
    cache.enabled = false;
    expect(cache.set('/', page(10, ['board']), cache.version)).toBe(false);
    cache.enabled = true;
    expect(cache.set('/', page(10, ['board']), cache.version)).toBe(true);
    cache.enabled = false;
    expect(cache.get('/')).toBeNull();
  });

  it('evicts board pages on every change, brand and post pages only on theirs', () => {
    const cache = openCache();
    cache.set('/', page(10, [cacheTag.board]), cache.version);
    cache.set('/brands/a', page(10, [cacheTag.brand(1)]), cache.version);
    cache.set('/posts/7', page(10, [cacheTag.post(7), cacheTag.brand(1)]), cache.version);
    cache.set('/brands/b', page(10, [cacheTag.brand(2)]), cache.version);
    cache.invalidate({ brandId: 2, postId: null });
    expect(cache.get('/')).toBeNull();
    expect(cache.get('/brands/b')).toBeNull();
    expect(cache.get('/brands/a')).not.toBeNull();
    cache.invalidate({ brandId: null, postId: 7 });
    expect(cache.get('/posts/7')).toBeNull();
    expect(cache.get('/brands/a')).not.toBeNull();
    cache.invalidate({ brandId: null, postId: null });
    expect(cache.size).toBe(0);
  });

  it('refuses a page rendered before a change of what it shows', () => {
    const cache = openCache();
    const startedAt = cache.version;
    cache.invalidate({ brandId: 1, postId: null });
    expect(cache.set('/brands/a', page(10, [cacheTag.brand(1)]), startedAt)).toBe(false);
    expect(cache.set('/brands/b', page(10, [cacheTag.brand(2)]), startedAt)).toBe(true);
  });

  it('forgets entries after their time to live', () => {
    let now = 0;
    const cache = openCache({ now: () => now });
    cache.set('/', page(10, [cacheTag.board], 0), cache.version);
    now = 59_999;
    expect(cache.get('/')).not.toBeNull();
    now = 60_000;
    expect(cache.get('/')).toBeNull();
  });

  it('stays under its byte bound, dropping the least recently used first', () => {
    const cache = openCache({ maxBytes: 16_000, maxEntryBytes: 4_000 });
    cache.set('/a', page(1_500, ['board']), cache.version);
    cache.set('/b', page(1_500, ['board']), cache.version);
    cache.get('/a');
    for (let i = 0; i < 5; i++) cache.set(`/x${i}`, page(1_500, ['board']), cache.version);
    expect(cache.bytes).toBeLessThanOrEqual(16_000);
    expect(cache.get('/a')).not.toBeNull();
    expect(cache.get('/b')).toBeNull();
    expect(cache.set('/huge', page(5_000, ['board']), cache.version)).toBe(false);
  });
});
