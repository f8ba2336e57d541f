/**
 * Rules that a race could break, tried with parallel writers on PostgreSQL
 * (PGlite runs one statement at a time and would hide them): one account per
 * e-mail, one brand per name, one post per title and brand a day.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brands, posts, users } from '../../db/schema.ts';
import type { NewPostInput } from '../../src/domain/posting.ts';
import { signUp } from '../../src/server/commands/accounts.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { createBrand, createPerson } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer } from '../helpers/mailer.ts';

const PARALLEL = 20;
let database: TestDatabase;
beforeAll(async () => {
  if (usingPostgres) database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const deps = (i: number): CommandDeps => ({
  db: database.db,
  mailer: createCapturingMailer(),
  now: new Date(),
  siteUrl: 'https://board.example',
  // A different address each, so the per-address limits do not decide for the rule under test.
  meta: { userAgent: 'vitest', ipAddress: `203.0.113.${i + 1}` },
});

function input(overrides: Partial<NewPostInput>): NewPostInput {
  return {
    kind: 'fail',
    brandSlug: null,
    newBrandName: null,
    newBrandWebsite: null,
    newBrandSector: null,
    title: 'The router never arrived',
    story: 'Three weeks of waiting and nobody can tell me where the parcel is.',
    category: 'delivery',
    channel: 'phone',
    experiencedOn: new Date().toISOString().slice(0, 10),
    country: null,
    waitMinutes: null,
    personalData: null,
    loginEmail: null,
    loginPassword: null,
    ...overrides,
  };
}

describe.skipIf(!usingPostgres)('parallel writes on PostgreSQL', () => {
  it('20 sign-ups with one e-mail make one account and answer every one of them the same', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, i) =>
        signUp(deps(i), {
          email: 'twin@test.example',
          displayName: `Twin ${i}`,
          password: 'a long enough password 1',
        }),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(results.every((result) => result.status === 'fulfilled' && result.value.ok)).toBe(true);
    const [row] = await database.db
      .select({ n: count() })
      .from(users)
      .where(eq(users.email, 'twin@test.example'));
    expect(row!.n).toBe(1);
  });

  it('20 posts creating the same new brand create it once; the others are pointed to it', async () => {
    const authors = await Promise.all(Array.from({ length: PARALLEL }, () => createPerson(database.db)));
    const results = await Promise.allSettled(
      authors.map((author, i) =>
        createPost(
          deps(i),
          author,
          input({
            newBrandName: 'Parallel Parcels',
            newBrandWebsite: 'https://parallel-parcels.example',
            newBrandSector: 'ecommerce',
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const outcomes = results.map((result) => (result.status === 'fulfilled' ? result.value : null));
    expect(outcomes.filter((outcome) => outcome?.ok)).toHaveLength(1);
    expect(
      outcomes.filter((outcome) => outcome?.ok === false && outcome.reason === 'existing_brand'),
    ).toHaveLength(PARALLEL - 1);
    const [row] = await database.db
      .select({ n: count() })
      .from(brands)
      .where(eq(brands.domain, 'parallel-parcels.example'));
    expect(row!.n).toBe(1);
  });

  it('20 parallel posts with one title about one brand by one author publish one', async () => {
    const brand = await createBrand(database.db, 'Duplicate Guard Telecom');
    const author = await createPerson(database.db);
    const results = await Promise.allSettled(
      Array.from({ length: PARALLEL }, (_, i) =>
        createPost({ ...deps(i), rateLimitExempt: true }, author, input({ brandSlug: brand.slug })),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const [row] = await database.db.select({ n: count() }).from(posts).where(eq(posts.brandId, brand.id));
    expect(row!.n).toBe(1);
  });
});
