import { m } from '../../../i18n/messages.ts';
import { readDatabase } from '../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import { rankingParams } from '../../../domain/api-params.ts';
import { paths } from '../../../paths.ts';
import { apiError, handleApi, answer, preflight, queryObject } from '../../../server/api.ts';
import { loadRankingPage, positionInRanking } from '../../../server/rankings.ts';

export const GET: APIRoute = (context) =>
  handleApi(context, async () => {
    const params = rankingParams.parse(queryObject(context.url));
    const db = readDatabase(context.locals);
    // The cursor is the last slug of the previous page: find its position, then read one page (+1 to
    // know whether another follows).
    const position = params.cursor ? await positionInRanking(db, params, params.cursor) : -1;
    if (position === null) return apiError(400, m.api_bad_cursor());
    const start = position + 1;
    const rows = await loadRankingPage(db, params, { offset: start, limit: params.limit + 1 });
    const page = rows.slice(0, params.limit);
    const hasMore = rows.length > params.limit;
    return answer('listRankings', {
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
      next: hasMore ? paths.apiRankings({ ...queryObject(context.url), cursor: page.at(-1)!.slug }) : null,
    });
  });

export const OPTIONS: APIRoute = preflight;
