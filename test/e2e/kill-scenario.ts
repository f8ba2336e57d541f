/**
 * The SIGKILL scenario of kill-pglite.test.ts and kill-postgres.test.ts: the
 * built server killed with SIGKILL three times while 8 writers publish through
 * the real form, restarted each time; then every post it acknowledged is
 * there, none twice, and the maintained figures equal a rebuild from the posts.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../db/client.ts';
import { refreshRequestedFigures } from '../../src/server/statistics.ts';
import { maintainedAndRebuilt } from '../helpers/rebuilt-aggregates.ts';
import {
  createBoard,
  prepareWriters,
  randomSecret,
  startServer,
  startWriters,
  waitUntilReady,
  type Board,
  type ServerProcess,
  type WriteLog,
} from './server-process.ts';

const WRITERS = 8;
const KILLS = 3;

/** Every acknowledged post present with its id, no title twice, and the figures as a rebuild gives them. */
async function expectNothingLostOrDoubled(board: Board, log: WriteLog) {
  const handle = await board.open();
  try {
    const rows = await handle.rows<{ id: number; title: string }>(
      sql`select id, title from posts where title like 'Ops writer %' order by id`,
    );
    const idsByTitle = new Map<string, number[]>();
    for (const row of rows) idsByTitle.set(row.title, [...(idsByTitle.get(row.title) ?? []), Number(row.id)]);
    const missing = [...log.acknowledged].filter(([title, id]) => idsByTitle.get(title)?.[0] !== id);
    const doubled = [...idsByTitle].filter(([, ids]) => ids.length > 1);
    expect(missing).toEqual([]);
    expect(doubled).toEqual([]);

    const now = new Date();
    while ((await refreshRequestedFigures(handle.db, now)) > 0);
    const { maintained, rebuilt } = await maintainedAndRebuilt(handle.db as Database, now);
    expect(maintained).toEqual(rebuilt);
  } finally {
    await handle.close();
  }
}

export async function killUnderWriters(driver: 'pglite' | 'postgres', port: number): Promise<void> {
  const board = await createBoard(driver);
  const servers: ServerProcess[] = [];
  let writing: ReturnType<typeof startWriters> | null = null;
  try {
    const writers = await prepareWriters(board, WRITERS);
    const secret = randomSecret();
    let server = startServer(board.env, port, { LF_BENCH_BYPASS_SECRET: secret });
    servers.push(server);
    await waitUntilReady(server);

    writing = startWriters(() => server.origin, writers, secret);
    let acknowledgedBeforeKill = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // Let writes pile up, then kill the process mid-flight.
      const deadline = Date.now() + 10_000;
      while (writing.log.acknowledged.size < acknowledgedBeforeKill + 15 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      acknowledgedBeforeKill = writing.log.acknowledged.size;
      server.child.kill('SIGKILL');
      await server.exited;
      server = startServer(board.env, port, { LF_BENCH_BYPASS_SECRET: secret });
      servers.push(server);
      await waitUntilReady(server);
    }
    // A few more writes on the last server, then stop it gracefully.
    const target = writing.log.acknowledged.size + 15;
    while (writing.log.acknowledged.size < target) await new Promise((resolve) => setTimeout(resolve, 50));
    await writing.stop();
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    // The test has teeth only if many writes were acknowledged and some were cut by a kill.
    expect(writing.log.acknowledged.size).toBeGreaterThanOrEqual((KILLS + 1) * 15);
    expect(writing.log.unanswered).toBeGreaterThan(0);
    expect(writing.log.statuses.get(500) ?? 0).toBe(0);
    await expectNothingLostOrDoubled(board, writing.log);
  } finally {
    for (const server of servers) server.child.kill('SIGKILL');
    await writing?.stop();
    await board.destroy();
  }
}
