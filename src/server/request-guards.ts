/**
 * Requests refused before any page or action sees them. A NUL character
 * cannot be stored in PostgreSQL text, so one in the address or in a form
 * would end as a database error; it is answered 400 with a sentence instead.
 * Multipart bodies are left to the field schemas (they may carry files).
 * On the way out, an action's unexpected error never shows its internals.
 */
import { randomUUID } from 'node:crypto';

const NUL_ENCODED = /%00/i;
const NUL = String.fromCharCode(0);
const hasNul = (text: string) => NUL_ENCODED.test(text) || text.includes(NUL);

/** A request carrying a NUL byte in its URL or in a URL-encoded form body. */
export async function carriesNulByte(request: Request): Promise<boolean> {
  if (hasNul(request.url)) return true;
  const type = request.headers.get('content-type') ?? '';
  if (request.method !== 'POST' || !type.startsWith('application/x-www-form-urlencoded')) return false;
  const body = await request.clone().text();
  return hasNul(body);
}

/** A short, readable 400 page (no template: this runs before anything else). */
export function badCharacterResponse(headers: Record<string, string>): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Unreadable request · Likes &amp; Fails</title></head>
<body><main><h1>This request cannot be read</h1>
<p>The address or the form contained a NUL character, which we cannot store. Remove it and try again.</p>
<p><a href="/">Go to the latest likes and fails</a></p></main></body></html>`;
  return new Response(html, {
    status: 400,
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * An action called directly (`/_actions/…`, JSON) that failed unexpectedly
 * answers Astro's error shape with the original message (SQL and parameters
 * included): keep the status, replace the message by a reference, log the rest.
 */
export function scrubActionError(pathname: string, response: Response): Response {
  if (!pathname.startsWith('/_actions/') || response.status < 500) return response;
  const reference = randomUUID().slice(0, 8);
  void response.text().then(
    (body) => console.error(`[${reference}] Unexpected error in ${pathname}: ${body}`),
    () => console.error(`[${reference}] Unexpected error in ${pathname}`),
  );
  const body = {
    type: 'AstroActionError',
    code: 'INTERNAL_SERVER_ERROR',
    status: response.status,
    message: `Something went wrong on our side and nothing was saved. Reference ${reference}.`,
  };
  const headers = new Headers(response.headers);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  headers.delete('Content-Length');
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
