/** Small text rules shared by posts, replies and statistics. */

/** Unicode-normalised, trimmed, with Windows line endings and trailing spaces removed. */
export function normalizeText(input: string): string {
  return input
    .normalize('NFC')
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
