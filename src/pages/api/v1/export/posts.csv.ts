import { readDatabase } from '../../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import {
  POST_EXPORT_COLUMNS,
  postExportBatch,
  type PostExportRow,
} from '../../../../../db/queries/exports.ts';
import { handleApi } from '../../../../server/api.ts';
import { csvResponse, csvStream } from '../../../../server/csv.ts';

export const GET: APIRoute = (context) =>
  handleApi(context, async () =>
    csvResponse(
      csvStream<PostExportRow>(POST_EXPORT_COLUMNS, (after, limit) =>
        postExportBatch(readDatabase(context.locals), after ? Number(after.id) : 0, limit),
      ),
      'likes-and-fails-posts.csv',
    ),
  );
