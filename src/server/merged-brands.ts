/**
 * A merged duplicate's addresses keep working (DESIGN §2, brand merges): its
 * page, feed, badge and API answer 301 to the same address of the brand it
 * was merged into, query string kept.
 */
import type { Db } from '../../db/client.ts';
import { getBrandSlug } from '../../db/queries/brands.ts';

/** The 301 for a merged brand, or null when the brand is not merged (or its target is gone). */
export async function mergedBrandRedirect(
  db: Db,
  brand: { mergedIntoId: number | null },
  url: URL,
  pathFor: (slug: string) => string,
  headers: Record<string, string> = {},
): Promise<Response | null> {
  if (brand.mergedIntoId === null) return null;
  const slug = await getBrandSlug(db, brand.mergedIntoId);
  if (!slug) return null;
  return new Response(null, {
    status: 301,
    headers: { Location: `${pathFor(slug)}${url.search}`, ...headers },
  });
}
