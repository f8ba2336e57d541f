import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/domain/cursor.ts';
import { parseBrandFeedQuery } from '../../src/domain/feed-filters.ts';
import { parsePostId } from '../../src/domain/ids.ts';
import { countWords, normalizeText, paragraphs } from '../../src/domain/text.ts';
import { formatDuration, formatRelative } from '../../src/domain/time.ts';
import { paths, withQuery } from '../../src/paths.ts';

describe('feed cursors', () => {
  it('round-trip a position in the feed', () => {
    const cursor = { createdAt: new Date('2026-03-04T05:06:07.089Z'), id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'garbage', '2026-03-04~1', '2026-03-04T05:06:07Z~1;drop table posts'])(
    'treat %j as the first page',
    (value) => {
      expect(decodeCursor(value)).toBeNull();
    },
  );
});

describe('brand feed filters', () => {
  it('keep known values and drop unknown ones instead of failing the page', () => {
    const query = parseBrandFeedQuery(new URLSearchParams('kind=fail&status=unanswered&category=nonsense'));
    expect(query).toMatchObject({ kind: 'fail', status: 'unanswered', category: null });
  });
});

describe('post ids in URLs', () => {
  it.each([
    ['42', 42],
    ['0', null],
    ['042', null],
    ['4x', null],
    ['99999999999', null],
  ])('%s → %s', (value, expected) => {
    expect(parsePostId(value)).toBe(expected);
  });
});

describe('plain-text stories', () => {
  it('split into paragraphs on blank lines', () => {
    expect(paragraphs('One.\n\nTwo\nstill two.\n \n\n Three. ')).toEqual([
      'One.',
      'Two\nstill two.',
      'Three.',
    ]);
  });

  it('normalise line endings and Unicode', () => {
    expect(normalizeText(' Cafe\u0301\r\nline  \r\n')).toBe('Café\nline');
  });

  it('drop NUL and other control characters, keeping tabs and line breaks', () => {
    expect(normalizeText('Ro\u0000uter\u0007 down\tfor\nnine days\u001B')).toBe(
      'Router down\tfor\nnine days',
    );
  });

  it('count words across punctuation and accents', () => {
    expect(countWords("I waited 55 minutes — l'équipe didn't call.")).toBe(7);
  });
});

describe('durations and dates', () => {
  it('read naturally', () => {
    expect(formatDuration(90)).toBe('2 min');
    expect(formatDuration(3 * 3600)).toBe('3 h');
    expect(formatDuration(2 * 86_400)).toBe('2 days');
  });

  it('say how long ago, then the date', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(formatRelative(new Date('2026-06-15T09:00:00Z'), now)).toBe('3 h ago');
    expect(formatRelative(new Date('2026-06-14T09:00:00Z'), now)).toBe('yesterday');
    expect(formatRelative(new Date('2026-03-01T09:00:00Z'), now)).toBe('1 Mar 2026');
  });
});

describe('paths', () => {
  it('encode user-chosen parts and drop empty query values', () => {
    expect(paths.brand('a b', { kind: 'fail', status: null, category: '' })).toBe('/brands/a%20b?kind=fail');
    expect(withQuery('/search', { q: 'ü & co' })).toBe('/search?q=%C3%BC+%26+co');
  });
});
