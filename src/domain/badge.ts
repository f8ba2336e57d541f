/**
 * The words and colour of the embeddable badge (DESIGN §7): "answers 94 % of
 * fails · median 3 h", over the last 12 months. The SVG around them is markup:
 * src/markup/badge.ts.
 *
 * The colour follows the response rate, and is never the only signal (the
 * figure is written beside it):
 *   good (green)  ≥ 90 % of fails answered
 *   fair (amber)  ≥ 60 %
 *   poor (red)    below 60 %
 *   unrated (grey) fewer than BADGE_MIN_FAILS fails old enough to expect an
 *                  answer (72 hours) or already answered: the badge says "not
 *                  rated yet" and what is true so far.
 */
export const BADGE_MIN_FAILS = 5;
export const BADGE_GOOD_RATE = 0.9;
export const BADGE_FAIR_RATE = 0.6;

export type BadgeTone = 'good' | 'fair' | 'poor' | 'unrated';

export interface BadgeFigures {
  /** Fails in the window, young ones included. */
  fails: number;
  /** Fails older than the 72-hour grace or already answered (the response rate's denominator). */
  eligible: number;
  answered: number;
  medianSeconds: number | null;
}

/** What the badge says, as facts; src/i18n/reader-words.ts `badgeText` writes them in a language. */
export type BadgeWords =
  | { kind: 'no-fails' }
  | { kind: 'waiting'; fails: number }
  | { kind: 'unrated'; answered: number; eligible: number }
  | { kind: 'rated'; rate: number; medianSeconds: number | null };

export function badgeOf(figures: BadgeFigures): { words: BadgeWords; tone: BadgeTone } {
  const { fails, eligible, answered, medianSeconds } = figures;
  if (fails === 0) return { words: { kind: 'no-fails' }, tone: 'unrated' };
  // Every fail is younger than the grace period and still waits: say so, not "no fails".
  if (eligible === 0) return { words: { kind: 'waiting', fails }, tone: 'unrated' };
  if (eligible < BADGE_MIN_FAILS) return { words: { kind: 'unrated', answered, eligible }, tone: 'unrated' };
  const rate = answered / eligible;
  const tone: BadgeTone = rate >= BADGE_GOOD_RATE ? 'good' : rate >= BADGE_FAIR_RATE ? 'fair' : 'poor';
  return { words: { kind: 'rated', rate, medianSeconds }, tone };
}
