/**
 * A form with images sent over the upload limit (issue #15): rather than a
 * bare 413, the page that holds the form answers 413 itself, with everything
 * typed kept and the reason beside the first file input. The middleware reads
 * the body's text fields as it streams, dropping the files
 * (src/server/multipart-text.ts), and leaves them in `locals.refusedUpload`;
 * the action is then refused by Astro without reading the body (its
 * Content-Length is over `security.actionBodySizeLimit`), and
 * `readFormState` (src/server/forms.ts) turns that refusal into the form's
 * message. A body larger still, or one without a Content-Length, gets the
 * plain 413 page (src/server/request-guards.ts).
 */
import { UPLOAD_MAX_BYTES } from '../domain/evidence.ts';
import { multipartBoundary, readTextFields } from './multipart-text.ts';

/** The most an upload may weigh for its text to be read back; the adapter's body limit (astro.config.mjs). */
export const UPLOAD_DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/** Passwords and tokens are never shown again, whatever the form. */
export const NEVER_ECHOED = /password|token/i;

const ACTION_QUERY = '_action';

/** A multipart form posted to a page's action (`?_action=…`) whose Content-Length is over the limit. */
export function isOversizedFormUpload(request: Request, url: URL): boolean {
  if (request.method !== 'POST' || !url.searchParams.has(ACTION_QUERY) || !request.body) return false;
  if (multipartBoundary(request.headers.get('content-type')) === null) return false;
  const length = Number(request.headers.get('content-length') ?? Number.NaN);
  return Number.isFinite(length) && length > UPLOAD_MAX_BYTES && length <= UPLOAD_DRAIN_MAX_BYTES;
}

/** The text the person typed in the oversized form, files dropped as they stream by. */
export async function readRefusedUpload(request: Request): Promise<Record<string, string>> {
  const boundary = multipartBoundary(request.headers.get('content-type'))!;
  const fields = await readTextFields(request.body!, boundary);
  return Object.fromEntries([...fields].filter(([name]) => !NEVER_ECHOED.test(name)));
}
