/**
 * Literal text in an Astro template, for test/unit/template-text.test.ts: a small parser, not a
 * regular expression, since expressions nest (braces, strings, template literals, comments) and
 * may hold markup (`{open && <p>Closed</p>}` is text too).
 */
/** Attributes and component props whose value people read or hear. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'title',
  'placeholder',
  'label',
  'caption',
  'hint',
  'legend',
  'summary',
  'description',
  'heading',
  'empty',
  'what',
  'message',
  'text',
  'data-label',
]);

/** Text deliberately the same in every language. */
const ALLOWED_TEXT = new Set([
  // The product's name is not translated.
  'Likes & Fails',
]);

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** A literal's words as a reader gets them: entities decoded to a space or the character, spaces folded. */
const readable = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&[a-zA-Z]+;|&#x?[0-9a-fA-F]+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const hasWords = (text: string) => /\p{L}/u.test(text) && !ALLOWED_TEXT.has(text);

/**
 * "path:line: text" for each literal word of a template, and for each user-facing attribute
 * written as a literal, leaving out the frontmatter, <script> and <style>, comments, the doctype
 * and `{…}` expressions (but not the markup inside them).
 */
export function literalText(path: string, source: string): string[] {
  const found: string[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const report = (index: number, text: string) => {
    const words = readable(text);
    if (hasWords(words)) found.push(`${path}:${lineAt(index)}: ${words}`);
  };

  // The frontmatter: from a first line `---` to the next.
  let start = 0;
  const fence = /^\s*---\r?\n/.exec(source);
  if (fence) {
    const end = source.indexOf('\n---', fence[0].length - 1);
    start = end === -1 ? source.length : source.indexOf('\n', end + 4) + 1 || source.length;
  }

  /** Skips a quoted string or template literal starting at `i`; returns the index after it. */
  function skipString(i: number): number {
    const quote = source[i]!;
    let j = i + 1;
    while (j < source.length && source[j] !== quote) {
      if (source[j] === '\\') j += 2;
      else if (quote === '`' && source.startsWith('${', j)) j = skipExpression(j + 1);
      else j += 1;
    }
    return j + 1;
  }

  /** `{` at `i`: skips the expression, reading the markup inside it; returns the index after `}`. */
  function skipExpression(i: number): number {
    let j = i + 1;
    let lastCode = '{';
    while (j < source.length) {
      const char = source[j]!;
      if (char === '}') return j + 1;
      if (char === '{') {
        j = skipExpression(j);
        lastCode = '}';
      } else if (char === '"' || char === "'" || char === '`') {
        j = skipString(j);
        lastCode = char;
      } else if (source.startsWith('//', j)) {
        j = source.indexOf('\n', j) === -1 ? source.length : source.indexOf('\n', j);
      } else if (source.startsWith('/*', j)) {
        j = source.indexOf('*/', j) + 2 || source.length;
      } else if (char === '<' && /[A-Za-z>]/.test(source[j + 1] ?? '') && /[({[,?:&|=>]/.test(lastCode)) {
        // Markup in an expression (after `(`, `&&`, `? :`, `=>`, `,`…), not a comparison.
        j = readElement(j);
        lastCode = ')';
      } else {
        if (!/\s/.test(char)) lastCode = char;
        j += 1;
      }
    }
    return j;
  }

  /** An element's tag at `i` (`<name …>`): checks its attributes; returns [after the tag, name, self-closed]. */
  function readTag(i: number): [number, string, boolean] {
    const name = /^<([A-Za-z][\w.:-]*)?/.exec(source.slice(i))![1] ?? '';
    let j = i + 1 + name.length;
    while (j < source.length) {
      const char = source[j]!;
      if (char === '>') return [j + 1, name, false];
      if (source.startsWith('/>', j)) return [j + 2, name, true];
      if (char === '{') {
        j = skipExpression(j);
        continue;
      }
      const attribute = /^([^\s=>/{]+)(\s*=\s*)?/.exec(source.slice(j));
      if (!attribute) {
        j += 1;
        continue;
      }
      j += attribute[0].length;
      if (!attribute[2]) continue;
      const quote = source[j];
      if (quote === '"' || quote === "'") {
        const end = source.indexOf(quote, j + 1);
        if (TEXT_ATTRIBUTES.has(attribute[1]!)) report(j, source.slice(j + 1, end));
        j = end + 1;
      } else if (quote === '{') {
        j = skipExpression(j);
      }
    }
    return [j, name, false];
  }

  /** An element at `i` with its children; returns the index after its end tag (or the tag itself). */
  function readElement(i: number): number {
    const [afterTag, name, selfClosed] = readTag(i);
    if (selfClosed || VOID_ELEMENTS.has(name.toLowerCase())) return afterTag;
    if (/^(script|style)$/i.test(name)) {
      const end = source.toLowerCase().indexOf(`</${name.toLowerCase()}`, afterTag);
      return end === -1 ? source.length : source.indexOf('>', end) + 1;
    }
    return readChildren(afterTag, name);
  }

  /** Text, expressions and elements from `i` until `</closing>` (or the end); returns the index after it. */
  function readChildren(i: number, closing: string | null): number {
    let j = i;
    let textStart = j;
    const flush = (end: number) => report(textStart, source.slice(textStart, end));
    while (j < source.length) {
      if (source.startsWith('<!--', j)) {
        flush(j);
        j = source.indexOf('-->', j) + 3 || source.length;
      } else if (source.startsWith('<!', j)) {
        flush(j); // <!doctype html>
        j = source.indexOf('>', j) + 1 || source.length;
      } else if (source.startsWith('</', j)) {
        flush(j);
        const end = source.indexOf('>', j) + 1 || source.length;
        const name = source.slice(j + 2, end - 1).trim();
        j = end;
        if (closing !== null && name === closing) return j;
      } else if (source[j] === '<' && /[A-Za-z>]/.test(source[j + 1] ?? '')) {
        flush(j);
        j = readElement(j);
      } else if (source[j] === '{') {
        flush(j);
        j = skipExpression(j);
      } else {
        j += 1;
        continue;
      }
      textStart = j;
    }
    flush(j);
    return j;
  }

  readChildren(start, null);
  return found;
}
