import { m } from '../../../../i18n/messages.ts';
import { readDatabase } from '../../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import { cacheTag } from '../../../../server/page-cache.ts';
import { getBrandBySlug } from '../../../../../db/queries/brands.ts';
import { getBrandWindowStats } from '../../../../../db/queries/stats.ts';
import { emptyParams } from '../../../../domain/api-params.ts';
import { STAT_WINDOWS } from '../../../../domain/vocabulary.ts';
import { paths } from '../../../../paths.ts';
import { apiError, CORS_HEADERS, handleApi, answer, preflight, queryObject } from '../../../../server/api.ts';
import { mergedBrandRedirect } from '../../../../server/merged-brands.ts';
import { brandView, statsView } from '../../../../server/api-views.ts';
import { siteUrl } from '../../../../server/services.ts';

export const GET: APIRoute = (context) =>
  handleApi(context, async () => {
    emptyParams.parse(queryObject(context.url));
    const brand = await getBrandBySlug(readDatabase(context.locals), context.params.slug ?? '');
    if (!brand) return apiError(404, m.api_no_brand());
    const moved = await mergedBrandRedirect(
      readDatabase(context.locals),
      brand,
      context.url,
      paths.apiBrand,
      CORS_HEADERS,
    );
    if (moved) return moved;
    if (brand.mergedIntoId !== null) return apiError(404, m.api_no_brand());
    context.locals.cacheTags = [cacheTag.brand(brand.id)];
    const windows = await Promise.all(
      STAT_WINDOWS.map((window) => getBrandWindowStats(readDatabase(context.locals), brand.id, window)),
    );
    return answer('getBrand', { data: { ...brandView(brand, siteUrl), stats: windows.map(statsView) } });
  });

export const OPTIONS: APIRoute = preflight;
