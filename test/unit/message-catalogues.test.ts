import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '../../src/i18n/messages.ts';
import { runInLanguage } from '../../src/i18n/request-language.ts';

type Catalogue = Record<string, unknown>;
const read = (language: string): Catalogue => {
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(`messages/${language}.json`, 'utf8'));
  return messages;
};
const en = read('en');
const fr = read('fr');

/** Every `m.key` written in src/ (the generated src/paraglide aside). */
function referencedKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (path === join('src', 'paraglide')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|astro)$/.test(name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\bm\.([A-Za-z0-9_]+)\b/g))
          keys.add(match[1]!);
      }
    }
  };
  walk('src');
  return keys;
}

/** The `{placeholders}` of a message, whether a plain string or plural variants. */
function placeholders(message: unknown): string[] {
  const text = JSON.stringify(message);
  return [...new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]!))].sort();
}

describe('the message catalogues', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).filter((key) => !(key in en))).toEqual([]);
    expect(Object.keys(en).filter((key) => !(key in fr))).toEqual([]);
  });

  it('have no empty message in either language', () => {
    const empty = [...Object.entries(en), ...Object.entries(fr)].filter(([, value]) => value === '');
    expect(empty).toEqual([]);
  });

  it('hold no key that src/ never uses', () => {
    const used = referencedKeys();
    expect(Object.keys(en).filter((key) => !used.has(key))).toEqual([]);
  });

  it('give both languages the same placeholders', () => {
    const different = Object.keys(en).filter(
      (key) => JSON.stringify(placeholders(en[key])) !== JSON.stringify(placeholders(fr[key])),
    );
    expect(different).toEqual([]);
  });
});

describe('messages per request', () => {
  it('follow the language of each of two requests served at once', async () => {
    const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
    const serve = (language: 'en' | 'fr', waitMilliseconds: number) =>
      runInLanguage(language, async () => {
        const before = m.layout_skip_link();
        await pause(waitMilliseconds);
        return [before, m.layout_skip_link()];
      });
    const [french, english] = await Promise.all([serve('fr', 30), serve('en', 5)]);
    expect(french).toEqual(['Aller au contenu', 'Aller au contenu']);
    expect(english).toEqual(['Skip to content', 'Skip to content']);
  });

  it('can be asked in a named language, as e-mails are', () => {
    expect(m.layout_skip_link({}, { locale: 'fr' })).toBe('Aller au contenu');
  });
});
