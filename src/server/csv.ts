/**
 * Streams CSV from keyset batches (csv-stringify for quoting), so memory stays
 * flat at any size. Every column declares its type, and each value is written
 * by that type, never by what its text looks like: a brand named
 * "2026-01-01 00:00:00 Clockwork" is text, and a negative number is a number.
 *
 * Text cells that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, tab or carriage return) get a leading `'`, as OWASP
 * recommends against CSV injection; numeric columns are never touched.
 */
import { stringify } from 'csv-stringify/sync';
import { clientPacer } from './response-backpressure.ts';

const BATCH_ROWS = 500;

export type CsvColumnType = 'text' | 'number' | 'boolean' | 'timestamp' | 'date';
/** Column name → type, in the order of the file's columns. */
export type CsvColumns = Readonly<Record<string, CsvColumnType>>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** "=HYPERLINK(…)" → "'=HYPERLINK(…)"; other text unchanged. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function broken(type: CsvColumnType, value: unknown): never {
  throw new Error(`CSV export: ${JSON.stringify(value)} is not a ${type}`);
}

/** A database timestamp (a Date, or PostgreSQL's text "2026-01-01 00:00:00.123+00") as ISO 8601 UTC. */
function timestamp(value: unknown): string {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string'
        ? new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'))
        : null;
  if (date === null || Number.isNaN(date.getTime())) broken('timestamp', value);
  return date.toISOString();
}

const WRITERS: Record<CsvColumnType, (value: unknown) => string | number> = {
  text: (value) => escapeFormula(String(value)),
  number: (value) => {
    // numeric and bigint arrive as strings from the drivers
    const number = typeof value === 'number' ? value : Number(value);
    if (
      (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'bigint') ||
      !Number.isFinite(number)
    )
      broken('number', value);
    return number;
  },
  // Spelt out: csv-stringify would write false as "", which reads as missing.
  boolean: (value) => (typeof value === 'boolean' ? String(value) : broken('boolean', value)),
  timestamp,
  date: (value) =>
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? value
        : broken('date', value),
};

/** One row's cells in column order; null and undefined are empty cells whatever the type. */
export function csvCells(columns: CsvColumns, row: Record<string, unknown>): (string | number | null)[] {
  return Object.entries(columns).map(([column, type]) => {
    const value = row[column];
    return value === null || value === undefined ? null : WRITERS[type](value);
  });
}

export function csvStream<Row extends Record<string, unknown>>(
  columns: CsvColumns,
  fetchBatch: (after: Row | null, limit: number) => Promise<Row[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last: Row | null = null;
  let headerSent = false;
  // Captured now, inside the request: the next batch is read only when the client has taken the last.
  const clientReady = clientPacer();
  return new ReadableStream({
    async pull(controller) {
      await clientReady();
      if (!headerSent) {
        controller.enqueue(encoder.encode(stringify([Object.keys(columns)])));
        headerSent = true;
        return;
      }
      const rows = await fetchBatch(last, BATCH_ROWS);
      // Only an empty batch ends the stream: a short one may just be a batch of whole brands.
      if (rows.length === 0) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(stringify(rows.map((row) => csvCells(columns, row)))));
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
