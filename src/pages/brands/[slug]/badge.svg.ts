import { readDatabase } from '../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import { cacheTag } from '../../../server/page-cache.ts';
import { getBrandBySlug } from '../../../../db/queries/brands.ts';
import { getBrandWindowStats } from '../../../../db/queries/stats.ts';
import { badgeOf } from '../../../domain/badge.ts';
import { badgeSvg } from '../../../markup/badge.ts';
import { paths } from '../../../paths.ts';
import { mergedBrandRedirect } from '../../../server/merged-brands.ts';

export const GET: APIRoute = async ({ locals, params, url }) => {
  const brand = await getBrandBySlug(readDatabase(locals), params.slug ?? '');
  if (!brand)
    return new Response('No such brand.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const moved = await mergedBrandRedirect(readDatabase(locals), brand, url, paths.brandBadge, {
    'Access-Control-Allow-Origin': '*',
  });
  if (moved) return moved;
  locals.cacheTags = [cacheTag.brand(brand.id)];
  const stats = await getBrandWindowStats(readDatabase(locals), brand.id, '12m');
  const badge = badgeOf({
    fails: stats.fails,
    eligible: stats.responseEligible,
    answered: stats.answered,
    medianSeconds: stats.firstResponseMedianSeconds,
  });
  return new Response(badgeSvg(brand.name, badge), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      // Made to be embedded on other sites.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Access-Control-Allow-Origin': '*',
    },
  });
};
