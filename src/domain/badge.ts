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
import { formatDuration } from './time.ts';

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

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function badgeOf(figures: BadgeFigures): { text: string; tone: BadgeTone } {
  const { fails, eligible, answered, medianSeconds } = figures;
  if (fails === 0) return { text: 'no fails in 12 months', tone: 'unrated' };
  if (eligible === 0) {
    // Every fail is younger than the grace period and still waits: say so, not "no fails".
    return {
      text: `${plural(fails, 'fail', 'fails')}, waiting for ${fails === 1 ? 'a reply' : 'replies'}`,
      tone: 'unrated',
    };
  }
  if (eligible < BADGE_MIN_FAILS) {
    return {
      text: `not rated yet · answered ${answered} of ${plural(eligible, 'fail', 'fails')}`,
      tone: 'unrated',
    };
  }
  const rate = answered / eligible;
  const percent = Math.round(100 * rate);
  const tone: BadgeTone = rate >= BADGE_GOOD_RATE ? 'good' : rate >= BADGE_FAIR_RATE ? 'fair' : 'poor';
  const text =
    medianSeconds === null
      ? `answers ${percent} % of fails`
      : `answers ${percent} % of fails · median ${formatDuration(medianSeconds)}`;
  return { text, tone };
}
