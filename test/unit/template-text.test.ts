/**
 * No hard-coded words in the templates (decision 014): every sentence a page shows comes from the
 * message catalogues. The scan (test/helpers/template-text.ts) reads every .astro file under
 * src/pages, src/components and src/layouts, leaves out the frontmatter, <script> and <style>
 * blocks, comments and `{…}` expressions (but not the markup an expression holds:
 * `{open && <p>Closed</p>}` is text too), and fails naming file:line for each remaining word and
 * each user-facing attribute written as a literal (`aria-label="Close"`, `label="Title"`…).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalText } from '../helpers/template-text.ts';

function astroFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return astroFiles(path);
    return entry.name.endsWith('.astro') ? [path] : [];
  });
}

describe('the template scan', () => {
  const scan = (template: string) => literalText('x.astro', template);

  it('finds a literal word, naming its line', () => {
    expect(scan('---\nconst a = 1;\n---\n<main>\n  <h1>Hello</h1>\n</main>')).toEqual(['x.astro:5: Hello']);
  });

  it('finds words in markup held by an expression, however nested', () => {
    expect(scan('{open && (\n  <p>{list.map((x) => <span>{x}</span>)} Closed</p>\n)}')).toEqual([
      'x.astro:2: Closed',
    ]);
    expect(scan('{a ? <b>{`${c}`}</b> : <i>Nothing</i>}')).toEqual(['x.astro:1: Nothing']);
  });

  it('finds a user-facing attribute written as a literal, not an identifier', () => {
    expect(scan('<button aria-label="Close" class="close" type="button"></button>')).toEqual([
      'x.astro:1: Close',
    ]);
    expect(scan('<Field label="Title" name="title" form={state} />')).toEqual(['x.astro:1: Title']);
    expect(scan('<td data-label={m.x()}>{value}</td>')).toEqual([]);
  });

  it('leaves out the frontmatter, expressions, scripts, styles, comments and symbols', () => {
    const template = [
      '---',
      "const title = 'Not shown';",
      '---',
      '<script>const word = "hidden";</script>',
      '<style>.a::after { content: "hidden"; }</style>',
      '<!-- a comment -->',
      '<!doctype html>',
      "<p>{m.greeting()} · {count > 1 ? 'two' : 'one'} — 42 %&nbsp;</p>",
      '<footer>Likes &amp; Fails</footer>',
    ].join('\n');
    expect(scan(template)).toEqual([]);
  });
});

describe('the templates', () => {
  const files = ['src/pages', 'src/components', 'src/layouts'].flatMap(astroFiles).sort();
  const findings = new Map(files.map((file) => [file, literalText(file, readFileSync(file, 'utf8'))]));

  it('are all read', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('write no literal text (every sentence comes from the catalogues)', () => {
    expect(files.flatMap((file) => findings.get(file)!)).toEqual([]);
  });
});
