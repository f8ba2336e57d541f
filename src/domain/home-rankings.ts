/**
 * The home page's best and worst brands (DESIGN §6 "top and bottom brands this
 * month"), honest about how few brands are ranked: a brand needs
 * MIN_POSTS_TO_RANK posts in a window, and over 30 days few have them. The
 * page shows the shortest window that fills both lists, falling back to 90
 * days, then 12 months, and names the window it shows; when even 12 months
 * cannot fill a list, the list says what is missing instead of staying empty.
 */
import type { StatWindow } from './vocabulary.ts';

/** The windows tried, shortest first. */
export const HOME_WINDOWS = ['30d', '90d', '12m'] as const satisfies readonly StatWindow[];
export type HomeWindow = (typeof HOME_WINDOWS)[number];

/**
 * The shortest window with enough ranked brands for `perList` best and
 * `perList` other worst ones; else the one with the most ranked brands (the
 * shorter on a tie).
 */
export function chooseHomeWindow(rankedByWindow: Record<HomeWindow, number>, perList: number): HomeWindow {
  const full = HOME_WINDOWS.find((window) => rankedByWindow[window] >= 2 * perList);
  if (full) return full;
  return HOME_WINDOWS.reduce((best, window) =>
    rankedByWindow[window] > rankedByWindow[best] ? window : best,
  );
}

/** Whether the page must say why it shows a longer window than 30 days (src/i18n/reader-words.ts words it). */
export function needsFallbackNote(window: HomeWindow): boolean {
  return window !== '30d';
}

/**
 * Why a list is empty: no brand ranked at all, or too few for a separate worst list (all are listed
 * as the best), or (the best list) none ranked in the window yet. The page puts it into words.
 */
export type EmptyListReason = 'none-ranked' | 'all-listed-best' | 'none-ranked-yet';

export function emptyListReason(list: 'best' | 'worst', ranked: number): EmptyListReason {
  if (ranked === 0) return 'none-ranked';
  return list === 'worst' ? 'all-listed-best' : 'none-ranked-yet';
}
