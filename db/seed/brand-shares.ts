/**
 * How synthetic posts are spread over brands. Real boards are skewed: a few
 * household names draw most of the posts and a long tail of brands gets a few
 * each. A Zipf law gives that shape: the brand of rank k draws a share
 * proportional to 1 / k^exponent.
 *
 * With exponent 1 the largest brand holds 1 / H(n) of the posts (H the
 * harmonic number): 12.2 % for 2,000 brands (122,000 of a million posts, the
 * smallest 61), 9.5 % for 20,000 brands, and above 5 % up to ~10^8 brands.
 */
export const ZIPF_EXPONENT = 1;

/**
 * The lower edge of each brand's interval in [0, 1), rank 1 first: a uniform
 * draw `u` falls to brand `width_bucket(u, edges)` (PostgreSQL's binary search).
 */
export function zipfLowerEdges(brandCount: number, exponent: number = ZIPF_EXPONENT): number[] {
  const weights = Array.from({ length: brandCount }, (_, index) => (index + 1) ** -exponent);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const edges: number[] = [];
  let cumulative = 0;
  for (const weight of weights) {
    edges.push(cumulative / total);
    cumulative += weight;
  }
  return edges;
}

/** The expected number of posts of the brand of rank 1 (the largest). */
export function expectedLargestBrandPosts(
  brandCount: number,
  postCount: number,
  exponent: number = ZIPF_EXPONENT,
): number {
  const edges = zipfLowerEdges(brandCount, exponent);
  return postCount * (edges[1] ?? 1);
}
