/**
 * The built server's life, from outside: health and readiness, one JSON log
 * line per request with its id, a clear exit when the port is taken, links
 * that follow HOST and PORT when SITE_URL is unset, and a SIGTERM under load
 * that answers no request with a 500 and loses no acknowledged write.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBoard,
  opsPort,
  prepareWriters,
  randomSecret,
  startServer,
  startWriters,
  waitUntilReady,
  type Board,
  type ServerProcess,
} from './server-process.ts';

const port = opsPort(2);
let board: Board;
let server: ServerProcess;
const secret = randomSecret();
let writers: Awaited<ReturnType<typeof prepareWriters>>;

beforeAll(async () => {
  board = await createBoard('pglite');
  writers = await prepareWriters(board, 8);
  // No SITE_URL: links must follow HOST and PORT.
  const { SITE_URL: _unset, ...env } = board.env;
  server = startServer(env, port, { LF_BENCH_BYPASS_SECRET: secret });
  await waitUntilReady(server);
}, 120_000);

afterAll(async () => {
  server.child.kill('SIGKILL');
  await server.exited;
  await board.destroy();
});

const logLines = () =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the running server', () => {
  it('answers /healthz and /readyz, never from a cache', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toMatchObject({ status: expect.stringMatching(/^(ok|ready)$/) });
    }
  });

  it('logs one JSON line per request, with its id, and no query string', async () => {
    const response = await fetch(`${server.origin}/about?email=someone@example.com`, {
      headers: { 'X-Request-Id': 'ops-test-1234' },
    });
    expect(response.headers.get('x-request-id')).toBe('ops-test-1234');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = logLines().filter((line) => line['requestId'] === 'ops-test-1234');
    expect(lines).toEqual([
      expect.objectContaining({ method: 'GET', path: '/about', status: 200, durationMs: expect.any(Number) }),
    ]);
    expect(server.output()).not.toContain('someone@example.com');
  });

  it('replaces an incoming request id that is not a short plain token', async () => {
    const response = await fetch(`${server.origin}/about`, { headers: { 'X-Request-Id': 'x"} forged' } });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(server.output()).not.toContain('forged');
  });

  it('puts its own address in links when SITE_URL is not set', async () => {
    const feed = await (await fetch(`${server.origin}/feed.xml`)).text();
    expect(feed).toContain(`http://127.0.0.1:${port}/`);
    expect(feed).not.toContain('localhost:4321');
  });

  it('refuses to start a second server on a port already taken, with a message and a non-zero code', async () => {
    const other = await createBoard('pglite');
    try {
      const second = startServer(other.env, port);
      const { code } = await second.exited;
      expect(code).toBe(1);
      expect(second.output()).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await other.destroy();
    }
  }, 60_000);

  // Last: it stops the server.
  it('stops on SIGTERM under load without answering 500 or losing an acknowledged write', async () => {
    const writing = startWriters(() => server.origin, writers, secret);
    while (writing.log.acknowledged.size < 20) await new Promise((resolve) => setTimeout(resolve, 50));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    const stoppedInMs = Date.now() - signalledAt;
    await writing.stop();

    expect(code).toBe(0);
    expect(stoppedInMs).toBeLessThan(15_000);
    expect([...writing.log.statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    expect(logLines().some((line) => line['msg'] === 'Stopped.')).toBe(true);

    const handle = await board.open();
    try {
      const rows = await handle.rows<{ id: number; title: string }>(
        sql`select id, title from posts where title like 'Ops writer %'`,
      );
      const saved = new Map(rows.map((row) => [row.title, Number(row.id)]));
      const missing = [...writing.log.acknowledged].filter(([title, id]) => saved.get(title) !== id);
      expect(missing).toEqual([]);
      expect(saved.size).toBe(rows.length); // none twice
    } finally {
      await handle.close();
    }
  }, 60_000);
});
