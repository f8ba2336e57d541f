import { readDatabase } from '../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import { cacheTag } from '../../../server/page-cache.ts';
import { getBrandBySlug } from '../../../../db/queries/brands.ts';
import { listPostImages } from '../../../../db/queries/images.ts';
import { listBrandPosts } from '../../../../db/queries/posts.ts';
import { delocalizePath } from '../../../domain/languages.ts';
import { m } from '../../../i18n/messages.ts';
import { paths } from '../../../paths.ts';
import { atomFeed } from '../../../server/feeds.ts';
import { mergedBrandRedirect } from '../../../server/merged-brands.ts';
import { siteUrl } from '../../../server/services.ts';

/**
 * The brand's slug: from the route, or, under `/fr/…` (the middleware's rewrite, decision 014), from
 * the address, since Astro hands a rewritten endpoint the original URL and no params.
 */
function brandSlug(params: Record<string, string | undefined>, url: URL): string {
  if (params['slug']) return params['slug'];
  const match = /^\/brands\/([^/]+)\/feed\.xml$/.exec(delocalizePath(url.pathname).path);
  try {
    return match ? decodeURIComponent(match[1]!) : '';
  } catch {
    return '';
  }
}

export const GET: APIRoute = async ({ locals, params, url }) => {
  const brand = await getBrandBySlug(readDatabase(locals), brandSlug(params, url));
  if (!brand)
    return new Response(m.feed_no_brand(), {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const moved = await mergedBrandRedirect(readDatabase(locals), brand, url, paths.brandFeed);
  if (moved) return moved;
  locals.cacheTags = [cacheTag.brand(brand.id)];
  const page = await listBrandPosts(readDatabase(locals), brand.id, {}, { limit: 50, now: locals.now });
  const images = await listPostImages(
    readDatabase(locals),
    page.items.map((post) => post.id),
  );
  return atomFeed({
    title: m.feed_brand_title({ brand: brand.name }),
    description: m.brandpage_description({ brand: brand.name }),
    path: paths.brand(brand.slug),
    feedPath: paths.brandFeed(brand.slug),
    siteUrl,
    posts: page.items,
    images,
  });
};
