/**
 * Live updates on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): a write's NOTIFY reaches the hub through the instance's
 * one listener, a page that reconnects is caught up from `Last-Event-ID`, and
 * the endpoint's refusals (bounds, limits, authorization) answer clearly.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LISTENER_APPLICATION_NAME } from '../../db/client.ts';
import { announceChange } from '../../db/queries/changes.ts';
import { pruneLiveEvents } from '../../db/queries/live-events.ts';
import { posts } from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { LiveHub } from '../../src/server/live-hub.ts';
import { connectLiveHub, openLiveStream, type LiveRequest } from '../../src/server/live-streams.ts';
import { keepPageCacheFresh } from '../../src/server/shared-page-cache.ts';
import { keepSessionCacheFresh } from '../../src/server/shared-session-cache.ts';
import { PageCache } from '../../src/server/page-cache.ts';
import { SessionCache } from '../../src/server/auth/session-cache.ts';
import { runShutdownSteps, onShutdown } from '../../src/server/shutdown.ts';
import { createBrand, createPerson, joinTeam, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let hub: LiveHub;
let stopHub: () => Promise<void>;
const now = new Date('2026-06-15T12:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  hub = new LiveHub({ maxStreams: 3 });
  stopHub = (await connectLiveHub(database, hub))!;
});
afterAll(async () => {
  hub.closeAll();
  await stopHub();
  await database.destroy();
});
beforeEach(async () => {
  hub.closeAll();
  await database.db.execute(
    sql`truncate users, brands, posts, live_events, rate_limit_buckets restart identity cascade`,
  );
});

const deps = (): CommandDeps => commandDeps(database.db, { now });

async function publish(author: Actor, brandSlug: string, title: string): Promise<number> {
  const result = await createPost(
    deps(),
    author,
    newPostInput({ brandSlug, title, experiencedOn: '2026-06-14' }),
  );
  if (!result.ok) throw new Error(`expected a post, got ${JSON.stringify(result)}`);
  return result.postId;
}

const request = (overrides: Partial<LiveRequest>): LiveRequest => ({
  handle: database,
  hub,
  actor: null,
  now,
  query: {},
  lastEventId: null,
  clientAddress: '203.0.113.7',
  rateLimitExempt: false,
  ...overrides,
});

/** Reads a stream until `until` appears in it (or 3 s pass). */
async function readUntil(response: Response, until: string): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 3_000;
  while (!text.includes(until) && Date.now() < deadline) {
    const next = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
    ]);
    if (next === null || next.done) break;
    text += decoder.decode(next.value);
  }
  await reader.cancel();
  return text;
}

