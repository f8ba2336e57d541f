/**
 * Which brand a slug names, remembered by the process: a form post names its brand by slug, and
 * reading it was one round trip of every published post (decision 017). A slug names one brand for
 * good (slugs are never changed or given to another brand), so a remembered id cannot go stale; a
 * brand merged since it was remembered is caught by the write's transaction, which reads the brand
 * row under its lock and follows the merge (`lockAuthorPostingAbout`). Only brands not merged are
 * remembered; a slug that names no brand is read again next time (it may be created meanwhile).
 */
import type { Db } from '../../db/client.ts';
import { getBrandBySlug } from '../../db/queries/brands.ts';

/** Enough for every brand of a large board; past it the oldest entry goes. */
const MAX_REMEMBERED_SLUGS = 20_000;

const brandIds = new Map<string, number>();

/** The id of the brand posts about `slug` go to (a merged brand's kept one), or null when none. */
export async function findPostingBrandId(db: Db, slug: string): Promise<number | null> {
  const remembered = brandIds.get(slug);
  if (remembered !== undefined) return remembered;
  const brand = await getBrandBySlug(db, slug);
  if (!brand) return null;
  if (brand.mergedIntoId !== null) return brand.mergedIntoId;
  if (brandIds.size >= MAX_REMEMBERED_SLUGS) brandIds.delete(brandIds.keys().next().value!);
  brandIds.set(slug, brand.id);
  return brand.id;
}

/** The brand was found merged: its slug is read again next time. */
export function forgetBrandSlug(slug: string): void {
  brandIds.delete(slug);
}
