/** Streams CSV from keyset batches (csv-stringify for quoting), so memory stays flat at any size. */
import { stringify } from 'csv-stringify/sync';

const BATCH_ROWS = 2000;

function cell(value: unknown): string | number | boolean | null {
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return null;
  // csv-stringify would write true as "1" and false as "": spell them out so false is not read as missing.
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(value))
    return new Date(value).toISOString();
  return value as string | number | boolean;
}

export function csvStream<Row extends Record<string, unknown>>(
  columns: readonly string[],
  fetchBatch: (after: Row | null, limit: number) => Promise<Row[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last: Row | null = null;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        controller.enqueue(encoder.encode(stringify([columns])));
        headerSent = true;
        return;
      }
      const rows = await fetchBatch(last, BATCH_ROWS);
      // Only an empty batch ends the stream: a short one may just be a batch of whole brands.
      if (rows.length === 0) {
        controller.close();
        return;
      }
      controller.enqueue(
        encoder.encode(stringify(rows.map((row) => columns.map((column) => cell(row[column]))))),
      );
      last = rows.at(-1)!;
    },
  });
}

export function csvResponse(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
