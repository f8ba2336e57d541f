/**
 * Human-readable durations and dates for the pages, in English or French (decision 014); pure.
 * French comes entirely from Intl ("17 h", "il y a 2 min", "1 déc. 2026"). English keeps the
 * board's short forms ("3 h", "2 min", "3 h ago"), which Intl's English units do not have
 * ("3 hr"); its numbers, day counts and dates still come from Intl.
 */
import type { Language } from './vocabulary.ts';

const MINUTE_SECONDS = 60;
const HOUR_SECONDS = 60 * MINUTE_SECONDS;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/** The Intl locale each language is written in: dates in day-month-year order for both. */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

type Unit = 'minute' | 'hour' | 'day';

function durationParts(seconds: number): { unit: Unit; count: number } {
  if (seconds < HOUR_SECONDS)
    return { unit: 'minute', count: Math.max(1, Math.round(seconds / MINUTE_SECONDS)) };
  if (seconds < DAY_SECONDS) return { unit: 'hour', count: Math.round(seconds / HOUR_SECONDS) };
  return { unit: 'day', count: Math.round(seconds / DAY_SECONDS) };
}

const ENGLISH_SHORT_UNITS: Record<Exclude<Unit, 'day'>, string> = { minute: 'min', hour: 'h' };

/** 90 → "2 min", 7200 → "2 h", 200000 → "2 days" (French: "2 min", "2 h", "2 jours"). */
export function formatDuration(seconds: number, language: Language = 'en'): string {
  const { unit, count } = durationParts(seconds);
  if (language === 'en' && unit !== 'day') {
    return `${new Intl.NumberFormat(INTL_LOCALE.en).format(count)} ${ENGLISH_SHORT_UNITS[unit]}`;
  }
  return new Intl.NumberFormat(INTL_LOCALE[language], {
    style: 'unit',
    unit,
    unitDisplay: unit === 'day' ? 'long' : 'short',
  }).format(count);
}

/** "3 h ago", "yesterday", "12 days ago", or the date for anything older than a month. */
export function formatRelative(date: Date, now: Date, language: Language = 'en'): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 0) return formatDate(date, language);
  const days = Math.floor(seconds / DAY_SECONDS);
  if (days >= 31) return formatDate(date, language);
  if (language === 'en') {
    if (seconds < MINUTE_SECONDS) return 'just now';
    if (seconds < DAY_SECONDS) return `${formatDuration(seconds)} ago`;
  } else {
    if (seconds < MINUTE_SECONDS) return 'à l’instant';
    if (seconds < DAY_SECONDS) {
      const { unit, count } = durationParts(seconds);
      return new Intl.RelativeTimeFormat(INTL_LOCALE[language], { style: 'short' }).format(-count, unit);
    }
  }
  return new Intl.RelativeTimeFormat(INTL_LOCALE[language], { numeric: 'auto' }).format(-days, 'day');
}

const dateFormats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  fr: new Intl.DateTimeFormat(INTL_LOCALE.fr, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }),
};

/** "14 Jun 2026", "14 juin 2026" (UTC, so the server and every reader agree). */
export function formatDate(date: Date | string, language: Language = 'en'): string {
  return dateFormats[language].format(typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date);
}

const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
};
const dateTimeFormats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, DATE_TIME_OPTIONS),
  fr: new Intl.DateTimeFormat(INTL_LOCALE.fr, DATE_TIME_OPTIONS),
};

/** "14 Jun 2026, 09:05", "14 juin 2026, 09:05" (UTC, which the text around it says). */
export function formatDateTime(date: Date, language: Language = 'en'): string {
  return dateTimeFormats[language].format(date);
}
