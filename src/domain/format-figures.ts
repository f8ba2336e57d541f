/** How figures read on the page: "94 %", "3 h", "—" for a rate with nothing behind it. */
import { formatDuration } from './time.ts';

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}

export function formatSeconds(seconds: number | null): string {
  return seconds === null ? '—' : formatDuration(seconds);
}

export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(1);
}
