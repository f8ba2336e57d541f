/**
 * How brands are told apart (DESIGN §3): by normalised website domain and by
 * name regardless of case, accents, punctuation, invisible characters and
 * look-alike letters from other scripts, so "Café-Nord" and "cafe nord" are
 * one brand, and so are "North\u200Bwind", "Nоrthwind" (Cyrillic о) and
 * "Northwind".
 */
import slugify from '@sindresorhus/slugify';
import { foldLookAlikes } from './confusables.ts';
import { stripInvisible } from './text.ts';

// Letters that do not decompose into a base letter and an accent.
const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * "Café Nord, Ltd." → "cafe nord ltd"; "NÖRTHWIND" → "northwind" (accents dropped, not transliterated);
 * "North\u200Bwind" and "Nоrthwind" (Cyrillic о) → "northwind". The duplicate-brand key only: names are
 * shown as typed.
 */
export function brandNameKey(name: string): string {
  return foldLookAlikes(stripInvisible(name).normalize('NFKD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/[ßøæœłđþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Café Nord" → "cafe-nord" (the public URL segment). */
export function brandSlug(name: string): string {
  return slugify(name.normalize('NFKC'), { decamelize: false }) || 'brand';
}

/**
 * "https://WWW.Northwind-Telecom.example/support?x=1" → "northwind-telecom.example".
 * Returns null when the input is not a usable web address.
 */
export function normalizeDomain(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return null;
  }
  host = host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\d*\./, '');
  // A brand's site needs at least a name and a top-level domain, and no bare IPs.
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) || /^[\d.]+$/.test(host)) return null;
  return host;
}
