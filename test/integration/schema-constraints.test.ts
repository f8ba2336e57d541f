/**
 * The database itself backs the rules a race could break (STYLE.md habit 5):
 * these tests write straight to the tables and expect refusals.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { brands, meToos, posts, promises, users, verdicts } from '../../db/schema.ts';
import { createTestDatabase, rollback, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

async function fixture(tx: Database) {
  const [author, other] = await tx
    .insert(users)
    .values([
      { email: 'author@test.example', displayName: 'Author' },
      { email: 'other@test.example', displayName: 'Other' },
    ])
    .returning();
  const [brand] = await tx
    .insert(brands)
    .values({ slug: 'acme', name: 'Acme', nameKey: 'acme', domain: 'acme.example' })
    .returning();
  const [fail] = await tx
    .insert(posts)
    .values({
      brandId: brand!.id,
      authorId: author!.id,
      kind: 'fail',
      title: 'Broken',
      story: 'It broke.',
      category: 'defect',
      channel: 'phone',
      experiencedOn: '2026-05-01',
      status: 'waiting',
    })
    .returning();
  return { author: author!, other: other!, brand: brand!, fail: fail! };
}

/** Runs a write that must fail, inside a savepoint so the test's transaction survives. */
async function expectRefused(tx: Database, write: (tx: Database) => Promise<unknown>) {
  await expect(tx.transaction(async (inner) => write(inner as unknown as Database))).rejects.toThrow();
}

describe('database constraints', () => {
  it('allow one "me too" per account and post', () =>
    rollback(database.db, async (tx) => {
      const { other, fail } = await fixture(tx);
      await tx.insert(meToos).values({ postId: fail.id, userId: other.id });
      await expectRefused(tx, (inner) => inner.insert(meToos).values({ postId: fail.id, userId: other.id }));
    }));

  it('allow one verdict per fail', () =>
    rollback(database.db, async (tx) => {
      const { author, fail } = await fixture(tx);
      await tx
        .insert(verdicts)
        .values({ postId: fail.id, userId: author.id, resolved: true, wouldBuyAgain: true });
      await expectRefused(tx, (inner) =>
        inner
          .insert(verdicts)
          .values({ postId: fail.id, userId: author.id, resolved: false, wouldBuyAgain: false }),
      );
    }));

  it('allow one pending promise per fail, and any number of settled ones', () =>
    rollback(database.db, async (tx) => {
      const { other, brand, fail } = await fixture(tx);
      const promise = { postId: fail.id, brandId: brand.id, madeById: other.id, dueOn: '2026-06-01' };
      await tx
        .insert(promises)
        .values([{ ...promise, outcome: 'replaced' }, { ...promise, outcome: 'broken' }, promise]);
      await expectRefused(tx, (inner) => inner.insert(promises).values(promise));
    }));

  it('keep brand slugs, normalised names and domains unique', () =>
    rollback(database.db, async (tx) => {
      await fixture(tx);
      await expectRefused(tx, (inner) =>
        inner.insert(brands).values({ slug: 'acme-2', name: 'ACME', nameKey: 'acme' }),
      );
      await expectRefused(tx, (inner) =>
        inner
          .insert(brands)
          .values({ slug: 'acme-3', name: 'Acme Corp', nameKey: 'acme corp', domain: 'acme.example' }),
      );
    }));

  it('refuse a like with a status, a title over 120 characters and a verdict changed twice', () =>
    rollback(database.db, async (tx) => {
      const { author, brand, fail } = await fixture(tx);
      const like = {
        brandId: brand.id,
        authorId: author.id,
        kind: 'like' as const,
        title: 'Great',
        story: 'Great service.',
        category: 'attitude' as const,
        channel: 'store' as const,
        experiencedOn: '2026-05-01',
      };
      await tx.insert(posts).values(like);
      await expectRefused(tx, (inner) => inner.insert(posts).values({ ...like, status: 'waiting' }));
      await expectRefused(tx, (inner) => inner.insert(posts).values({ ...like, title: 'x'.repeat(121) }));
      await expectRefused(tx, (inner) =>
        inner.insert(verdicts).values({
          postId: fail.id,
          userId: author.id,
          resolved: true,
          wouldBuyAgain: true,
          changeCount: 2,
        }),
      );
    }));

  it('indexes posts for full-text search', () =>
    rollback(database.db, async (tx) => {
      const { fail } = await fixture(tx);
      const [match] = await tx
        .select({ id: posts.id })
        .from(posts)
        .where(sql`${posts.searchVector} @@ plainto_tsquery('english', 'broke')`);
      expect(match?.id).toBe(fail.id);
    }));
});
