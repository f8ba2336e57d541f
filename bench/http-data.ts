/**
 * What `npm run bench:http` needs from the board, read through the db client
 * before the server starts (PGlite allows one process) and checked after it
 * stops: the pages worth loading, and signed-in accounts made for the run.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.ts';
import { createSession, SESSION_COOKIE } from '../src/server/auth/session.ts';

export interface BenchTargets {
  postCount: number;
  largest: { slug: string; posts: number };
  small: { slug: string; posts: number };
  longThread: { id: number; messages: number };
  /** A common word: in about a tenth of the posts. */
  searchWord: string;
}

export interface BenchAuthor {
  userId: number;
  /** `session=id.secret`, ready for a Cookie header. */
  cookie: string;
}

/**
 * Vacuums and analyzes a PostgreSQL board before a run, as pgbench does before each of its own:
 * every earlier run left dead rows behind (its fails' jobs, announcements, queued changes and
 * figures' updates), and a server with autovacuum off — as on the CI machines — keeps them in every
 * scan, so each run would measure the earlier runs' leftovers as much as the app. Seconds on a
 * million posts once vacuumed (about 20 s the first time after seeding without it).
 */
export async function vacuumBoard(handle: DatabaseHandle): Promise<void> {
  if (handle.driver !== 'postgres') return;
  await handle.db.execute(sql`vacuum (analyze)`);
}

export async function findBenchTargets(handle: DatabaseHandle): Promise<BenchTargets> {
  const [{ count }] = (await handle.rows<{ count: number }>(
    sql`select count(*)::int as count from posts`,
  )) as [{ count: number }];
  const brands = await handle.rows<{ slug: string; posts: number }>(sql`
    select b.slug, count(*)::int as posts
    from posts p join brands b on b.id = p.brand_id
    where p.visibility = 'published'
    group by b.slug order by posts desc, b.slug`);
  const [thread] = await handle.rows<{ id: number; messages: number }>(sql`
    select id, message_count as messages from posts
    where visibility = 'published' order by message_count desc, id limit 1`);
  // A word (not a stop word) in about a tenth of a recent sample of posts, as a reader would search.
  const [word] = await handle.rows<{ word: string }>(sql`
    with sample as (
      select id, title || ' ' || story as body from posts
      where visibility = 'published' order by id limit 5000
    ), words as (
      select distinct s.id, w from sample s, regexp_split_to_table(lower(s.body), '[^a-z]+') as w
      where length(w) >= 5
    )
    select w as word from words where length(to_tsvector('english', w)) > 0
    group by w order by abs(count(*)::float / (select count(*) from sample) - 0.1), w limit 1`);
  if (brands.length === 0 || !thread) throw new Error('The board has no published posts to load.');
  return {
    postCount: count,
    largest: brands[0]!,
    small: brands.at(-1)!,
    longThread: thread,
    searchWord: word?.word ?? 'refund',
  };
}

/** Verified customer accounts for this run, each with its own session. */
export async function prepareAuthors(
  handle: DatabaseHandle,
  count: number,
  now: Date,
): Promise<BenchAuthor[]> {
  const runId = randomBytes(4).toString('hex');
  const users = await handle.rows<{ id: number }>(sql`
    insert into users (email, display_name, email_verified_at)
    select 'bench-' || ${runId} || '-' || i || '@bench.invalid', 'Bench author ' || i, ${now.toISOString()}::timestamptz
    from generate_series(1, ${count}::int) as i
    order by i
    returning id`);
  const authors: BenchAuthor[] = [];
  for (const { id } of users) {
    const { token } = await createSession(
      handle.db,
      id,
      { userAgent: 'bench:http', ipAddress: '127.0.0.1' },
      now,
    );
    authors.push({ userId: id, cookie: `${SESSION_COOKIE}=${token}` });
  }
  return authors;
}

export async function countPostsBy(handle: DatabaseHandle, userIds: number[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const [{ count }] = (await handle.rows<{ count: number }>(sql`
    select count(*)::int as count from posts
    where author_id in (${sql.join(
      userIds.map((id) => sql`${id}`),
      sql`, `,
    )})`)) as [{ count: number }];
  return count;
}
