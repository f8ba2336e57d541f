import { readDatabase } from '../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import { listBrandsAfter } from '../../../../db/queries/brands.ts';
import { getStatsForBrands } from '../../../../db/queries/stats.ts';
import { brandListParams } from '../../../domain/api-params.ts';
import { paths } from '../../../paths.ts';
import { handleApi, answer, preflight, queryObject } from '../../../server/api.ts';
import { brandView, statsView } from '../../../server/api-views.ts';
import { siteUrl } from '../../../server/services.ts';

export const GET: APIRoute = (context) =>
  handleApi(context, async () => {
    const params = brandListParams.parse(queryObject(context.url));
    const db = readDatabase(context.locals);
    const rows = await listBrandsAfter(db, params.cursor ?? null, params.limit + 1, params.sector ?? null);
    const page = rows.slice(0, params.limit);
    const stats = await getStatsForBrands(
      db,
      page.map((brand) => brand.id),
      params.window,
    );
    const next = rows.length > params.limit ? page.at(-1)!.slug : null;
    return answer('listBrands', {
      data: page.map((brand) => {
        const row = stats.find((s) => s.brandId === brand.id);
        return { ...brandView(brand, siteUrl), stats: row ? statsView(row) : null };
      }),
      next: next ? paths.apiBrands({ ...queryObject(context.url), cursor: next }) : null,
    });
  });

export const OPTIONS: APIRoute = preflight;
