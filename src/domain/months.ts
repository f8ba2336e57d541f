import { INTL_LOCALE } from './time.ts';
import type { Language } from './vocabulary.ts';

/** The last N calendar months (UTC) as "YYYY-MM-01", oldest first, for charts. */
export function lastMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let offset = count - 1; offset >= 0; offset--) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - offset, 1));
    months.push(date.toISOString().slice(0, 10));
  }
  return months;
}

const shortMonth: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, { month: 'short', timeZone: 'UTC' }),
  fr: new Intl.DateTimeFormat(INTL_LOCALE.fr, { month: 'short', timeZone: 'UTC' }),
};

/** "2026-06-01" → "Jun" ("juin" in French), for chart axes. */
export function shortMonthLabel(month: string, language: Language = 'en'): string {
  return shortMonth[language].format(new Date(`${month}T00:00:00Z`));
}
