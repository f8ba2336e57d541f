import { describe, expect, it } from 'vitest';
import { chooseHomeWindow, emptyListReason, needsFallbackNote } from '../../src/domain/home-rankings.ts';

describe('the home page’s best and worst brands', () => {
  it('cover the last 30 days when six brands are ranked there', () => {
    expect(chooseHomeWindow({ '30d': 6, '90d': 9, '12m': 20 }, 3)).toBe('30d');
    expect(needsFallbackNote('30d')).toBe(false);
  });

  it('fall back to 90 days, then 12 months, and say so', () => {
    expect(chooseHomeWindow({ '30d': 1, '90d': 6, '12m': 20 }, 3)).toBe('90d');
    expect(chooseHomeWindow({ '30d': 1, '90d': 5, '12m': 20 }, 3)).toBe('12m');
    expect(needsFallbackNote('90d')).toBe(true);
    expect(needsFallbackNote('12m')).toBe(true);
  });

  it('take the window with the most ranked brands when none fills both lists, the shorter on a tie', () => {
    expect(chooseHomeWindow({ '30d': 0, '90d': 2, '12m': 4 }, 3)).toBe('12m');
    expect(chooseHomeWindow({ '30d': 2, '90d': 2, '12m': 2 }, 3)).toBe('30d');
    expect(chooseHomeWindow({ '30d': 0, '90d': 0, '12m': 0 }, 3)).toBe('30d');
  });

  it('say what is missing instead of showing an empty list', () => {
    expect(emptyListReason('best', 0)).toBe('none-ranked');
    expect(emptyListReason('worst', 0)).toBe('none-ranked');
    expect(emptyListReason('worst', 1)).toBe('all-listed-best');
    expect(emptyListReason('best', 3)).toBe('none-ranked-yet');
  });
});
