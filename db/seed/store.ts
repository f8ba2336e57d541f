/**
 * Rows the seed builds in memory, with ids assigned up front so threads can
 * point at their posts and messages, then written in batches in one
 * transaction (a failed seed leaves the database as it was).
 */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import * as t from '../schema.ts';

type Insert<T extends PgTable> = T['$inferInsert'];

const ID_TABLES = {
  users: 'users',
  brands: 'brands',
  posts: 'posts',
  messages: 'thread_messages',
  events: 'thread_events',
  promises: 'promises',
  revisions: 'post_revisions',
  flags: 'flags',
  moderation: 'moderation_actions',
  claims: 'brand_claims',
} as const;

export class SeedStore {
  users: Insert<typeof t.users>[] = [];
  brands: Insert<typeof t.brands>[] = [];
  members: Insert<typeof t.brandMembers>[] = [];
  claims: Insert<typeof t.brandClaims>[] = [];
  posts: Insert<typeof t.posts>[] = [];
  revisions: Insert<typeof t.postRevisions>[] = [];
  messages: Insert<typeof t.threadMessages>[] = [];
  events: Insert<typeof t.threadEvents>[] = [];
  promises: Insert<typeof t.promises>[] = [];
  verdicts: Insert<typeof t.verdicts>[] = [];
  meToos: Insert<typeof t.meToos>[] = [];
  helpfulMarks: Insert<typeof t.helpfulMarks>[] = [];
  flags: Insert<typeof t.flags>[] = [];
  moderation: Insert<typeof t.moderationActions>[] = [];
  private counters = new Map<keyof typeof ID_TABLES, number>();

  nextId(table: keyof typeof ID_TABLES): number {
    const id = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, id);
    return id;
  }

  /** Writes every row, parents before children, then moves identity sequences past the ids used. */
  async write(db: Db, batchSize = 500): Promise<void> {
    const batches: [PgTable, Record<string, unknown>[]][] = [
      [t.users, this.users],
      [t.brands, this.brands],
      [t.brandMembers, this.members],
      [t.brandClaims, this.claims],
      [t.posts, this.posts],
      [t.postRevisions, this.revisions],
      [t.threadMessages, this.messages],
      [t.threadEvents, this.events],
      [t.promises, this.promises],
      [t.verdicts, this.verdicts],
      [t.meToos, this.meToos],
      [t.helpfulMarks, this.helpfulMarks],
      [t.flags, this.flags],
      [t.moderationActions, this.moderation],
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
  }
}
