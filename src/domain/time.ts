/** Human-readable durations and dates for the pages; pure, locale "en". */

const MINUTE_SECONDS = 60;
const HOUR_SECONDS = 60 * MINUTE_SECONDS;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/** 90 → "2 min", 7200 → "2 h", 200000 → "2 days". */
export function formatDuration(seconds: number): string {
  if (seconds < HOUR_SECONDS) return `${Math.max(1, Math.round(seconds / MINUTE_SECONDS))} min`;
  if (seconds < DAY_SECONDS) return `${Math.round(seconds / HOUR_SECONDS)} h`;
  const days = Math.round(seconds / DAY_SECONDS);
  return days === 1 ? '1 day' : `${days} days`;
}

/** "3 h ago", "yesterday", "12 days ago", or the date for anything older than a month. */
export function formatRelative(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 0) return formatDate(date);
  if (seconds < MINUTE_SECONDS) return 'just now';
  if (seconds < DAY_SECONDS) return `${formatDuration(seconds)} ago`;
  const days = Math.floor(seconds / DAY_SECONDS);
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  return formatDate(date);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "14 Jun 2026" (UTC, so the server and every reader agree). */
export function formatDate(date: Date | string): string {
  return dateFormat.format(typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date);
}
