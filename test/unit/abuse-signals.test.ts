import { describe, expect, it } from 'vitest';
import {
  burstWindowStart,
  isYoungAccount,
  selfFlagNotice,
  shouldHoldPost,
  type IncomingPost,
} from '../../src/domain/abuse-signals.ts';

const now = new Date('2026-06-15T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe('new accounts', () => {
  it.each([
    [0, true],
    [1, true],
    [47.99, true],
    [48, false],
    [200, false],
    // Created after the moment asked about: only a test's fixed clock does that; not new.
    [-1, false],
  ])('an account %s hours old is new: %s', (hours, expected) => {
    expect(isYoungAccount(hoursAgo(hours), now)).toBe(expected);
  });

  it('the burst is counted over the last hour', () => {
    expect(burstWindowStart(now)).toEqual(hoursAgo(1));
  });
});

describe('a like held for review', () => {
  const post = (overrides: Partial<IncomingPost>): IncomingPost => ({
    kind: 'like',
    authorCreatedAt: hoursAgo(2),
    postedAt: now,
    earlierYoungLikes: 2,
    ...overrides,
  });

  it.each<[string, Partial<IncomingPost>, boolean]>([
    ['the third like from new accounts within the hour', {}, true],
    ['the tenth', { earlierYoungLikes: 9 }, true],
    ['the second', { earlierYoungLikes: 1 }, false],
    ['the first', { earlierYoungLikes: 0 }, false],
    ['from an account older than 48 hours, even in a burst', { authorCreatedAt: hoursAgo(49) }, false],
    ['from an account 47 hours old', { authorCreatedAt: hoursAgo(47) }, true],
    ['a fail, even in a burst', { kind: 'fail' }, false],
  ])('%s → held: %s', (_, overrides, expected) => {
    expect(shouldHoldPost(post(overrides))).toBe(expected);
  });
});

describe('the notice about a brand flagging its own fails', () => {
  it.each([
    // brandFlags, flaggedFails, fails → notice
    [12, 12, 20, true],
    [5, 5, 9, true],
    [5, 5, 5, true],
    [4, 4, 5, false], // fewer than 5 flags
    [6, 5, 10, false], // exactly half is not "most"
    [6, 6, 11, true],
    [30, 3, 40, false], // many flags, few of the fails
    [5, 0, 0, false], // no fails in the window
  ])('%i flags covering %i of %i fails → notice: %s', (brandFlags, flaggedFails, fails, expected) => {
    expect(selfFlagNotice({ brandFlags, flaggedFails, fails }) !== null).toBe(expected);
  });

  it('says how many of the fails the brand flagged', () => {
    expect(selfFlagNotice({ brandFlags: 14, flaggedFails: 12, fails: 20 })).toEqual({
      flaggedFails: 12,
      fails: 20,
    });
  });
});
