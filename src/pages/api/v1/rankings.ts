import type { APIRoute } from 'astro';
import { rankingParams } from '../../../domain/api-params.ts';
import { handleApi, json, preflight, queryObject } from '../../../server/api.ts';
import { loadRanking } from '../../../server/rankings.ts';

export const GET: APIRoute = (context) =>
  handleApi(context, async () => {
    const params = rankingParams.parse(queryObject(context.url));
    const ranking = await loadRanking(context.locals.db, params);
    return json({
      window: params.window,
      sort: params.sort,
      data: ranking.slice(0, params.limit).map((brand, index) => ({
        rank: brand.score.ranked ? index + 1 : null,
        slug: brand.slug,
        name: brand.name,
        sector: brand.sector,
        country: brand.country,
        verified: brand.verified,
        score: brand.score,
        figures: brand.figures,
      })),
    });
  });

export const OPTIONS: APIRoute = preflight;
