/**
 * The home page's best and worst brands (DESIGN §6 "top and bottom brands this
 * month"), honest about how few brands are ranked: a brand needs
 * MIN_POSTS_TO_RANK posts in a window, and over 30 days few have them. The
 * page shows the shortest window that fills both lists, falling back to 90
 * days, then 12 months, and names the window it shows; when even 12 months
 * cannot fill a list, the list says what is missing instead of staying empty.
 */
import { MIN_POSTS_TO_RANK } from './score.ts';
import { STAT_WINDOW_LABELS, type StatWindow } from './vocabulary.ts';

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

/** Why the page shows a longer window than 30 days, or null when it does not. */
export function fallbackNote(window: HomeWindow): string | null {
  if (window === '30d') return null;
  return `Few brands have the ${MIN_POSTS_TO_RANK} posts a ranking needs over the last 30 days, so these lists cover the ${STAT_WINDOW_LABELS[window]}.`;
}

/** What an empty list says instead: nobody ranked at all, or too few for a separate worst list. */
export function emptyListNote(list: 'best' | 'worst', ranked: number, window: HomeWindow): string {
  const over = `over the ${STAT_WINDOW_LABELS[window]}`;
  if (ranked === 0) return `No brand has the ${MIN_POSTS_TO_RANK} posts a ranking needs ${over} yet.`;
  return list === 'worst'
    ? `Only ${ranked} ${ranked === 1 ? 'brand is' : 'brands are'} ranked ${over}, all listed as the best: not enough for a worst list yet.`
    : `No brand is ranked ${over} yet.`;
}
