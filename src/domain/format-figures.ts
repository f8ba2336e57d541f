/**
 * How figures read on the page, in English or French (decision 014): "94 %" / "94 %",
 * "54.2" / "54,2", "3 h", "—" for a rate with nothing behind it. French through Intl
 * (its narrow no-break space before "%"); English keeps the board's "94 %".
 */
import { formatDuration, INTL_LOCALE } from './time.ts';
import type { Language } from './vocabulary.ts';

export function formatRate(rate: number | null, language: Language = 'en'): string {
  if (rate === null) return '—';
  if (language === 'en') return `${Math.round(rate * 100)} %`;
  return new Intl.NumberFormat(INTL_LOCALE[language], { style: 'percent', maximumFractionDigits: 0 }).format(
    rate,
  );
}

export function formatSeconds(seconds: number | null, language: Language = 'en'): string {
  return seconds === null ? '—' : formatDuration(seconds, language);
}

export function formatScore(score: number | null, language: Language = 'en'): string {
  if (score === null) return '—';
  return new Intl.NumberFormat(INTL_LOCALE[language], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  }).format(score);
}

/** A plain number: "1,204" / "1 204", "0.35" / "0,35". */
export function formatNumber(count: number, language: Language = 'en'): string {
  return new Intl.NumberFormat(INTL_LOCALE[language]).format(count);
}

/** A number with a fixed count of decimals, for the methodology's worked example: "0.4312" / "0,4312". */
export function formatDecimal(value: number, digits: number, language: Language = 'en'): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value);
}
