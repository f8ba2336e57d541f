/**
 * Cyrillic and Greek letters that look like Latin ones, folded to the Latin
 * letter they imitate, so "Nоrthwind" with a Cyrillic "о" is the same brand
 * as "Northwind" (DESIGN §8, issue 11). Used only for comparison keys: what
 * people typed is still what the site shows.
 *
 * A compact table rather than a package: the npm packages for Unicode
 * confusables are either unmaintained or ship without their code, and the
 * full UTS #39 skeleton also folds digits and letter pairs ("rn" → "m",
 * "0" → "O"), which would merge real, different brand names. The table is the
 * Cyrillic and Greek entries of Unicode's confusables.txt whose target is a
 * single basic Latin letter (plus a few near misses such as small capitals
 * that read as the letter); compatibility forms (fullwidth, mathematical
 * letters, ligatures) are already folded by NFKD before it is applied.
 * Upper and lower case are listed apart because they imitate different
 * letters (Greek "Η" looks like H, "η" like n).
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic capitals
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ӏ: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ԛ: 'Q',
  Ѕ: 'S',
  Т: 'T',
  Ү: 'Y',
  У: 'Y',
  Ԝ: 'W',
  Х: 'X',
  Ԁ: 'D',
  Һ: 'H',
  // Cyrillic small letters
  а: 'a',
  в: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  һ: 'h',
  н: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  у: 'y',
  ү: 'y',
  ԝ: 'w',
  х: 'x',
  // Greek capitals
  Α: 'A',
  Β: 'B',
  Ϲ: 'C',
  Ε: 'E',
  Ϝ: 'F',
  Η: 'H',
  Ι: 'I',
  Ϳ: 'J',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ζ: 'Z',
  // Greek small letters
  α: 'a',
  ϲ: 'c',
  ε: 'e',
  η: 'n',
  ι: 'i',
  ϳ: 'j',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ω: 'w',
  // Latin letters outside ASCII that read as ASCII ones
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ȷ: 'j',
  ʏ: 'y',
  ᴅ: 'd',
};

const LOOK_ALIKE_PATTERN = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');

/** "Nоrthwіnd" (Cyrillic о and і) → "Northwind". Apply after NFKD; leaves every other character alone. */
export function foldLookAlikes(text: string): string {
  return text.replace(LOOK_ALIKE_PATTERN, (letter) => LOOK_ALIKES[letter] ?? letter);
}
