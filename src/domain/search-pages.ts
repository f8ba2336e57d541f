/**
 * How search results read (DESIGN §6 `/search`): pages of brands and of posts
 * with their place in the whole ("31–60 of 214 posts"), and snippets that say
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

/** "31–60 of 214 posts", "1 of 1 brand", "1,001–1,030 of more than 1,000 posts". */
export function describeRange(
  page: number,
  pageSize: number,
  shown: number,
  count: { count: number; capped: boolean },
  noun: { one: string; many: string },
): string {
  const first = (page - 1) * pageSize + 1;
  const last = first + shown - 1;
  const n = (value: number) => value.toLocaleString('en');
  const total = `${count.capped ? 'more than ' : ''}${n(count.count)} ${count.count === 1 && !count.capped ? noun.one : noun.many}`;
  return `${first === last ? n(first) : `${n(first)}–${n(last)}`} of ${total}`;
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
