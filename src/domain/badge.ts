/**
 * The words of the embeddable badge (DESIGN §7): "answers 94 % of fails ·
 * median 3 h". The SVG around them is markup: src/markup/badge.ts.
 */
import { formatDuration } from './time.ts';

export function badgeText(answered: number, eligible: number, medianSeconds: number | null): string {
  if (eligible === 0) return 'no fails to answer yet';
  const rate = Math.round((100 * answered) / eligible);
  return medianSeconds === null
    ? `answers ${rate} % of fails`
    : `answers ${rate} % of fails · median ${formatDuration(medianSeconds)}`;
}
