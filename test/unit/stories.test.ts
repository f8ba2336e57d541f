import { describe, expect, it } from 'vitest';
import {
  isExceptionalStory,
  LIKE_STORY_MIN_HELPFUL,
  parseStoriesPage,
  type StoryFacts,
} from '../../src/domain/stories.ts';

const answeredLike: StoryFacts = {
  kind: 'like',
  published: true,
  firstBrandReplyAt: new Date('2026-06-01T10:00:00Z'),
  verdict: null,
  promisesKept: 0,
  promisesBroken: 0,
  helpfulCount: LIKE_STORY_MIN_HELPFUL,
};
const turnedAroundFail: StoryFacts = {
  kind: 'fail',
  published: true,
  firstBrandReplyAt: new Date('2026-06-01T10:00:00Z'),
  verdict: { resolved: true, wouldBuyAgain: true },
  promisesKept: 1,
  promisesBroken: 0,
  helpfulCount: 0,
};

describe('an exceptional story', () => {
  it('is a like the brand replied to once enough readers found it helpful', () => {
    expect(isExceptionalStory(answeredLike)).toBe(true);
    expect(isExceptionalStory({ ...answeredLike, helpfulCount: LIKE_STORY_MIN_HELPFUL - 1 })).toBe(false);
  });

  it('is not a like the brand never replied to, however helpful', () => {
    expect(isExceptionalStory({ ...answeredLike, firstBrandReplyAt: null, helpfulCount: 500 })).toBe(false);
  });

  it('is a fail whose promise was kept, resolved, and whose customer would buy again, marked or not', () => {
    expect(isExceptionalStory(turnedAroundFail)).toBe(true);
  });

  it('is not a fail with a broken promise, even one kept later', () => {
    expect(isExceptionalStory({ ...turnedAroundFail, promisesBroken: 1, promisesKept: 2 })).toBe(false);
  });

  it('is not a fail resolved without a kept promise, unresolved, or whose customer would not buy again', () => {
    expect(isExceptionalStory({ ...turnedAroundFail, promisesKept: 0 })).toBe(false);
    expect(isExceptionalStory({ ...turnedAroundFail, verdict: null })).toBe(false);
    expect(
      isExceptionalStory({ ...turnedAroundFail, verdict: { resolved: false, wouldBuyAgain: true } }),
    ).toBe(false);
    expect(
      isExceptionalStory({ ...turnedAroundFail, verdict: { resolved: true, wouldBuyAgain: false } }),
    ).toBe(false);
  });

  it('is never a withdrawn, removed or held post, nor a post that does not exist', () => {
    expect(isExceptionalStory({ ...answeredLike, published: false })).toBe(false);
    expect(isExceptionalStory({ ...turnedAroundFail, published: false })).toBe(false);
    expect(isExceptionalStory(null)).toBe(false);
  });
});

describe('the page of /stories', () => {
  it('is the number given, and page 1 for anything else', () => {
    expect(parseStoriesPage('3')).toBe(3);
    for (const bad of [null, '', '0', '-2', '1.5', 'abc', '99999999']) expect(parseStoriesPage(bad)).toBe(1);
  });
});
