import { describe, expect, it } from 'vitest';
import {
  bestPositions,
  compareShortfall,
  matchCompareTerms,
  readCompareTerms,
} from '../../src/domain/compare.ts';

const brand = (slug: string, name: string, nameKey: string) => ({ slug, name, nameKey });
const KNOWN = [
  brand('northwind-telecom', 'Northwind Telecom', 'northwind telecom'),
  brand('vantrel-mobile', 'Vantrel Mobile', 'vantrel mobile'),
  brand('a', 'A', 'a'),
  brand('b', 'B', 'b'),
  brand('c', 'C', 'c'),
];

describe('compare: reading and matching what the reader typed', () => {
  it('reads the shareable list and the form inputs in order, without blanks or repeats', () => {
    const params = new URLSearchParams(
      'brands=northwind-telecom, ,Vantrel Mobile&brand=&brand=vantrel  mobile&brand=c',
    );
    expect(readCompareTerms(params)).toEqual(['northwind-telecom', 'Vantrel Mobile', 'c']);
  });

  it('matches a term by slug or by name whatever its case and accents', () => {
    const matches = matchCompareTerms(['NORTHWIND-TELECOM', 'Vântrel Mobile'], KNOWN);
    expect(matches.map((match) => match.brand?.slug)).toEqual(['northwind-telecom', 'vantrel-mobile']);
  });

  it('says which name matches no brand', () => {
    const [match] = matchCompareTerms(['Nowhere Ltd'], KNOWN);
    expect(match).toMatchObject({ brand: null, reason: 'unknown', term: 'Nowhere Ltd' });
  });

  it('refuses a fifth brand with a message naming it instead of dropping it', () => {
    const matches = matchCompareTerms(['a', 'b', 'c', 'northwind-telecom', 'Vantrel Mobile'], KNOWN);
    expect(matches.slice(0, 4).every((match) => match.brand !== null)).toBe(true);
    expect(matches[4]).toMatchObject({ brand: null, reason: 'too-many' });
    expect(matches[4]!.named).toBe('Vantrel Mobile');
  });

  it('refuses the same brand named twice, once by slug and once by name', () => {
    const matches = matchCompareTerms(['vantrel-mobile', 'Vantrel Mobile'], KNOWN);
    expect(matches[1]).toMatchObject({ brand: null, reason: 'repeated', named: 'Vantrel Mobile' });
  });

  it('asks for brands when none is found and for another one when only one is', () => {
    expect(compareShortfall(0)).toBe('none');
    expect(compareShortfall(1)).toBe('too-few');
    expect(compareShortfall(2)).toBeNull();
  });
});

describe('compare: the best value of a row', () => {
  it('is the largest when more is better and the smallest when less is', () => {
    expect([...bestPositions([0.5, 0.9, null], 'higher')]).toEqual([1]);
    expect([...bestPositions([3600, 600, 600], 'lower')]).toEqual([1, 2]);
  });

  it('is none when fewer than two values exist or all are equal', () => {
    expect(bestPositions([0.5, null], 'higher').size).toBe(0);
    expect(bestPositions([0.5, 0.5], 'higher').size).toBe(0);
  });
});
