import { describe, expect, it } from 'vitest';
import { expectedLargestBrandPosts, zipfLowerEdges } from '../../db/seed/brand-shares.ts';

describe('the synthetic brands’ share of posts', () => {
  it('gives the largest of 2,000 brands at least 50,000 of a million posts', () => {
    expect(expectedLargestBrandPosts(2_000, 1_000_000)).toBeGreaterThanOrEqual(50_000);
  });

  it.each([10, 50, 500, 2_000, 20_000, 200_000])('gives the largest of %i brands at least 5 %%', (brands) => {
    expect(expectedLargestBrandPosts(brands, 1)).toBeGreaterThanOrEqual(0.05);
  });

  it('starts at 0 and rises, so width_bucket maps a draw in [0, 1) to a brand', () => {
    const edges = zipfLowerEdges(2_000);
    expect(edges[0]).toBe(0);
    expect(edges.every((edge, index) => index === 0 || edge > edges[index - 1]!)).toBe(true);
    expect(edges.at(-1)).toBeLessThan(1);
  });
});
