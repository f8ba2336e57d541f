/**
 * Folding long threads (src/domain/thread-window.ts): which entries each view
 * of a post page shows, and where its folds link.
 */
import { describe, expect, it } from 'vitest';
import {
  HEAD,
  PART_SIZE,
  TAIL,
  UNFOLDED_AT_MOST,
  parseThreadViewRequest,
  partCount,
  windowThread,
  type ThreadSection,
  type ThreadViewRequest,
} from '../../src/domain/thread-window.ts';

type Entry = { kind: 'message'; message: { id: number } } | { kind: 'event'; event: { id: number } };

/** A timeline of `total` entries; every fifth is an event, the others messages with id 1000 + number. */
function timeline(total: number): Entry[] {
  return Array.from({ length: total }, (_, index) =>
    (index + 1) % 5 === 0
      ? { kind: 'event' as const, event: { id: index + 1 } }
      : { kind: 'message' as const, message: { id: 1000 + index + 1 } },
  );
}

const DEFAULT: ThreadViewRequest = { part: null, messageId: null };
const part = (n: number): ThreadViewRequest => ({ part: n, messageId: null });
const message = (id: number): ThreadViewRequest => ({ part: null, messageId: id });

/** A view written as "1-5 | fold 120 earlier → part 1 (6-55), part 3 (106-174) | 175-194". */
function describeWindow(sections: ThreadSection<Entry>[]): string {
  return sections
    .map((section) => {
      if (section.kind === 'entries') {
        return `${section.firstNumber}-${section.firstNumber + section.entries.length - 1}`;
      }
      const links = section.links.map((link) =>
        'part' in link.target
          ? `part ${link.target.part} (${link.firstNumber}-${link.lastNumber})`
          : `latest (${link.firstNumber}-${link.lastNumber})`,
      );
      return `fold ${section.hidden} ${section.position} → ${links.join(', ')}`;
    })
    .join(' | ');
}

