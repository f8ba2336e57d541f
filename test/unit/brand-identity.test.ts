import { describe, expect, it } from 'vitest';
import { brandNameKey, brandSlug, normalizeDomain } from '../../src/domain/brand-identity.ts';

describe('brand names', () => {
  it('treat case, accents and punctuation as the same brand', () => {
    expect(brandNameKey('Café-Nord, Ltd.')).toBe(brandNameKey('cafe nord ltd'));
  });

  it('drop accents rather than transliterate them, in any case', () => {
    expect(brandNameKey('NÖRTHWIND')).toBe('northwind');
    expect(brandNameKey('Søren & Straße')).toBe('soren strasse');
  });

  it('keep different names apart', () => {
    expect(brandNameKey('Northwind Telecom')).not.toBe(brandNameKey('Northwind Telecoms UK'));
  });

  it.each([
    ['North\u200bwind', 'a zero-width space'],
    ['North\u200dwind', 'a zero-width joiner'],
    ['\ufeffNorthwind\u2060', 'a byte-order mark and a word joiner'],
    ['\u202eNorthwind\u202c', 'a right-to-left override'],
    ['N\u00adorthwind', 'a soft hyphen'],
    ['Nоrthwind', 'a Cyrillic о'],
    ['Νоrthwіnd', 'a Greek Ν, Cyrillic о and і'],
    ['NОRTНWIND', 'Cyrillic capitals О and Н'],
    ['Ｎｏｒｔｈｗｉｎｄ', 'fullwidth letters'],
    ['𝐍𝐨𝐫𝐭𝐡𝐰𝐢𝐧𝐝', 'mathematical bold letters'],
  ])('see %j (%s) as Northwind', (name) => {
    expect(brandNameKey(name)).toBe('northwind');
  });

  it.each([
    ['Crédit Agricole', 'credit agricole'],
    ['Société Générale', 'societe generale'],
    ['Électricité de France', 'electricite de france'],
    ['Ça Va Cafés', 'ca va cafes'],
  ])('keep French names apart from nothing but their accents: %j', (name, key) => {
    expect(brandNameKey(name)).toBe(key);
  });

  it('do not fold digits or letter pairs into letters', () => {
    expect(brandNameKey('O2')).not.toBe(brandNameKey('02'));
    expect(brandNameKey('Modern')).not.toBe(brandNameKey('Modem'));
  });

  it('have no key when the name is only invisible characters or punctuation', () => {
    expect(brandNameKey('\u200b\u200b\u202e')).toBe('');
    expect(brandNameKey('\u3164\u3164')).toBe('');
    expect(brandNameKey('-- !')).toBe('');
  });

  it('make readable slugs from accented names', () => {
    expect(brandSlug('Électricité du Nord')).toBe('electricite-du-nord');
  });
});

describe('brand domains', () => {
  it.each([
    ['https://WWW.Northwind-Telecom.example/support?x=1', 'northwind-telecom.example'],
    ['northwind-telecom.example', 'northwind-telecom.example'],
    ['http://www2.shop.example.', 'shop.example'],
    ['  sub.brand.example/path ', 'sub.brand.example'],
  ])('normalise %s to %s', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each(['', 'not a url', 'localhost', 'http://192.168.1.1/', 'https://'])('refuse %j', (input) => {
    expect(normalizeDomain(input)).toBeNull();
  });
});
