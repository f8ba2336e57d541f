/**
 * The rankings are ordered and paged in SQL (db/queries/rankings.ts); the rule
 * is src/domain/rankings.ts `sortRanking`. Sixty brands with random figures
 * (ties included on purpose) must come out of the database in the domain's
 * order for every sort key, page by page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandStats, brands } from '../../db/schema.ts';
import { rankBrand, RANKING_SORTS, sortRanking, type RankedBrand } from '../../src/domain/rankings.ts';
import { computeFigures, computeScore, type BrandWindowCounts } from '../../src/domain/score.ts';
import { SECTORS } from '../../src/domain/vocabulary.ts';
import {
  countRankedBrands,
  loadRankingPage,
  positionInRanking,
  topAndBottom,
} from '../../src/server/rankings.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
const expected: RankedBrand[] = [];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function randomSource(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

function randomCounts(random: (below: number) => number): BrandWindowCounts {
  // Small ranges make ties in every figure likely, so the tie-breaks are exercised.
  const likes = random(14);
  const fails = random(10);
  const responseEligible = random(fails + 1);
  const answered = random(responseEligible + 1);
  const settled = random(fails + 1);
  const verdicts = random(settled + 1);
  const longReplies = random(6);
  const promisesKept = random(3);
  return {
    likes,
    fails,
    responseEligible,
    answered,
    firstResponseMedianSeconds: answered === 0 ? null : [600, 3600, 7200, 86_400][random(4)]!,
    firstResponseP90Seconds: answered === 0 ? null : 90_000,
    settled,
    resolved: random(settled + 1),
    verdicts,
    wouldBuyAgain: random(verdicts + 1),
    promisesKept,
    promisesBroken: random(3),
    longReplies,
    templateReplies: random(longReplies + 1),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const random = randomSource(20260615);
  // Names with mixed case and spaces, so the collation of the last tie-break matters.
  const words = ['acme', 'Acme', 'bolt', 'Bolt', 'cedar', 'delta', 'Delta', 'echo'];
  for (let i = 0; i < 60; i++) {
    const name = `${words[random(words.length)]} ${words[random(words.length)]} ${i % 7}`;
    const sector = SECTORS[random(3)]!;
    const country = ['FR', 'DE', null][random(3)] ?? null;
    const [brand] = await database.db
      .insert(brands)
      .values({ slug: `brand-${i}`, name, nameKey: `brand ${i}`, sector, country })
      .returning({ id: brands.id });
    const stats = randomCounts(random);
    // What the writers store: the domain's score and Wilson bound (db/queries/stats.ts).
    await database.db.insert(brandStats).values({
      brandId: brand!.id,
      window: '12m',
      ...stats,
      score: computeScore(stats).score,
      likeShareLowerBound: computeFigures(stats).likeShare.wilsonLowerBound,
    });
    expected.push(rankBrand({ slug: `brand-${i}`, name, sector, country, verified: false }, stats));
  }
});
afterAll(() => database.destroy());

const slugs = (list: readonly RankedBrand[]) => list.map((brand) => brand.slug);

describe('rankings ordered by the database', () => {
  it.each(RANKING_SORTS)('follow the domain order when sorted by %s', async (sort) => {
    const fromDatabase = await loadRankingPage(
      database.db,
      { window: '12m', sort },
      { offset: 0, limit: 100 },
    );
    expect(slugs(fromDatabase)).toEqual(slugs(sortRanking(expected, sort)));
  });

  it('page without gaps or repeats, and the API cursor finds its position', async () => {
    const order = slugs(sortRanking(expected, 'responseRate'));
    const pages: string[] = [];
    for (let offset = 0; offset < 60; offset += 7) {
      const page = await loadRankingPage(
        database.db,
        { window: '12m', sort: 'responseRate' },
        { offset, limit: 7 },
      );
      pages.push(...slugs(page));
    }
    expect(pages).toEqual(order);
    const position = await positionInRanking(
      database.db,
      { window: '12m', sort: 'responseRate' },
      order[23]!,
    );
    expect(position).toBe(23);
    expect(await positionInRanking(database.db, { window: '12m' }, 'no-such-brand')).toBeNull();
  });

  it('filter by sector and country like the domain would', async () => {
    const sector = SECTORS[1]!;
    const fromDatabase = await loadRankingPage(
      database.db,
      { window: '12m', sector, country: 'FR', sort: 'score' },
      { offset: 0, limit: 100 },
    );
    const wanted = expected.filter((brand) => brand.sector === sector && brand.country === 'FR');
    expect(slugs(fromDatabase)).toEqual(slugs(sortRanking(wanted, 'score')));
    expect(await countRankedBrands(database.db, { window: '12m', sector, country: 'FR' })).toEqual({
      ranked: wanted.filter((brand) => brand.score.ranked).length,
      total: wanted.length,
    });
  });

  it('give the home page the three best and three worst ranked brands only', async () => {
    const ranked = sortRanking(expected, 'score').filter((brand) => brand.score.ranked);
    const { top, bottom } = await topAndBottom(database.db, '12m');
    expect(slugs(top)).toEqual(slugs(ranked.slice(0, 3)));
    expect(slugs(bottom)).toEqual(slugs(ranked.slice(-3).reverse()));
  });
});
