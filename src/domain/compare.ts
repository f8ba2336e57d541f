/**
 * The compare page's rules (DESIGN §6 `/compare`): which brands a reader asked
 * for, by name or by slug, how many may be compared, and which value of a row
 * is the best. Pure: the page reads the brands, this decides what to say.
 */
import { brandNameKey } from './brand-identity.ts';

export const COMPARE_MIN_BRANDS = 2;
export const COMPARE_MAX_BRANDS = 4;
/** Longest brand name a compare input takes (a brand name is at most 80 characters). */
export const COMPARE_NAME_MAX = 80;

/**
 * What the reader typed, in order, without blanks or repeats: `?brands=a,b`
 * (the shareable URL, slugs or names) then every `?brand=` input of the form.
 */
export function readCompareTerms(params: URLSearchParams): string[] {
  const typed = [...(params.get('brands') ?? '').split(','), ...params.getAll('brand')]
    .map((term) => term.normalize('NFC').trim().slice(0, COMPARE_NAME_MAX))
    .filter(Boolean);
  const seen = new Set<string>();
  return typed.filter((term) => {
    const key = brandNameKey(term);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface KnownBrand {
  slug: string;
  name: string;
  nameKey: string;
}

/**
 * A typed term and the brand it names, or why it names none to compare: no such brand, one already
 * in the comparison, or one too many (`named` is then the brand's name). The page words the reason.
 */
export type TermMatch<B extends KnownBrand> =
  | { term: string; brand: B; reason: null; named: null }
  | { term: string; brand: null; reason: 'unknown'; named: null }
  | { term: string; brand: null; reason: 'repeated' | 'too-many'; named: string };

/**
 * Each typed term matched to a brand by slug or by its name (as the brand
 * identity rules normalize it), with the reason a term names none or one
 * brand too many.
 */
export function matchCompareTerms<B extends KnownBrand>(
  terms: readonly string[],
  known: readonly B[],
): TermMatch<B>[] {
  const bySlug = new Map(known.map((brand) => [brand.slug, brand]));
  const byKey = new Map(known.map((brand) => [brand.nameKey, brand]));
  const taken = new Set<string>();
  let counted = 0;
  return terms.map((term) => {
    const brand = bySlug.get(term.toLowerCase()) ?? byKey.get(brandNameKey(term)) ?? null;
    if (!brand) return { term, brand: null, reason: 'unknown', named: null };
    if (taken.has(brand.slug)) return { term, brand: null, reason: 'repeated', named: brand.name };
    counted += 1;
    if (counted > COMPARE_MAX_BRANDS) return { term, brand: null, reason: 'too-many', named: brand.name };
    taken.add(brand.slug);
    return { term, brand, reason: null, named: null };
  });
}

/** Why the brands found cannot be compared yet (none picked, or too few), or null when they can. */
export function compareShortfall(found: number): 'none' | 'too-few' | null {
  if (found === 0) return 'none';
  if (found < COMPARE_MIN_BRANDS) return 'too-few';
  return null;
}

/**
 * The positions of the best value of a row: the largest (or smallest, when
 * less is better) among the values that exist. None when fewer than two
 * values exist or all are equal: there is nothing to tell apart.
 */
export function bestPositions(values: readonly (number | null)[], better: 'higher' | 'lower'): Set<number> {
  const present = values.filter((value): value is number => value !== null);
  if (present.length < 2) return new Set();
  const best = better === 'higher' ? Math.max(...present) : Math.min(...present);
  if (present.every((value) => value === best)) return new Set();
  return new Set(values.flatMap((value, index) => (value === best ? [index] : [])));
}
