import { describe, expect, it } from 'vitest';
import { chooseHomeWindow, emptyListNote, fallbackNote } from '../../src/domain/home-rankings.ts';

describe('the home page’s best and worst brands', () => {
  it('cover the last 30 days when six brands are ranked there', () => {
    expect(chooseHomeWindow({ '30d': 6, '90d': 9, '12m': 20 }, 3)).toBe('30d');
    expect(fallbackNote('30d')).toBeNull();
  });

  it('fall back to 90 days, then 12 months, and say so', () => {
    expect(chooseHomeWindow({ '30d': 1, '90d': 6, '12m': 20 }, 3)).toBe('90d');
    expect(chooseHomeWindow({ '30d': 1, '90d': 5, '12m': 20 }, 3)).toBe('12m');
    expect(fallbackNote('90d')).toContain('cover the last 90 days');
    expect(fallbackNote('12m')).toContain('cover the last 12 months');
  });

  it('take the window with the most ranked brands when none fills both lists, the shorter on a tie', () => {
    expect(chooseHomeWindow({ '30d': 0, '90d': 2, '12m': 4 }, 3)).toBe('12m');
    expect(chooseHomeWindow({ '30d': 2, '90d': 2, '12m': 2 }, 3)).toBe('30d');
    expect(chooseHomeWindow({ '30d': 0, '90d': 0, '12m': 0 }, 3)).toBe('30d');
  });

  it('say what is missing instead of showing an empty list', () => {
    expect(emptyListNote('best', 0, '12m')).toBe(
      'No brand has the 10 posts a ranking needs over the last 12 months yet.',
    );
    expect(emptyListNote('worst', 0, '12m')).toBe(emptyListNote('best', 0, '12m'));
    expect(emptyListNote('worst', 1, '12m')).toBe(
      'Only 1 brand is ranked over the last 12 months, all listed as the best: not enough for a worst list yet.',
    );
    expect(emptyListNote('worst', 3, '90d')).toContain('Only 3 brands are ranked over the last 90 days');
  });
});
