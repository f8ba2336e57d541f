/**
 * The shared page cache end to end on one instance: real pages rendered by the
 * Container API, served through the same function the middleware uses, kept
 * fresh by a real LISTEN on the test database (PGlite's one connection, or
 * PostgreSQL with TEST_DATABASE_URL).
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { announceChange } from '../../db/queries/changes.ts';
import { brands, posts } from '../../db/schema.ts';
import BrandPage from '../../src/pages/brands/[slug]/index.astro';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import { PageCache } from '../../src/server/page-cache.ts';
import { isPublicRead, servePublicRead } from '../../src/server/public-cache.ts';
import { keepPageCacheFresh } from '../../src/server/shared-page-cache.ts';
import { createDemoDatabase, DEMO_NOW } from '../helpers/demo-database.ts';
import type { TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let container: AstroContainer;
let cache: PageCache;
let stopListening: () => Promise<void>;
let renders = 0;
const SLUG = 'northwind-telecom';
let brandId: number;

beforeAll(async () => {
  database = await createDemoDatabase();
  container = await AstroContainer.create();
  cache = new PageCache({ maxBytes: 16 * 1024 * 1024, ttlMilliseconds: 60_000 });
  stopListening = await keepPageCacheFresh(database, cache);
  const [brand] = await database.db.select({ id: brands.id }).from(brands).where(eq(brands.slug, SLUG));
  brandId = brand!.id;
});
afterAll(async () => {
  await stopListening();
  await database.destroy();
});
beforeEach(() => cache.clear());

/** What the middleware does for a signed-out GET of the brand page. */
async function getBrandPage(headers: Record<string, string> = {}, render?: () => Promise<Response>) {
  const request = new Request(`http://localhost/brands/${SLUG}`, { headers });
  const locals = { db: database.db, now: DEMO_NOW, user: null, actor: null, session: null } as App.Locals;
  return servePublicRead(cache, request, {
    render: async () => {
      renders++;
      if (render) return render();
      const response = await container.renderToResponse(BrandPage, {
        locals,
        params: { slug: SLUG },
        request,
      });
      response.headers.set('X-Content-Type-Options', 'nosniff');
      return response;
    },
    tags: () => locals.cacheTags,
    setsCookies: () => false,
  });
}

/** What the middleware does for a signed-out GET of a post page, `search` naming a view of its thread. */
async function getPostPage(postId: number, search = '') {
  const request = new Request(`http://localhost/posts/${postId}${search}`);
  const locals = { db: database.db, now: DEMO_NOW, user: null, actor: null, session: null } as App.Locals;
  return servePublicRead(cache, request, {
    render: () => container.renderToResponse(PostPage, { locals, params: { id: String(postId) }, request }),
    tags: () => locals.cacheTags,
    setsCookies: () => false,
  });
}

