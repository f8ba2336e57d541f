/**
 * How search results read (DESIGN §6 `/search`): pages of brands and of posts
 * with their place in the whole ("31–60 of 214 posts", worded by src/i18n/reader-words.ts), and snippets that say
 * with an ellipsis where the story was cut. Pure.
 */
export const SEARCH_PAGE_SIZE = { brands: 10, posts: 30 } as const;
/** Matches are counted up to this many; past it the page says "more than" (db/queries/search.ts). */
export const SEARCH_COUNT_CAP = 1_000;

/** A page number from the address: a whole number from 1, anything else is page 1. */
export function readPageNumber(value: string | null, maxPage: number): number {
  const page = Number(value);
  if (!Number.isInteger(page) || page < 1) return 1;
  return Math.min(page, Math.max(1, maxPage));
}

/** The last page a count allows (at least 1; one more past a capped count, which pages on by "more"). */
export function lastPage(count: { count: number; capped: boolean }, pageSize: number): number {
  return Math.max(1, Math.ceil(count.count / pageSize) + (count.capped ? 1 : 0));
}

/** A page's place in the whole, for "31–60 of 214 posts" (src/i18n/reader-words.ts `searchRange`). */
export interface ResultRange {
  first: number;
  last: number;
  count: number;
  /** The count stopped at SEARCH_COUNT_CAP: "more than 1,000". */
  capped: boolean;
}

export function describeRange(
  page: number,
  pageSize: number,
  shown: number,
  count: { count: number; capped: boolean },
): ResultRange {
  const first = (page - 1) * pageSize + 1;
  return { first, last: first + shown - 1, count: count.count, capped: count.capped };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Letters and digits only, to compare ends that punctuation may differ on. */
const core = (text: string) => text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * The snippet with "…" where it does not reach the story's start or end.
 * `storyStart`/`storyEnd` are the story's first and last characters.
 */
export function snippetWithEllipses(snippet: string, storyStart: string, storyEnd: string): string {
  const text = squash(snippet);
  const plain = core(text.replace(/[«»]/g, ''));
  const probe = 20;
  const fromStart = core(squash(storyStart)).startsWith(plain.slice(0, probe));
  const toEnd = core(squash(storyEnd)).endsWith(plain.slice(-probe));
  return `${fromStart ? '' : '… '}${text}${toEnd ? '' : ' …'}`;
}
