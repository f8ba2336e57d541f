/**
 * Exceptional stories (DESIGN §3 "Helpful"; the last of Zappos' rules of
 * service: tell exceptional stories). A published post is one when
 *
 * - it is a like the brand replied to and at least `LIKE_STORY_MIN_HELPFUL`
 *   readers marked helpful: service that went right, acknowledged, and found
 *   useful by others; or
 * - it is a fail the brand turned around: it kept a promised date (and broke
 *   none), and the customer's verdict says resolved and would buy again.
 *
 * Withdrawn, removed and held posts never are. Featured lists show the most
 * helpful first. The rule is pure; every write to a post re-applies it in the
 * same transaction (src/server/stories.ts), so lists read an index of the
 * featured posts only.
 */
import { LIKE_STORY_MIN_HELPFUL, type PostKind } from './vocabulary.ts';

export { LIKE_STORY_MIN_HELPFUL };

/** What the rule looks at; a subset of a post's facts (src/domain/post-facts.ts). */
export interface StoryFacts {
  kind: PostKind;
  published: boolean;
  firstBrandReplyAt: Date | null;
  verdict: { resolved: boolean; wouldBuyAgain: boolean } | null;
  promisesKept: number;
  promisesBroken: number;
  helpfulCount: number;
}

export function isExceptionalStory(facts: StoryFacts | null): boolean {
  if (!facts?.published) return false;
  if (facts.kind === 'like') {
    return facts.firstBrandReplyAt !== null && facts.helpfulCount >= LIKE_STORY_MIN_HELPFUL;
  }
  return (
    facts.promisesKept > 0 &&
    facts.promisesBroken === 0 &&
    facts.verdict?.resolved === true &&
    facts.verdict.wouldBuyAgain
  );
}

/** Stories per page of /stories. */
export const STORIES_PAGE_SIZE = 20;
/** Featured on the home page and a brand page. */
export const STORIES_FEATURED = 3;

/** The 1-based page of /stories from its `page` parameter; anything else is page 1, as on /rankings. */
export function parseStoriesPage(value: string | null): number {
  const page = Number(value ?? '1');
  return Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
