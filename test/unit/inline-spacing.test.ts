/**
 * Astro's compiler drops the line break between a word and an inline element
 * on the next line ("a\n<strong>like</strong>" renders "a<strong>like"), so
 * the templates write `{' '}` there. This scan finds the places that forgot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const INLINE_OPENS = /^<(strong|em|a|code|abbr|time|b|i|small)\b/;
const INLINE_CLOSES = /<\/(strong|em|a|code|abbr|time|b|i|small)>$/;

function astroFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return astroFiles(path);
    return entry.name.endsWith('.astro') ? [path] : [];
  });
}

/** "file:line" of each word and inline element split over two lines with nothing to keep the space. */
function lostSpaces(path: string, source: string): string[] {
  const lines = source.split('\n');
  const fences = lines.flatMap((line, index) => (line.trim() === '---' ? [index] : []));
  const templateStart = fences.length >= 2 ? fences[1]! + 1 : 0;
  const found: string[] = [];
  for (let index = templateStart + 1; index < lines.length; index++) {
    const previous = lines[index - 1]!.trimEnd();
    const current = lines[index]!.trim();
    const wordThenElement = INLINE_OPENS.test(current) && /[\p{L}\p{N},;:.!?’”)]$/u.test(previous);
    const elementThenWord = INLINE_CLOSES.test(previous) && /^[\p{L}\p{N}(“‘]/u.test(current);
    if ((wordThenElement || elementThenWord) && !previous.endsWith("{' '}"))
      found.push(`${path}:${index + 1}`);
  }
  return found;
}

describe('templates keep the spaces around inline markup', () => {
  it('find a word and an inline element split over two lines without {" "}', () => {
    expect(lostSpaces('x.astro', '---\n---\n<p>\n  a\n  <strong>like</strong> for\n</p>')).toEqual([
      'x.astro:5',
    ]);
    expect(lostSpaces('x.astro', "---\n---\n<p>\n  a{' '}\n  <strong>like</strong>\n</p>")).toEqual([]);
  });

  it('have none left in src/', () => {
    const found = astroFiles('src').flatMap((path) => lostSpaces(path, readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });
});
