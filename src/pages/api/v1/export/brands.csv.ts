import { readDatabase } from '../../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import { BRAND_EXPORT_COLUMNS, brandExportBatch } from '../../../../../db/queries/exports.ts';
import { handleApi } from '../../../../server/api.ts';
import { csvResponse, csvStream } from '../../../../server/csv.ts';

// Four rows per brand (one per window); each batch takes whole brands, paging on the slug.
export const GET: APIRoute = (context) =>
  handleApi(context, async () =>
    csvResponse(
      csvStream<Record<string, unknown>>(BRAND_EXPORT_COLUMNS, (after, limit) =>
        brandExportBatch(
          readDatabase(context.locals),
          after ? String(after['slug']) : '',
          Math.ceil(limit / 4),
        ),
      ),
      'likes-and-fails-brands.csv',
    ),
  );
