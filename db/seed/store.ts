/**
 * Rows the seed builds in memory, with ids assigned up front so rows can point
 * at each other, then written in batches in the caller's transaction (a failed
 * seed leaves the database as it was). Threads are not rows here: each post's
 * thread is a script of steps, played after the rows through the live planners
 * and writer (db/seed/threads.ts), up to the board's `now`; so are the posts'
 * edits, withdrawals and removals (db/seed/post-changes.ts).
 */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import * as t from '../schema.ts';
import type { SeedPostChange } from './post-changes.ts';
import { playThreads, type SeedThread } from './threads.ts';

type Insert<T extends PgTable> = T['$inferInsert'];

const ID_TABLES = {
  users: 'users',
  brands: 'brands',
  posts: 'posts',
  flags: 'flags',
  claims: 'brand_claims',
} as const;

export class SeedStore {
  users: Insert<typeof t.users>[] = [];
  brands: Insert<typeof t.brands>[] = [];
  members: Insert<typeof t.brandMembers>[] = [];
  claims: Insert<typeof t.brandClaims>[] = [];
  posts: Insert<typeof t.posts>[] = [];
  threads: SeedThread[] = [];
  /** Edits, withdrawals and removals, played among the threads' steps (db/seed/post-changes.ts). */
  postChanges: SeedPostChange[] = [];
  meToos: Insert<typeof t.meToos>[] = [];
  helpfulMarks: Insert<typeof t.helpfulMarks>[] = [];
  flags: Insert<typeof t.flags>[] = [];
  private counters = new Map<keyof typeof ID_TABLES, number>();

  /** The board's clock: thread steps after it are not played. */
  readonly now: Date;

  constructor(now: Date) {
    this.now = now;
  }

  nextId(table: keyof typeof ID_TABLES): number {
    const id = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, id);
    return id;
  }

  /**
   * Writes every row, parents before children, moves identity sequences past the ids used, then plays
   * the threads and the posts' changes (their messages, promises, verdicts, revisions, events and
   * audit rows get their ids from the database).
   */
  async write(db: Db, batchSize = 500): Promise<void> {
    const batches: [PgTable, Record<string, unknown>[]][] = [
      [t.users, this.users],
      [t.brands, this.brands],
      [t.brandMembers, this.members],
      [t.brandClaims, this.claims],
      [t.posts, this.posts],
      [t.meToos, this.meToos],
      [t.helpfulMarks, this.helpfulMarks],
      [t.flags, this.flags],
    ];
    for (const [table, rows] of batches) {
      for (let start = 0; start < rows.length; start += batchSize) {
        await db.insert(table).values(rows.slice(start, start + batchSize));
      }
    }
    for (const name of Object.values(ID_TABLES)) {
      await db.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${name}', 'id'), coalesce((select max(id) from ${name}), 0) + 1, false)`,
        ),
      );
    }
    await playThreads(db, this.threads, this.now, this.postChanges);
  }
}
