import { describe, expect, it } from 'vitest';
import {
  describeRange,
  lastPage,
  readPageNumber,
  snippetWithEllipses,
} from '../../src/domain/search-pages.ts';

describe('search pages', () => {
  it('says where a page sits in the whole', () => {
    expect(describeRange(2, 30, 30, { count: 214, capped: false })).toEqual({
      first: 31,
      last: 60,
      count: 214,
      capped: false,
    });
    expect(describeRange(1, 30, 1, { count: 1, capped: false })).toMatchObject({ first: 1, last: 1 });
    expect(describeRange(35, 30, 30, { count: 1000, capped: true })).toEqual({
      first: 1021,
      last: 1050,
      count: 1000,
      capped: true,
    });
  });

  it('holds a page number from the address to the pages that exist', () => {
    expect(readPageNumber('3', 8)).toBe(3);
    expect(readPageNumber('99', 8)).toBe(8);
    expect(readPageNumber('-1', 8)).toBe(1);
    expect(readPageNumber('2.5', 8)).toBe(1);
    expect(readPageNumber(null, 8)).toBe(1);
    expect(lastPage({ count: 61, capped: false }, 30)).toBe(3);
    expect(lastPage({ count: 0, capped: false }, 30)).toBe(1);
  });
});

describe('search snippets', () => {
  const story = 'I asked for a refund in March. They said ten days. It is June and the refund has not come.';

  it('have an ellipsis where they were cut, on either side', () => {
    expect(
      snippetWithEllipses(
        'They said ten days. It is June and the «refund» has',
        story.slice(0, 40),
        story.slice(-40),
      ),
    ).toBe('… They said ten days. It is June and the «refund» has …');
  });

  it('have none where they reach the start or the end of the story, whatever its last punctuation', () => {
    expect(snippetWithEllipses('I asked for a «refund» in March', story.slice(0, 40), story.slice(-40))).toBe(
      'I asked for a «refund» in March …',
    );
    expect(
      snippetWithEllipses('June and the «refund» has not come', story.slice(0, 40), story.slice(-40)),
    ).toBe('… June and the «refund» has not come');
  });
});
