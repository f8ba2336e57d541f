/**
 * A few hundred random writes through the real commands (posts, replies,
 * promises, proposals, verdicts, "me too", withdrawals, time passing), then
 * every maintained aggregate row must equal an independent recomputation from
 * the raw tables (test/helpers/recompute.ts), for every brand and window.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postExportBatch } from '../../db/queries/exports.ts';
import { brandStats, brands } from '../../db/schema.ts';
import { createRandom } from '../../db/seed/random.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { computeFigures, computeScore } from '../../src/domain/score.ts';
import { STAT_WINDOWS } from '../../src/domain/vocabulary.ts';
import { replyAsBrand } from '../../src/server/commands/brand-replies.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost, giveVerdict, sayMeToo, withdrawPost } from '../../src/server/commands/posts.ts';
import { runMaintenance } from '../../src/server/maintenance.ts';
import { createBrand, createPerson, joinTeam, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { maintainedAndRebuilt } from '../helpers/rebuilt-aggregates.ts';
import { countsFor, type PostFacts } from '../helpers/recompute.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe('maintained aggregates', () => {
  it('equal a full recomputation after a few hundred random writes', async () => {
    const random = createRandom(7);
    const start = new Date('2026-01-01T09:00:00Z');
    let clock = start.getTime();
    const deps = (): CommandDeps =>
      commandDeps(database.db, { now: new Date(clock), ipAddress: `198.51.100.${random.int(1, 250)}` });
    const brandRows = [
      await createBrand(database.db, 'Alpha Telecom'),
      await createBrand(database.db, 'Beta Bank'),
      await createBrand(database.db, 'Gamma Air'),
    ];
    const agents: Actor[] = [];
    for (const brand of brandRows)
      agents.push(await joinTeam(database.db, await createPerson(database.db), brand.id, 'owner'));
    const customers: Actor[] = [];
    for (let i = 0; i < 25; i++) customers.push(await createPerson(database.db));
    const postIds: { id: number; brandIndex: number; author: Actor; kind: 'like' | 'fail' }[] = [];

    for (let step = 0; step < 300; step++) {
      clock += random.int(10, 60 * 36) * 60_000; // minutes to a day and a half
      const action = random.next();
      if (action < 0.3 || postIds.length < 5) {
        const brandIndex = random.int(0, 2);
        const author = random.pick(customers);
        const kind = random.chance(0.45) ? 'like' : 'fail';
        const result = await createPost(deps(), author, {
          kind,
          brandSlug: brandRows[brandIndex]!.slug,
          newBrandName: null,
          newBrandWebsite: null,
          newBrandSector: null,
          title: `Case number ${step} about the service`,
          story: 'A story long enough to be published on the board.',
          category: random.pick(['delivery', 'billing', 'defect'] as const),
          channel: random.pick(['phone', 'email', 'chat'] as const),
          experiencedOn: new Date(clock).toISOString().slice(0, 10),
          country: random.pick([null, 'FR', 'BR']),
          waitMinutes: null,
          personalData: null,
          loginEmail: null,
          loginPassword: null,
        });
        if (result.ok) postIds.push({ id: result.postId, brandIndex, author, kind });
        continue;
      }
      const target = random.pick(postIds);
      const agent = agents[target.brandIndex]!;
      if (action < 0.6) {
        const due = new Date(clock + random.int(0, 10) * 86_400_000).toISOString().slice(0, 10);
        await replyAsBrand(deps(), agent, {
          postId: target.id,
          body: random.chance(0.4)
            ? 'We are sorry for the inconvenience, please send us your customer number by private message so we can check.'
            : `Personal answer number ${step}: I checked your account and the technician comes on day ${random.int(1, 28)}.`,
          promiseDueOn: target.kind === 'fail' && random.chance(0.4) ? due : null,
          escalatedTo: null,
          proposeResolution: target.kind === 'fail' && random.chance(0.3),
        });
      } else if (action < 0.75) {
        await giveVerdict(deps(), target.author, {
          postId: target.id,
          resolved: random.chance(0.6),
          wouldBuyAgain: random.chance(0.5),
        });
      } else if (action < 0.92) {
        await sayMeToo(deps(), random.pick(customers), { postId: target.id });
      } else if (action < 0.96) {
        await withdrawPost(deps(), target.author, { postId: target.id });
      } else {
        await runMaintenance(database.db, new Date(clock));
      }
    }
    const now = new Date(clock);
    await runMaintenance(database.db, now);

    // Independent recomputation from the published posts' raw facts.
    const facts: PostFacts[] = [];
    for (let after = 0; ;) {
      const batch = await postExportBatch(database.db, after, 500);
      if (batch.length === 0) break;
      after = Number(batch.at(-1)!.id);
      for (const row of batch) {
        facts.push({
          brand: String(row.brand_slug),
          kind: row.kind as 'like' | 'fail',
          status: (row.status as string | null) ?? null,
          createdAt: new Date(row.created_at as string),
          firstBrandReplyAt: row.first_brand_reply_at ? new Date(row.first_brand_reply_at as string) : null,
          verdictResolved: (row.verdict_resolved as boolean | null) ?? null,
          wouldBuyAgain: (row.would_buy_again as boolean | null) ?? null,
          promisesKept: Number(row.promises_kept),
          promisesBroken: Number(row.promises_broken),
          longReplies: Number(row.long_brand_replies),
          templateReplies: Number(row.template_brand_replies),
          meToos: Number(row.me_too_count),
        });
      }
    }
    expect(facts.length).toBeGreaterThan(50);
    let compared = 0;
    for (const brand of brandRows) {
      for (const window of STAT_WINDOWS) {
        const [row] = await database.db
          .select()
          .from(brandStats)
          .where(sql`${brandStats.brandId} = ${brand.id} and ${brandStats.window} = ${window}`);
        const expected = countsFor(
          facts.filter((fact) => fact.brand === brand.slug),
          window,
          now,
        );
        expect({
          brand: brand.slug,
          window,
          ...row,
          brandId: undefined,
          window_: undefined,
          windowStart: undefined,
          postCount: undefined,
          likeShareLowerBound: undefined,
          refreshRequested: undefined,
          percentilesStale: undefined,
          score: undefined,
          computedAt: undefined,
          refreshedAt: undefined,
        }).toEqual({
          brand: brand.slug,
          window,
          ...expected,
          brandId: undefined,
          window_: undefined,
          score: undefined,
          computedAt: undefined,
        });
        expect(row!.score).toBe(computeScore(expected).score);
        expect(row!.postCount).toBe(expected.likes + expected.fails);
        expect(row!.likeShareLowerBound).toBeCloseTo(computeFigures(expected).likeShare.wilsonLowerBound, 12);
        compared++;
      }
    }
    expect(compared).toBe(12);
    // The breakdowns and monthly series too, against a full rebuild at the same instant.
    const { maintained, rebuilt } = await maintainedAndRebuilt(database.db, now);
    expect(maintained).toEqual(rebuilt);
    expect((await database.db.select().from(brands).where(eq(brands.slug, 'alpha-telecom'))).length).toBe(1);
  }, 120_000);
});