describe('the window of a thread', () => {
  it.each([
    [0, DEFAULT, 0, null, ''],
    [1, DEFAULT, 0, null, '1-1'],
    [UNFOLDED_AT_MOST, DEFAULT, 0, null, '1-40'],
    [UNFOLDED_AT_MOST, part(1), 0, null, '1-40'],
    [41, DEFAULT, 1, null, '1-5 | fold 16 earlier → part 1 (6-21) | 22-41'],
    [41, part(1), 1, 1, '1-41'],
    [75, DEFAULT, 1, null, '1-5 | fold 50 earlier → part 1 (6-55) | 56-75'],
    [76, DEFAULT, 2, null, '1-5 | fold 51 earlier → part 1 (6-55), part 2 (56-56) | 57-76'],
    [76, part(1), 2, 1, '1-55 | fold 21 later → part 2 (56-56), latest (57-76)'],
    [76, part(2), 2, 2, '1-5 | fold 50 earlier → part 1 (6-55) | 56-76'],
    [194, DEFAULT, 4, null, '1-5 | fold 169 earlier → part 1 (6-55), part 4 (156-174) | 175-194'],
    [194, part(1), 4, 1, '1-55 | fold 139 later → part 2 (56-105), latest (175-194)'],
    [
      194,
      part(2),
      4,
      2,
      '1-5 | fold 50 earlier → part 1 (6-55) | 56-105 | fold 89 later → part 3 (106-155), latest (175-194)',
    ],
    [194, part(4), 4, 4, '1-5 | fold 150 earlier → part 3 (106-155) | 156-194'],
    // Past the last part: the last part, whose address a grown thread keeps.
    [194, part(5), 4, 4, '1-5 | fold 150 earlier → part 3 (106-155) | 156-194'],
    [194, part(2_000_000_000), 4, 4, '1-5 | fold 150 earlier → part 3 (106-155) | 156-194'],
  ] as const)(
    'of %i entries, asked %o, has %i parts and shows part %o: %s',
    (total, request, parts, shown, view) => {
      const window = windowThread(timeline(total), request);
      expect(window.total).toBe(total);
      expect(window.parts).toBe(parts);
      expect(window.part).toBe(shown);
      expect(describeWindow(window.sections)).toBe(view);
    },
  );

  it.each([
    ['in the head', 1001, null],
    ['last of the head', 1004, null],
    ['first of the middle', 1006, 1],
    ['last message of part 1', 1054, 1],
    ['first of part 2', 1056, 2],
    ['in the last part', 1174, 4],
    ['first message of the tail', 1176, null],
    ['last of the thread', 1194, null],
    ['of another post', 5000, null],
    ['that is an event’s id, not a message’s', 120, null],
  ])('shows the view holding a message %s', (_, messageId, expected) => {
    const window = windowThread(timeline(194), message(messageId));
    expect(window.part).toBe(expected);
    const shownIds = window.sections.flatMap((section) =>
      section.kind === 'entries'
        ? section.entries.flatMap((entry) => (entry.kind === 'message' ? [entry.message.id] : []))
        : [],
    );
    if (messageId > 1000 && messageId <= 1194) expect(shownIds).toContain(messageId);
    else expect(window.sections).toHaveLength(3);
  });

  it('lets the message decide over a part, and a part decide when the message is unknown', () => {
    expect(windowThread(timeline(194), { part: 1, messageId: 1121 }).part).toBe(3);
    expect(windowThread(timeline(194), { part: 1, messageId: 1191 }).part).toBeNull();
    expect(windowThread(timeline(194), { part: 2, messageId: 9999 }).part).toBe(2);
  });

  it('never shows more than the head, one part and the tail, however long the thread', () => {
    for (const total of [41, 100, 194, 1_000, 10_000]) {
      const entries = timeline(total);
      for (let n = 0; n <= partCount(total) + 1; n++) {
        const window = windowThread(entries, n === 0 ? DEFAULT : part(n));
        const shown = window.sections.reduce(
          (sum, section) => sum + (section.kind === 'entries' ? section.entries.length : 0),
          0,
        );
        expect(shown).toBeLessThanOrEqual(HEAD + PART_SIZE + TAIL);
      }
    }
  });

  it('accounts for every entry: shown or counted in a fold, never both', () => {
    for (const total of [41, 76, 194, 333]) {
      for (let n = 0; n <= partCount(total); n++) {
        const window = windowThread(timeline(total), n === 0 ? DEFAULT : part(n));
        const counted = window.sections.reduce(
          (sum, section) => sum + (section.kind === 'entries' ? section.entries.length : section.hidden),
          0,
        );
        expect(counted).toBe(total);
      }
    }
  });
});

describe('the view an address asks for', () => {
  it.each([
    ['', { part: null, messageId: null }],
    ['?part=3', { part: 3, messageId: null }],
    ['?message=1234', { part: null, messageId: 1234 }],
    ['?part=2&message=9', { part: 2, messageId: 9 }],
    ['?part=0', { part: null, messageId: null }],
    ['?part=-1', { part: null, messageId: null }],
    ['?part=1.5', { part: null, messageId: null }],
    ['?part=1e3', { part: null, messageId: null }],
    ['?part=%20', { part: null, messageId: null }],
    ['?part=02', { part: null, messageId: null }],
    ['?part=abc&message=<script>', { part: null, messageId: null }],
    ['?part=99999999999999999999', { part: null, messageId: null }],
    ['?message=2147483648', { part: null, messageId: null }],
    ['?message=2147483647', { part: null, messageId: 2_147_483_647 }],
  ])('reads %j as %o', (search, expected) => {
    expect(parseThreadViewRequest(new URLSearchParams(search))).toEqual(expected);
  });

  it('keeps the tail and parts the sizes the page promises', () => {
    expect([UNFOLDED_AT_MOST, HEAD, TAIL, PART_SIZE]).toEqual([40, 5, 20, 50]);
  });
});
