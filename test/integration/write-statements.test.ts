/**
 * What a published fail costs the database, counted in statements (each one a
 * round trip, on PostgreSQL as on PGlite): a fixed number whatever the size of
 * the brand's team or the number of its webhooks (decision 016). The limit is
 * today's count: a change that adds a statement to every write must say so here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhooks } from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { createBrand, createPerson, joinTeam, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

/**
 * The brand, the rate limit, the author's lock with the brand's row, the author's recent titles,
 * the post, the team, its e-mails, the webhooks' deliveries, the turn at the figures, the figures,
 * the announcement — besides the transaction's begin and commit.
 */
const STATEMENTS_PER_PUBLISHED_FAIL = 11;

let database: TestDatabase;
let counting = false;
let sent: string[] = [];
beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (query) => counting && sent.push(query) });
});
afterAll(() => database?.destroy());

const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const deps = (): CommandDeps => commandDeps(database.db, { now, ipAddress: '198.51.100.7' });

/** A brand with a team and webhooks, and one fail already published (its figures exist). */
async function brandWith(teamSize: number, webhookCount: number) {
  const brand = await createBrand(database.db);
  for (let i = 0; i < teamSize; i++) await joinTeam(database.db, await createPerson(database.db), brand.id);
  for (let i = 0; i < webhookCount; i++) {
    await database.db.insert(webhooks).values({
      brandId: brand.id,
      url: `https://hooks.example/${i}`,
      secret: 'a webhook secret',
      events: ['post.created'],
    });
  }
  await publish(await createPerson(database.db), brand.slug, 'The first fail about this brand');
  return brand;
}

async function publish(author: Actor, brandSlug: string, title: string) {
  const result = await createPost(deps(), author, newPostInput({ brandSlug, title }));
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
}

/** The statements one published fail sent. */
async function statementsOfOneFail(brandSlug: string): Promise<string[]> {
  const author = await createPerson(database.db);
  sent = [];
  counting = true;
  try {
    await publish(author, brandSlug, 'The parcel never came');
  } finally {
    counting = false;
  }
  return sent.map((query) => query.replace(/\s+/g, ' ').trim());
}

describe('the statements of a published fail', () => {
  it(`are at most ${STATEMENTS_PER_PUBLISHED_FAIL} for a brand with a team and a webhook`, async () => {
    const brand = await brandWith(2, 1);
    const statements = await statementsOfOneFail(brand.slug);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(STATEMENTS_PER_PUBLISHED_FAIL);
  });

  it('do not grow with the size of the team or the number of webhooks', async () => {
    const small = await statementsOfOneFail((await brandWith(1, 1)).slug);
    const large = await statementsOfOneFail((await brandWith(6, 4)).slug);
    expect(large.length, large.join('\n')).toBe(small.length);
  });
});
