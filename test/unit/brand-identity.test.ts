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