describe('the shared page cache', () => {
  it('listens for changes on the test database', () => {
    expect(cache.enabled).toBe(true);
  });

  it('renders a missing page once however many readers ask for it at the same moment', async () => {
    const before = renders;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowRender = async () => {
      await gate;
      return new Response('<!doctype html><p>Rendered once</p>'.padEnd(2_000, ' '), {
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
      });
    };
    const readers = Array.from({ length: 10 }, () => getBrandPage({}, slowRender));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const responses = await Promise.all(readers);
    expect(renders - before).toBe(1);
    for (const response of responses) expect(await response.text()).toContain('Rendered once');
  });

  it('serves a page it has seen from memory, security headers included', async () => {
    const first = await getBrandPage();
    const before = renders;
    const second = await getBrandPage();
    expect(first.headers.get('X-Cache')).toBe('MISS');
    expect(second.headers.get('X-Cache')).toBe('HIT');
    expect(renders).toBe(before);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(second.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate');
    expect(second.headers.get('Vary')).toBe('Accept-Encoding, Cookie');
  });

  it('evicts the page when a change of its brand is notified, and only then', async () => {
    await getBrandPage();
    await announceChange(database.db, { brandId: brandId + 1000, postId: null });
    // A board-wide change would reach this page only through its brand: it stays.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await getBrandPage()).headers.get('X-Cache')).toBe('HIT');
    await announceChange(database.db, { brandId, postId: null });
    await vi.waitFor(() => expect(cache.size).toBe(0));
    expect((await getBrandPage()).headers.get('X-Cache')).toBe('MISS');
  });

  it('keeps each view of a thread under its own address, and evicts them all when the post changes', async () => {
    const [post] = await database.db
      .select({ id: posts.id, brandId: posts.brandId })
      .from(posts)
      .where(eq(posts.visibility, 'published'))
      .limit(1);
    const views = ['', '?part=2', `?message=1`];
    for (const view of views) expect((await getPostPage(post!.id, view)).headers.get('X-Cache')).toBe('MISS');
    for (const view of views) expect((await getPostPage(post!.id, view)).headers.get('X-Cache')).toBe('HIT');
    expect(cache.size).toBe(views.length);
    await announceChange(database.db, { brandId: null, postId: post!.id });
    await vi.waitFor(() => expect(cache.size).toBe(0));
    for (const view of views) expect((await getPostPage(post!.id, view)).headers.get('X-Cache')).toBe('MISS');
  });

  it('does not store a change that commits while the page renders', async () => {
    await getBrandPage({}, async () => {
      const versionAtRender = cache.version;
      await announceChange(database.db, { brandId, postId: null });
      await vi.waitFor(() => expect(cache.version).toBeGreaterThan(versionAtRender));
      return new Response('<p>stale by now</p>', { headers: { 'Content-Type': 'text/html' } });
    });
    expect(cache.size).toBe(0);
    expect((await getBrandPage()).headers.get('X-Cache')).toBe('MISS');
  });

  it('never stores a response that sets a cookie, or anything but a 200', async () => {
    const withCookie = () =>
      Promise.resolve(
        new Response('<p>hello</p>', { headers: { 'Content-Type': 'text/html', 'Set-Cookie': 'a=b' } }),
      );
    await getBrandPage({}, withCookie);
    const before = renders;
    await getBrandPage({}, withCookie);
    expect(renders).toBe(before + 1);
    const notFound = () =>
      Promise.resolve(new Response('<p>gone</p>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    await getBrandPage({}, notFound);
    expect(cache.size).toBe(0);
  });

  it('leaves requests with a session cookie to the signed-in path', () => {
    const url = `http://localhost/brands/${SLUG}`;
    expect(isPublicRead(new Request(url))).toBe(true);
    expect(isPublicRead(new Request(url, { headers: { cookie: 'theme=dark; session=abc.def' } }))).toBe(
      false,
    );
    expect(isPublicRead(new Request(url, { method: 'POST' }))).toBe(false);
  });

  it('answers 304 to a matching If-None-Match, with the same ETag', async () => {
    const first = await getBrandPage();
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await getBrandPage({ 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await getBrandPage({ 'If-None-Match': '"something-else"' })).status).toBe(200);
  });

  it('compresses with brotli or gzip as accepted, once, to the same bytes', async () => {
    const plain = new Uint8Array(await (await getBrandPage()).arrayBuffer());
    const br = await getBrandPage({ 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(new Uint8Array(await br.arrayBuffer()))).toEqual(Buffer.from(plain));
    const gz = await getBrandPage({ 'Accept-Encoding': 'gzip;q=1, br;q=0' });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(new Uint8Array(await gz.arrayBuffer()))).toEqual(Buffer.from(plain));
    // Each coding has its own ETag: the bytes differ.
    expect(new Set([br, gz].map((r) => r.headers.get('ETag'))).size).toBe(2);
    const bytesBefore = cache.bytes;
    await getBrandPage({ 'Accept-Encoding': 'br' });
    expect(cache.bytes).toBe(bytesBefore);
  });
});
