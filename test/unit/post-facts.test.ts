import { describe, expect, it } from 'vitest';
import {
  addCounters,
  breakdownsOf,
  countersOf,
  factsOfNewPost,
  firstResponseSeconds,
  isZero,
  monthOf,
  NO_COUNTRY,
  sumBreakdowns,
  type PostFacts,
  zeroCounters,
} from '../../src/domain/post-facts.ts';

const fail: PostFacts = {
  postId: 1,
  brandId: 7,
  createdAt: new Date('2026-03-31T23:30:00Z'),
  kind: 'fail',
  published: true,
  category: 'billing',
  channel: 'phone',
  country: null,
  unconfirmed: false,
  firstBrandReplyAt: new Date('2026-04-01T01:30:00Z'),
  verdict: { resolved: true, wouldBuyAgain: false },
  promisesKept: 1,
  promisesBroken: 2,
  longReplies: 3,
  templateReplies: 1,
  meToos: 4,
  helpfulCount: 0,
};

describe('what one post contributes to its brand’s figures', () => {
  it('a published, answered fail with a verdict counts in every fail figure', () => {
    expect(countersOf(fail)).toEqual({
      likes: 0,
      fails: 1,
      answered: 1,
      settled: 1,
      resolved: 1,
      verdicts: 1,
      wouldBuyAgain: 0,
      promisesKept: 1,
      promisesBroken: 2,
      longReplies: 3,
      templateReplies: 1,
      meToos: 4,
    });
  });

  it('a like counts as a like and its replies, never as answered or settled, and its me-toos do not count', () => {
    const like = { ...fail, kind: 'like' as const, verdict: null, promisesKept: 0, promisesBroken: 0 };
    expect(countersOf(like)).toMatchObject({
      likes: 1,
      fails: 0,
      answered: 0,
      settled: 0,
      meToos: 0,
      longReplies: 3,
    });
  });

  it('a fail closed as unconfirmed is settled but not resolved', () => {
    expect(countersOf({ ...fail, verdict: null, unconfirmed: true })).toMatchObject({
      settled: 1,
      resolved: 0,
      verdicts: 0,
    });
  });

  it('a withdrawn post, or no post, contributes nothing', () => {
    expect(isZero(countersOf({ ...fail, published: false }))).toBe(true);
    expect(isZero(countersOf(null))).toBe(true);
    expect(breakdownsOf({ ...fail, published: false })).toEqual([]);
  });

  it('the change of a withdrawal is the post’s contribution, negated', () => {
    const change = addCounters(countersOf({ ...fail, published: false }), countersOf(fail), -1);
    expect(change.fails).toBe(-1);
    expect(change.meToos).toBe(-4);
    expect(isZero(addCounters(change, countersOf(fail)))).toBe(true);
  });

  it('breakdowns count unknown countries under a dash and cancel out when nothing moved', () => {
    expect(breakdownsOf(fail)).toContainEqual({
      dimension: 'country',
      value: NO_COUNTRY,
      likes: 0,
      fails: 1,
    });
    expect(
      sumBreakdowns([
        { rows: breakdownsOf(fail), sign: 1 },
        { rows: breakdownsOf(fail), sign: -1 },
      ]),
    ).toEqual([]);
  });

  it('an edit that changes the category moves one fail from the old category to the new', () => {
    const edited = { ...fail, category: 'delivery' as const };
    expect(
      sumBreakdowns([
        { rows: breakdownsOf(edited), sign: 1 },
        { rows: breakdownsOf(fail), sign: -1 },
      ]),
    ).toEqual([
      { dimension: 'category', value: 'delivery', likes: 0, fails: 1 },
      { dimension: 'category', value: 'billing', likes: 0, fails: -1 },
    ]);
  });

  it('first response time is measured only for published, answered fails', () => {
    expect(firstResponseSeconds(fail)).toBe(7200);
    expect(firstResponseSeconds({ ...fail, firstBrandReplyAt: null })).toBeNull();
    expect(firstResponseSeconds({ ...fail, kind: 'like' })).toBeNull();
    expect(firstResponseSeconds({ ...fail, published: false })).toBeNull();
  });

  it('a new post’s facts, from its row, count it once with nothing from a thread it does not have yet', () => {
    const row = {
      id: 9,
      brandId: 7,
      createdAt: new Date('2026-05-02T10:00:00Z'),
      kind: 'fail' as const,
      visibility: 'published',
      category: 'billing' as const,
      channel: 'phone' as const,
      country: 'FR',
    };
    expect(countersOf(factsOfNewPost(row))).toEqual({
      ...zeroCounters(),
      fails: 1,
    });
    expect(factsOfNewPost(row)).toMatchObject({
      postId: 9,
      firstBrandReplyAt: null,
      verdict: null,
      meToos: 0,
    });
    expect(isZero(countersOf(factsOfNewPost({ ...row, visibility: 'held' })))).toBe(true);
  });

  it('a post counts in the UTC month it was created in', () => {
    expect(monthOf(fail.createdAt)).toBe('2026-03-01');
  });
});
