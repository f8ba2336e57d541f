/**
 * Search in each post's language (decision 014): French posts with French stemming and accents
 * ignored, English posts as before; on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBrandPosts } from '../../db/queries/posts.ts';
import { searchPosts } from '../../db/queries/search.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { createBrand, createPerson, newPostInput } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer } from '../helpers/mailer.ts';

let database: TestDatabase;
let author: Actor;
let brandId: number;
const postIds: Record<string, number> = {};

const deps = (): CommandDeps => ({
  db: database.db,
  mailer: createCapturingMailer(),
  now: new Date(),
  siteUrl: 'https://board.example',
  meta: { userAgent: 'vitest', ipAddress: '203.0.113.9' },
});

async function post(name: string, language: 'en' | 'fr', title: string, story: string) {
  const result = await createPost(
    deps(),
    author,
    newPostInput({ brandSlug: 'box-telecom', language, title, story }),
  );
  if (!result.ok) throw new Error(`post ${name} refused: ${result.reason}`);
  postIds[name] = result.postId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  brandId = (await createBrand(database.db, 'Box Telecom')).id;
  author = await createPerson(database.db);
  await post(
    'refund',
    'fr',
    'Jamais remboursé après la panne',
    'La box est morte le soir de la finale et je n’ai jamais été remboursé malgré trois appels.',
  );
  await post(
    'english',
    'en',
    'Refund promised, never paid',
    'They promised a refund on the phone and the money never came back to my account.',
  );
  await post(
    'unrelated',
    'fr',
    'Livraison en retard',
    'Le colis est arrivé avec deux semaines de retard et personne ne répondait au téléphone.',
  );
});
afterAll(() => database.destroy());

const found = async (words: string) => (await searchPosts(database.db, words)).items.map((item) => item.id);

describe('searching French posts', () => {
  it.each(['remboursé', 'rembourse', 'remboursement', 'REMBOURSEMENTS'])(
    'finds "remboursé" with %j',
    async (words) => {
      expect(await found(words)).toEqual([postIds['refund']]);
    },
  );

  it('still finds English posts with English stemming', async () => {
    expect(await found('refunds')).toEqual([postIds['english']]);
  });

  it('finds French posts in the pass that asks the indexes, not only among the newest posts', async () => {
    // With one match for a page of one, the first pass (the newest posts) leaves the page unfilled.
    expect((await searchPosts(database.db, 'colis', { limit: 1 })).items.map((item) => item.id)).toEqual([
      postIds['unrelated'],
    ]);
  });

  it('gives each match its language and a snippet in it', async () => {
    const [match] = (await searchPosts(database.db, 'rembourse')).items;
    expect(match?.language).toBe('fr');
    expect(match?.snippet).toContain('«remboursé»');
  });

  it('stores the language the author chose, English when none is given', async () => {
    const { items } = await searchPosts(database.db, 'refund');
    expect(items[0]?.language).toBe('en');
  });
});

describe('a brand’s posts by language', () => {
  it('lists only the posts written in the language asked for, and all of them when none is', async () => {
    const ids = async (language: 'en' | 'fr' | null) =>
      (await listBrandPosts(database.db, brandId, { language })).items
        .map((item) => item.id)
        .sort((a, b) => a - b);
    expect(await ids('fr')).toEqual([postIds['refund']!, postIds['unrelated']!].sort((a, b) => a - b));
    expect(await ids('en')).toEqual([postIds['english']]);
    expect(await ids(null)).toHaveLength(3);
  });
});
