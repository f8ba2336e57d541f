/**
 * Which part of a long thread a post page shows (GitHub-style folding).
 *
 * A page's cost must not grow with the board (issue 9): a thread of 194
 * messages made an 89 KB page. And a reader on a phone wants how the thread
 * began and where it is now, not 194 messages to scroll. So a thread of more
 * than `UNFOLDED_AT_MOST` entries (messages and events, in timeline order)
 * shows its first `HEAD` entries and its last `TAIL`, with the middle folded
 * into one line that says how many entries it hides and links to them.
 *
 * The middle is cut into fixed parts of `PART_SIZE` entries counted from its
 * start, so a part's address (`?part=N`) keeps showing the same entries as the
 * thread grows (only the last part grows, as entries leave the tail). A part's
 * view is the head, the part, and folds before and after it; the last part also
 * shows the tail, since nothing lies between them. A link to one message
 * (`?message=ID`) shows the view that holds it.
 *
 * Every view shows at most HEAD + PART_SIZE + TAIL entries, whatever the size
 * of the thread. Anything unexpected in the address shows the default view.
 */
import { MAX_RECORD_ID } from './ids.ts';

/** A thread this long or shorter shows every entry. */
export const UNFOLDED_AT_MOST = 40;
/** The first entries, always shown: how the thread began. */
export const HEAD = 5;
/** The last entries, shown by default: where the thread is now. */
export const TAIL = 20;
/** Entries in each part of the folded middle. */
export const PART_SIZE = 50;

/** What the address asks for: a part of the middle, or the view holding one message. */
export interface ThreadViewRequest {
  part: number | null;
  messageId: number | null;
}

/** Where a fold's link leads: a part of the middle, or the default view (the latest entries). */
export type FoldTarget = { part: number } | { latest: true };

export interface FoldLink {
  target: FoldTarget;
  /** The entries that view adds, numbered from 1 in the timeline: "Show entries 6–55". */
  firstNumber: number;
  lastNumber: number;
}

export type ThreadSection<T> =
  | {
      kind: 'entries';
      entries: T[];
      /** The first entry's number in the whole timeline, from 1. */
      firstNumber: number;
    }
  | {
      kind: 'fold';
      /** How many entries this fold hides. */
      hidden: number;
      /** Whether the fold hides earlier entries (before what is shown next) or later ones. */
      position: 'earlier' | 'later';
      links: FoldLink[];
    };

export interface ThreadWindow<T> {
  /** Entries of the whole timeline. */
  total: number;
  /** Parts of the folded middle; 0 when the thread shows everything. */
  parts: number;
  /** The part shown, or null for the default view (or an unfolded thread). */
  part: number | null;
  /** What to render, in order: runs of entries with folds between them. */
  sections: ThreadSection<T>[];
}

const POSITIVE_ID = /^[1-9]\d{0,9}$/;

/** A positive whole number from the address, or null for anything else (empty, signs, exponents, huge). */
function positiveInteger(value: string | null | undefined): number | null {
  if (!value || !POSITIVE_ID.test(value)) return null;
  const number = Number(value);
  return number <= MAX_RECORD_ID ? number : null;
}

/** Reads `?part=` and `?message=`; garbage is absent (the default view), never an error. */
export function parseThreadViewRequest(search: URLSearchParams): ThreadViewRequest {
  return { part: positiveInteger(search.get('part')), messageId: positiveInteger(search.get('message')) };
}

/** An entry of the timeline as `buildTimeline` returns it (src/domain/thread.ts). */
type Entry = { kind: 'message'; message: { id: number } } | { kind: 'event' };

/** Number of parts in the middle of a timeline of `total` entries (0 when it is not folded). */
export function partCount(total: number): number {
  if (total <= UNFOLDED_AT_MOST) return 0;
  return Math.ceil((total - HEAD - TAIL) / PART_SIZE);
}

/** The part whose entries include index `index` of the timeline, or null when it is in the head or tail. */
function partOfIndex(total: number, index: number): number | null {
  if (index < HEAD || index >= total - TAIL) return null;
  return Math.floor((index - HEAD) / PART_SIZE) + 1;
}

/** The part a request shows: the message's, else the asked part (past the last: the last), else none. */
export function resolvePart<T extends Entry>(
  entries: readonly T[],
  request: ThreadViewRequest,
): number | null {
  const parts = partCount(entries.length);
  if (parts === 0) return null;
  if (request.messageId !== null) {
    const index = entries.findIndex(
      (entry) => entry.kind === 'message' && entry.message.id === request.messageId,
    );
    if (index !== -1) return partOfIndex(entries.length, index);
  }
  if (request.part !== null) return Math.min(request.part, parts);
  return null;
}

/** Indexes [start, end) of part `part` in a timeline of `total` entries. */
function partRange(total: number, part: number): [number, number] {
  const start = HEAD + (part - 1) * PART_SIZE;
  return [start, Math.min(start + PART_SIZE, total - TAIL)];
}

function linkToPart(total: number, part: number): FoldLink {
  const [start, end] = partRange(total, part);
  return { target: { part }, firstNumber: start + 1, lastNumber: end };
}

function linkToLatest(total: number): FoldLink {
  return { target: { latest: true }, firstNumber: total - TAIL + 1, lastNumber: total };
}

/** What the post page shows of a timeline, for the view the address asks for. */
export function windowThread<T extends Entry>(
  entries: readonly T[],
  request: ThreadViewRequest,
): ThreadWindow<T> {
  const total = entries.length;
  const parts = partCount(total);
  const run = (start: number, end: number): ThreadSection<T> => ({
    kind: 'entries',
    entries: entries.slice(start, end),
    firstNumber: start + 1,
  });
  if (parts === 0) {
    return { total, parts, part: null, sections: total === 0 ? [] : [run(0, total)] };
  }
  const part = resolvePart(entries, request);
  if (part === null) {
    const links = [linkToPart(total, 1)];
    if (parts > 1) links.push(linkToPart(total, parts));
    return {
      total,
      parts,
      part,
      sections: [
        run(0, HEAD),
        { kind: 'fold', hidden: total - HEAD - TAIL, position: 'earlier', links },
        run(total - TAIL, total),
      ],
    };
  }
  const [start, end] = partRange(total, part);
  // Part 1 follows the head, and the last part runs into the tail: nothing between them to fold.
  const shownFrom = part === 1 ? 0 : start;
  const shownTo = part === parts ? total : end;
  const sections: ThreadSection<T>[] = [];
  if (shownFrom > 0) {
    sections.push(run(0, HEAD), {
      kind: 'fold',
      hidden: start - HEAD,
      position: 'earlier',
      links: [linkToPart(total, part - 1)],
    });
  }
  sections.push(run(shownFrom, shownTo));
  if (shownTo < total) {
    sections.push({
      kind: 'fold',
      hidden: total - end,
      position: 'later',
      links: [linkToPart(total, part + 1), linkToLatest(total)],
    });
  }
  return { total, parts, part, sections };
}
