import type { APIRoute } from 'astro';
import { rankingParams } from '../../../domain/api-params.ts';
import { apiError, handleApi, json, preflight, queryObject } from '../../../server/api.ts';
import { loadRanking } from '../../../server/rankings.ts';

export const GET: APIRoute = (context) =>
  handleApi(context, async () => {
    const params = rankingParams.parse(queryObject(context.url));
    const ranking = await loadRanking(context.locals.db, params);
    const start = params.after ? ranking.findIndex((brand) => brand.slug === params.after) + 1 : 0;
    if (params.after && start === 0)
      return apiError(400, 'Invalid parameters. after: not a brand of this ranking');
    const page = ranking.slice(start, start + params.limit);
    const hasMore = start + params.limit < ranking.length;
    return json({
      window: params.window,
      sort: params.sort,
      data: page.map((brand, index) => ({
        rank: brand.score.ranked ? start + index + 1 : null,
        slug: brand.slug,
        name: brand.name,
        sector: brand.sector,
        country: brand.country,
        verified: brand.verified,
        score: brand.score,
        figures: brand.figures,
      })),
      next: hasMore
        ? `/api/v1/rankings?${new URLSearchParams({ ...queryObject(context.url), after: page.at(-1)!.slug })}`
        : null,
    });
  });

export const OPTIONS: APIRoute = preflight;
