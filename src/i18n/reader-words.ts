/**
 * The readers' pages' sentences built from the domain's facts (issue #14, decision 014): the
 * domain stays pure and returns what is true (a badge's figures, a compare cell's counts, a page
 * of results' range); these functions write it in the request's language, numbers and durations
 * through the language-aware formatters. One literal message per case, so the catalogue test sees
 * each used.
 */
import type { BadgeWords } from '../domain/badge.ts';
import {
  COMPARE_MAX_BRANDS,
  COMPARE_MIN_BRANDS,
  type KnownBrand,
  type TermMatch,
} from '../domain/compare.ts';
import type { CompareBasis, CompareFacts, CompareFigure } from '../domain/compare-rows.ts';
import { formatNumber, formatRate, formatScore, formatSeconds } from '../domain/format-figures.ts';
import type { EmptyListReason, HomeWindow } from '../domain/home-rankings.ts';
import { MIN_POSTS_TO_RANK } from '../domain/score.ts';
import type { ResultRange } from '../domain/search-pages.ts';
import type { PostKind } from '../domain/vocabulary.ts';
import { windowLabel } from './labels.ts';
import { m } from './messages.ts';
import { currentLanguage } from './request-language.ts';

const number = (value: number) => formatNumber(value, currentLanguage());

/** Why the home page's best or worst list is empty. */
export function homeEmptyListNote(reason: EmptyListReason, ranked: number, window: HomeWindow): string {
  const over = windowLabel(window);
  switch (reason) {
    case 'none-ranked':
      return m.home_empty_none_ranked({ min: number(MIN_POSTS_TO_RANK), window: over });
    case 'all-listed-best':
      return m.home_empty_all_listed_best({ count: ranked, window: over });
    case 'none-ranked-yet':
      return m.home_empty_none_ranked_yet({ window: over });
  }
}

/** Why the home page's lists cover a longer window than 30 days. */
export function homeFallbackNote(window: HomeWindow): string {
  return m.home_fallback_note({ min: number(MIN_POSTS_TO_RANK), window: windowLabel(window) });
}

/** The words of the embeddable badge: "answers 94 % of fails · median 3 h". */
export function badgeText(words: BadgeWords): string {
  const language = currentLanguage();
  switch (words.kind) {
    case 'no-fails':
      return m.badge_no_fails();
    case 'waiting':
      return m.badge_waiting({ count: words.fails });
    case 'unrated':
      return m.badge_unrated({ answered: number(words.answered), count: words.eligible });
    case 'rated': {
      const rate = formatRate(words.rate, language);
      return words.medianSeconds === null
        ? m.badge_rated({ rate })
        : m.badge_rated_median({ rate, median: formatSeconds(words.medianSeconds, language) });
    }
  }
}

/** "31–60 of 214 posts", "1 of 1 brand", "1,001–1,030 of more than 1,000 posts". */
export function searchRange(range: ResultRange, noun: 'brand' | 'post'): string {
  const shown =
    range.first === range.last ? number(range.first) : `${number(range.first)}–${number(range.last)}`;
  if (range.capped) {
    return noun === 'brand'
      ? m.search_range_brands_capped({ shown, total: number(range.count) })
      : m.search_range_posts_capped({ shown, total: number(range.count) });
  }
  return noun === 'brand'
    ? m.search_range_brands({ shown, count: range.count })
    : m.search_range_posts({ shown, count: range.count });
}

/** Why a featured post is featured, in a few words for its card. */
export function storyReason(kind: PostKind, brandName: string): string {
  return kind === 'like'
    ? m.stories_reason_like({ brand: brandName })
    : m.stories_reason_fail({ brand: brandName });
}

/** The public notice on the page of a brand that flags most of its own fails. */
export function selfFlagNoticeText(
  brandName: string,
  notice: { flaggedFails: number; fails: number },
): string {
  return m.brandpage_self_flag_notice({
    brand: brandName,
    flagged: number(notice.flaggedFails),
    fails: number(notice.fails),
  });
}

/** What a compare input says about the name typed in it, or null when it names a brand to compare. */
export function compareTermError(match: TermMatch<KnownBrand>): string | null {
  switch (match.reason) {
    case null:
      return null;
    case 'unknown':
      return m.compare_error_unknown({ term: match.term });
    case 'repeated':
      return m.compare_error_repeated({ brand: match.named });
    case 'too-many':
      return m.compare_error_too_many({ max: number(COMPARE_MAX_BRANDS), brand: match.named });
  }
}

/** What the compare page says when the brands found cannot be compared yet. */
export function compareShortfallText(shortfall: 'none' | 'too-few'): string {
  return shortfall === 'none'
    ? m.compare_shortfall_none({ min: number(COMPARE_MIN_BRANDS), max: number(COMPARE_MAX_BRANDS) })
    : m.compare_shortfall_too_few();
}

const FIGURE: Record<CompareFigure, () => string> = {
  score: m.compare_figure_score,
  'likes-and-fails': m.compare_figure_likes_and_fails,
  'like-share': m.compare_figure_like_share,
  'fails-answered': m.compare_figure_fails_answered,
  'median-first-response': m.compare_figure_median_first_response,
  'p90-first-response': m.compare_figure_p90_first_response,
  resolved: m.compare_figure_resolved,
  'promises-kept': m.compare_figure_promises_kept,
  'would-buy-again': m.compare_figure_would_buy_again,
  'personal-replies': m.compare_figure_personal_replies,
};

const RATE_OVER: Record<CompareBasis, (inputs: { rate: string; count: number }) => string> = {
  post: m.compare_rate_of_posts,
  fail: m.compare_rate_of_fails,
  'settled-fail': m.compare_rate_of_settled_fails,
  'promise-due': m.compare_rate_of_promises_due,
  verdict: m.compare_rate_of_verdicts,
  'long-reply': m.compare_rate_of_long_replies,
};

export const compareFigureLabel = (figure: CompareFigure) => FIGURE[figure]();

/** A compare cell: "82 % of 57 fails", "54.2 of 100, over 57 posts", "— (none yet)". */
export function compareCellText(facts: CompareFacts): string {
  const language = currentLanguage();
  switch (facts.kind) {
    case 'score':
      return m.compare_score({ score: formatScore(facts.score, language), count: facts.posts });
    case 'unranked':
      return m.compare_unranked({ count: facts.posts, needed: number(facts.needed) });
    case 'counts':
      return m.compare_counts({
        likes: m.compare_likes({ count: facts.likes }),
        fails: m.compare_fails({ count: facts.fails }),
      });
    case 'rate':
      return RATE_OVER[facts.basis]({ rate: formatRate(facts.rate, language), count: facts.over });
    case 'no-basis':
      return m.compare_none_yet();
    case 'duration':
      return m.compare_duration({ duration: formatSeconds(facts.seconds, language), count: facts.answered });
    case 'no-answered-fails':
      return m.compare_no_answered_fails();
  }
}
