/**
 * Which pass of `searchPosts` (db/queries/search.ts) finds a word: a common
 * word that the newest posts do not have (a burst of posts about something
 * else) is walked in feed order further, not found by sorting every one of
 * its matches; a rare word goes to the full-text index. On PGlite, and on
 * PostgreSQL with TEST_DATABASE_URL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMON_WORD_MATCHES,
  countPostMatches,
  SEARCH_RECENT_WINDOW,
  searchPosts,
} from '../../db/queries/search.ts';
import { SEARCH_COUNT_CAP } from '../../src/domain/search-pages.ts';
import { createBrand, createPerson } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let listening = false;
const sent: string[] = [];
const COMMON = COMMON_WORD_MATCHES + 20;
const BURST = SEARCH_RECENT_WINDOW + 50;

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query) => listening && sent.push(query) });
  const brand = await createBrand(database.db, 'Burst Telecom');
  const author = await createPerson(database.db);
  // Older posts with a common word and two with a rare one, then a burst of newer posts with neither.
  const insert = (count: number, word: string, startMinutesAgo: number) =>
    database.db.execute(sql`
      insert into posts (brand_id, author_id, kind, title, story, language, category, channel,
        experienced_on, status, visibility, last_activity_at, created_at, updated_at)
      select ${brand.id}, ${author.id}, 'fail', 'Post ' || i, 'The parcel was ' || ${word} || ' number ' || i,
        'en', 'delivery', 'phone', '2026-01-01', 'waiting', 'published', t, t, t
      from generate_series(1, ${count}) as i,
        lateral (select now() - make_interval(mins => ${startMinutesAgo} - i)) as at(t)`);
  await insert(COMMON, 'unloaded', 100_000);
  await insert(2, 'zeppelined', 90_000);
  await insert(BURST, 'delivered', 20_000);
});
afterAll(() => database?.destroy());

async function passesFor(word: string, options: Parameters<typeof searchPosts>[2] = {}) {
  sent.length = 0;
  listening = true;
  try {
    return { page: await searchPosts(database.db, word, options), sent: [...sent] };
  } finally {
    listening = false;
  }
}

describe('searching a board where the newest posts lack the word', () => {
  it('walks the feed further for a common word, and never sorts all its matches', async () => {
    const { page, sent } = await passesFor('unloaded');
    expect(page.items).toHaveLength(30);
    expect(page.more).toBe(true);
    // Newest first: the last inserted of the common posts.
    expect(page.items[0]!.title).toBe(`Post ${COMMON}`);
    // The newest posts twice (the first window, then the longer walk), the index never.
    expect(sent.filter((query) => query.includes('"recent"'))).toHaveLength(2);
    expect(sent.some((query) => query.includes(`interval '0 seconds'`))).toBe(false);
  });

  it('asks the full-text index for a rare word', async () => {
    const { page, sent } = await passesFor('zeppelined');
    expect(page.items.map((item) => item.title)).toEqual(['Post 2', 'Post 1']);
    expect(sent.some((query) => query.includes(`interval '0 seconds'`))).toBe(true);
    expect(sent.filter((query) => query.includes('"recent"'))).toHaveLength(1);
  });

  it('takes the count the search page already made instead of counting again', async () => {
    // The page counts for "of N" with SEARCH_COUNT_CAP: enough to tell a common word.
    expect(SEARCH_COUNT_CAP).toBeGreaterThanOrEqual(COMMON_WORD_MATCHES);
    const matchCount = await countPostMatches(database.db, 'unloaded', SEARCH_COUNT_CAP);
    const counted = await passesFor('unloaded');
    const reused = await passesFor('unloaded', { matchCount });
    expect(reused.page).toEqual(counted.page);
    const counts = (queries: string[]) => queries.filter((query) => query.includes('count(*)')).length;
    expect(counts(counted.sent)).toBe(1);
    expect(counts(reused.sent)).toBe(0);
  });
});
