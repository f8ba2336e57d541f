/** Small text rules shared by posts, replies and statistics. */

/**
 * Invisible characters that can hide inside or make up a whole text: every
 * format character (Unicode category Cf: zero-width spaces and joiners,
 * direction overrides and isolates, the byte-order mark, soft hyphens, tags…)
 * and the Hangul fillers, letters that draw nothing. Kept: a zero-width joiner
 * inside an emoji sequence (woman + ZWJ + laptop) and the tag characters of a
 * subdivision flag (Scotland's, Wales'), where they are part of the picture.
 */
const INVISIBLE =
  /(\p{Extended_Pictographic}[\p{M}\p{Emoji_Modifier}]*\u200D(?=\p{Extended_Pictographic}))|(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;

/** Removes invisible format characters (see INVISIBLE); emoji sequences stay whole. */
export function stripInvisible(input: string): string {
  return input.replace(INVISIBLE, (_match, emojiJoin?: string, flag?: string) => emojiJoin ?? flag ?? '');
}

/**
 * Control characters other than tab and line breaks: PostgreSQL refuses NUL in
 * text, and none of them means anything in a story. A URL-encoded body with a
 * NUL is refused before the action (request-guards.ts); a multipart one (a form
 * with images) reaches the action, so the boundary drops them here.
 */
// \p{Cc} minus tab, line feed and carriage return (the regex names the category, not the bytes).
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;

/**
 * Unicode-normalised (NFC), without control or invisible format characters,
 * trimmed, with Windows line endings and trailing spaces removed. Every piece of
 * user text goes through it at the boundary.
 */
export function normalizeText(input: string): string {
  return stripInvisible(input.replace(CONTROL, '').normalize('NFC'))
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** Paragraphs of a plain-text story: blocks separated by one or more blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}

export function countWords(text: string): number {
  const words = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words === null ? 0 : words.length;
}

/** "Northwind Telecom" → "NT"; for the avatar-like initials beside a brand's name. */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase());
  return letters.slice(0, 2).join('') || '?';
}