describe('a write heard live', () => {
  it("reaches the home feed and the brand's page as a new post, with the event id of its record", async () => {
    const brand = await createBrand(database.db, 'Northwind');
    const author = await createPerson(database.db);
    const home = await openLiveStream(request({}));
    const brandPage = await openLiveStream(request({ query: { brand: brand.slug } }));
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(home.headers.get('x-accel-buffering')).toBe('no');

    const postId = await publish(author, brand.slug, 'Line down for a week');

    const [{ id }] = (await database.rows<{ id: number }>(
      sql`select id from live_events where kind = 'post'`,
    )) as [{ id: number }];
    const event = `id: ${id}\nevent: posts\ndata: {"postId":${postId}}\n\n`;
    expect(await readUntil(home, 'event: posts')).toContain(event);
    expect(await readUntil(brandPage, 'event: posts')).toContain(event);
  });

  it('says nothing, and records nothing, about a post held for review', async () => {
    const brand = await createBrand(database.db, 'Northwind');
    const author = await createPerson(database.db);
    const postId = await publish(author, brand.slug, 'Held for a moment');
    await database.db
      .update(posts)
      .set({ visibility: 'held' })
      .where(sql`${posts.id} = ${postId}`);
    const before = await database.rows<{ n: number }>(sql`select count(*)::int as n from live_events`);
    const stream = await openLiveStream(request({ query: { post: String(postId) } }));
    expect(stream.status).toBe(404);
    const home = await openLiveStream(request({}));

    await database.db.transaction((tx) => announceChange(tx, { brandId: brand.id, postId }));
    await database.db.transaction((tx) =>
      announceChange(tx, { brandId: brand.id, postId: null, kind: 'post' }),
    );

    const text = await readUntil(home, 'event: posts');
    expect(text.match(/event: posts/g)).toHaveLength(1); // the second announcement, not the held one
    const after = await database.rows<{ n: number }>(sql`select count(*)::int as n from live_events`);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });

  it('records nothing when the writer rolls back', async () => {
    await database.db
      .transaction(async (tx) => {
        await announceChange(tx, { brandId: null, postId: null });
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(await database.rows(sql`select id from live_events`)).toEqual([]);
  });
});

describe('a page that reconnects with Last-Event-ID', () => {
  it('is sent the events it missed that its page shows, in order', async () => {
    const brand = await createBrand(database.db, 'Northwind');
    const other = await createBrand(database.db, 'Southwind');
    const author = await createPerson(database.db);
    const first = await publish(author, brand.slug, 'First');
    const [{ id: firstId }] = (await database.rows<{ id: number }>(
      sql`select id from live_events where post_id = ${first}`,
    )) as [{ id: number }];
    const elsewhere = await publish(author, other.slug, 'Elsewhere');
    const second = await publish(author, brand.slug, 'Second');

    const resumed = await openLiveStream(
      request({ query: { brand: brand.slug }, lastEventId: String(firstId) }),
    );
    const text = await readUntil(resumed, `"postId":${second}`);
    expect(text).toContain(`data: {"postId":${second}}`);
    expect(text).not.toContain(`"postId":${first}}`);
    expect(text).not.toContain(`"postId":${elsewhere}}`);
  });

  it('is told to reload its regions when the events after its last one were pruned', async () => {
    const brand = await createBrand(database.db, 'Northwind');
    const author = await createPerson(database.db);
    for (const title of ['First', 'Second', 'Third']) await publish(author, brand.slug, title);
    const ids = (await database.rows<{ id: number }>(sql`select id from live_events order by id`)).map(
      (row) => Number(row.id),
    );
    // The page saw the first event; the second was pruned before it came back.
    await database.db.execute(sql`delete from live_events where id <= ${ids[1]!}`);

    const resumed = await openLiveStream(
      request({ query: { brand: brand.slug }, lastEventId: String(ids[0]) }),
    );
    expect(await readUntil(resumed, 'event: reload')).toContain('event: reload');
  });

  it('finds events older than the kept time pruned', async () => {
    await database.db.transaction((tx) => announceChange(tx, { brandId: null, postId: null }));
    expect(await pruneLiveEvents(database.db, 3600)).toBe(0);
    await database.db.execute(sql`update live_events set created_at = now() - interval '2 hours'`);
    expect(await pruneLiveEvents(database.db, 3600)).toBe(1);
  });
});

describe('opening a stream', () => {
  it("is refused for an inbox to readers (401) and to people outside the brand's team (403)", async () => {
    const brand = await createBrand(database.db, 'Northwind');
    const stranger = await createPerson(database.db);
    const member = await joinTeam(database.db, await createPerson(database.db), brand.id);
    expect((await openLiveStream(request({ query: { inbox: brand.slug } }))).status).toBe(401);
    expect((await openLiveStream(request({ actor: stranger, query: { inbox: brand.slug } }))).status).toBe(
      403,
    );
    const inbox = await openLiveStream(request({ actor: member, query: { inbox: brand.slug } }));
    expect(inbox.status).toBe(200);
    await inbox.body!.cancel();
  });

  it('answers 404 for a brand or post that does not exist, and 400 for a malformed request', async () => {
    expect((await openLiveStream(request({ query: { brand: 'nobody' } }))).status).toBe(404);
    expect((await openLiveStream(request({ query: { post: '999999' } }))).status).toBe(404);
    expect((await openLiveStream(request({ query: { post: 'x' } }))).status).toBe(400);
    expect((await openLiveStream(request({ query: { brand: 'a', inbox: 'b' } }))).status).toBe(400);
  });

  it('answers 503 with Retry-After and a sentence once the instance holds its bound of streams', async () => {
    const open = await Promise.all([1, 2, 3].map(() => openLiveStream(request({}))));
    expect(open.map((response) => response.status)).toEqual([200, 200, 200]);
    const refused = await openLiveStream(request({}));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/Too many people are following live updates/);
    await open[0]!.body!.cancel();
    const again = await openLiveStream(request({}));
    expect(again.status).toBe(200);
    for (const response of [...open.slice(1), again]) await response.body!.cancel();
  });

  it('counts against a per-address limit on opening, with 429 past it', async () => {
    let last: Response | null = null;
    for (let i = 0; i < 301; i++) {
      last = await openLiveStream(request({ clientAddress: '198.51.100.4' }));
      if (last.status === 200) await last.body!.cancel();
    }
    expect(last!.status).toBe(429);
    expect(last!.headers.get('retry-after')).not.toBeNull();
  });
});

describe.runIf(usingPostgres)('the listening connection', () => {
  it('is one per instance, for the page cache, the session cache and the live hub together', async () => {
    const stops = await Promise.all([
      keepPageCacheFresh(database, new PageCache({ maxBytes: 1024 * 1024, ttlMilliseconds: 1000 })),
      keepSessionCacheFresh(database, new SessionCache({ ttlMilliseconds: 1000, maxEntries: 10 })),
    ]);
    const [{ current_database: name }] = (await database.rows<{ current_database: string }>(
      sql`select current_database()`,
    )) as [{ current_database: string }];
    const listeners = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = ${name} and application_name = ${LISTENER_APPLICATION_NAME}`,
    );
    expect(listeners[0]!.n).toBe(1);
    for (const stop of stops) await stop();
  });
});

describe('shutting down', () => {
  it('ends every stream with a retry hint and refuses new ones with 503', async () => {
    onShutdown('end the test hub', () => hub.closeAll());
    const stream = await openLiveStream(request({}));
    const reading = readUntil(stream, 'stopping');
    await runShutdownSteps();
    expect(await reading).toMatch(/retry: \d+\n: this server is stopping/);
    const refused = await openLiveStream(request({}));
    expect(refused.status).toBe(503);
    expect(await refused.text()).toMatch(/stopping/);
  });
});
