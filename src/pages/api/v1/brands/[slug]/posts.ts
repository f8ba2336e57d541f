import { m } from '../../../../../i18n/messages.ts';
import { readDatabase } from '../../../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import { cacheTag } from '../../../../../server/page-cache.ts';
import { getBrandBySlug } from '../../../../../../db/queries/brands.ts';
import { listBrandPosts } from '../../../../../../db/queries/posts.ts';
import { brandPostsParams } from '../../../../../domain/api-params.ts';
import { decodeCursor, encodeCursor } from '../../../../../domain/cursor.ts';
import { paths } from '../../../../../paths.ts';
import {
  apiError,
  CORS_HEADERS,
  handleApi,
  answer,
  preflight,
  queryObject,
} from '../../../../../server/api.ts';
import { mergedBrandRedirect } from '../../../../../server/merged-brands.ts';
import { postSummaryView } from '../../../../../server/api-views.ts';
import { siteUrl } from '../../../../../server/services.ts';

export const GET: APIRoute = (context) =>
  handleApi(context, async () => {
    const params = brandPostsParams.parse(queryObject(context.url));
    const { now } = context.locals;
    const db = readDatabase(context.locals);
    const brand = await getBrandBySlug(db, context.params.slug ?? '');
    if (!brand) return apiError(404, m.api_no_brand());
    const moved = await mergedBrandRedirect(db, brand, context.url, paths.apiBrandPosts, CORS_HEADERS);
    if (moved) return moved;
    if (brand.mergedIntoId !== null) return apiError(404, m.api_no_brand());
    context.locals.cacheTags = [cacheTag.brand(brand.id)];
    const page = await listBrandPosts(
      db,
      brand.id,
      { kind: params.kind ?? null, status: params.status ?? null, category: params.category ?? null },
      { cursor: decodeCursor(params.cursor), limit: params.limit, now },
    );
    return answer('listBrandPosts', {
      data: page.items.map((post) => postSummaryView(post, now, siteUrl)),
      next: page.next
        ? paths.apiBrandPosts(brand.slug, { ...queryObject(context.url), cursor: encodeCursor(page.next) })
        : null,
    });
  });

export const OPTIONS: APIRoute = preflight;
