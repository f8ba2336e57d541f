/**
 * The text fields of a multipart form body, read as it streams: file parts
 * are skipped chunk by chunk and never held, so an upload over the limit
 * (answered 413, src/server/oversized-upload.ts) costs a few kilobytes of
 * memory however large it is, and the page can still show what was typed.
 */

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 8 * 1024;

interface Part {
  name: string;
  /** File parts are skipped: only their name is known. */
  isFile: boolean;
  chunks: Buffer[];
  bytes: number;
}

function parsePartHeaders(text: string): { name: string; isFile: boolean } | null {
  const disposition = text.split('\r\n').find((line) => /^content-disposition:/i.test(line));
  if (!disposition) return null;
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return null;
  return { name, isFile: /\bfilename\*?=/i.test(disposition) };
}

/** The boundary of a `multipart/form-data` content type, or null. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const match = /\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/**
 * Reads `body` to its end and answers its text fields (the first value of
 * each name). At most `maxTextBytes` of text are kept: past that, fields are
 * dropped. A malformed body answers what was read before the fault.
 */
export async function readTextFields(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  maxTextBytes = 256 * 1024,
): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The body opens with "--boundary": a leading CRLF makes every delimiter look alike.
  let pending: Buffer = Buffer.from(CRLF);
  let part: Part | null = null;
  let inHeaders = false;
  let textBytes = 0;
  let done = false;

  const keep = (bytes: Buffer) => {
    if (!part || part.isFile || bytes.length === 0) return;
    textBytes += bytes.length;
    if (textBytes > maxTextBytes) return;
    // A copy: `pending` is a view that later chunks replace.
    const chunk = Buffer.from(bytes);
    part.chunks.push(chunk);
    part.bytes += chunk.length;
  };
  const close = () => {
    if (part && !part.isFile && !fields.has(part.name) && textBytes <= maxTextBytes)
      fields.set(part.name, Buffer.concat(part.chunks).toString('utf8'));
    part = null;
  };

  /** Consumes what `pending` allows; false when it needs more bytes. */
  const step = (): boolean => {
    if (inHeaders) {
      const end = pending.indexOf(HEADERS_END);
      if (end === -1) {
        if (pending.length > MAX_HEADER_BYTES) done = true;
        return false;
      }
      const headers = parsePartHeaders(pending.subarray(0, end).toString('utf8'));
      pending = pending.subarray(end + HEADERS_END.length);
      inHeaders = false;
      part = headers
        ? { ...headers, chunks: [], bytes: 0 }
        : { name: '', isFile: true, chunks: [], bytes: 0 };
      return true;
    }
    const at = pending.indexOf(delimiter);
    if (at === -1) {
      // Everything but a tail that could be the start of a delimiter belongs to the current part.
      const safe = Math.max(0, pending.length - delimiter.length + 1);
      keep(pending.subarray(0, safe));
      pending = pending.subarray(safe);
      return false;
    }
    if (pending.length < at + delimiter.length + 2) return false;
    keep(pending.subarray(0, at));
    close();
    const after = pending.subarray(at + delimiter.length, at + delimiter.length + 2).toString('latin1');
    pending = pending.subarray(at + delimiter.length + 2);
    if (after === '--') done = true;
    else inHeaders = true;
    return true;
  };

  const reader = body.getReader();
  try {
    while (!done) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      pending = pending.length === 0 ? Buffer.from(value) : Buffer.concat([pending, value]);
      while (!done && step());
    }
  } finally {
    // The rest (after the closing delimiter, or after a fault) is not read.
    await reader.cancel().catch(() => {});
  }
  return fields;
}
