/**
 * Requests refused before any page or action sees them. A NUL character
 * cannot be stored in PostgreSQL text, so one in the address or in a form
 * would end as a database error; it is answered 400 with a sentence instead.
 * A body above the limit is answered 413: the adapter throws mid-read past its
 * own limit, which Astro would render as a 500.
 * Multipart bodies are left to the field schemas (they may carry files).
 * On the way out, an action's unexpected error never shows its internals.
 */
import { randomUUID } from 'node:crypto';
import { parse as parseDevalue } from 'devalue';
import { localizePath } from '../domain/languages.ts';
import type { Language } from '../domain/vocabulary.ts';
import { m } from '../i18n/messages.ts';
import { plainLanguage } from './language-choice.ts';
import { logger } from './logger.ts';
import { multipartBoundary } from './multipart-text.ts';
import { UPLOAD_DRAIN_MAX_BYTES } from './oversized-upload.ts';

const NUL_ENCODED = /%00/i;
const NUL = String.fromCharCode(0);
const hasNul = (text: string) => NUL_ENCODED.test(text) || text.includes(NUL);

/** A request carrying a NUL byte in its URL or in a URL-encoded form body. */
export async function carriesNulByte(request: Request): Promise<boolean> {
  if (hasNul(request.url)) return true;
  const type = request.headers.get('content-type') ?? '';
  if (request.method !== 'POST' || !type.startsWith('application/x-www-form-urlencoded')) return false;
  return hasNul(await readTextUpTo(request, MAX_BODY_BYTES));
}

/**
 * A body as text (read from a copy, so the action can read it again), refused
 * past `limitBytes` like the adapter refuses past its own (`exceedsBodyLimit`).
 * Past the limit the rest is drained without being kept, and the original's
 * copy is cancelled so it does not keep it either: the sender finishes sending
 * and reads the 413, and memory holds no more than the limit.
 */
async function readTextUpTo(request: Request, limitBytes: number): Promise<string> {
  const copy = request.clone();
  if (!copy.body) return '';
  let chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  for await (const chunk of copy.body) {
    total += chunk.byteLength;
    if (over) continue;
    if (total > limitBytes) {
      over = true;
      chunks = [];
      // Not awaited: a branch of a tee settles its cancel only once both branches are cancelled.
      void request.body?.cancel().catch(() => {});
      continue;
    }
    chunks.push(chunk);
  }
  if (over) throw new Error(`Body size limit exceeded: more than ${limitBytes} bytes`);
  return Buffer.concat(chunks).toString('utf8');
}

/** No form without files sends more; forms with images are limited by `UPLOAD_MAX_BYTES`. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A short, readable page (no template: this runs before anything else), in the language of the
 * address it was sent to, or Accept-Language's for an address that is no page. Its words are the
 * catalogue's, never anything from the request, yet escaped all the same.
 */
function refusalPage(
  status: number,
  language: Language,
  title: string,
  sentence: string,
  headers: Record<string, string>,
) {
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Likes &amp; Fails</title></head>
<body><main><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(sentence)}</p>
<p><a href="${localizePath('/', language)}">${escapeHtml(m.limit_go_home({}, { locale: language }))}</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function badCharacterResponse(headers: Record<string, string>, language: Language = 'en'): Response {
  const locale = { locale: language };
  return refusalPage(
    400,
    language,
    m.limit_bad_request_title({}, locale),
    m.limit_bad_request_text({}, locale),
    headers,
  );
}

export function tooLargeResponse(headers: Record<string, string>, language: Language = 'en'): Response {
  const locale = { locale: language };
  return refusalPage(
    413,
    language,
    m.limit_too_large_title({}, locale),
    m.limit_too_large_text({}, locale),
    headers,
  );
}

const exceedsBodyLimit = (error: unknown): boolean =>
  /body size limit exceeded/i.test(`${String(error)} ${String((error as { cause?: unknown })?.cause)}`);

/**
 * The 413 or 400 page for a request no page or action should read, or null.
 * A body is too large when its Content-Length says so, or when reading it for
 * the NUL check hits the adapter's limit (a streamed body has no length).
 */
export async function refuseUnreadableRequest(
  request: Request,
  headers: Record<string, string>,
): Promise<Response | null> {
  const length = Number(request.headers.get('content-length') ?? 0);
  // A form with images may weigh more; over its own limit, its page answers 413 with the text kept.
  const limit = multipartBoundary(request.headers.get('content-type'))
    ? UPLOAD_DRAIN_MAX_BYTES
    : MAX_BODY_BYTES;
  const language = plainLanguage(request);
  if (length > limit) return tooLargeResponse(headers, language);
  try {
    return (await carriesNulByte(request)) ? badCharacterResponse(headers, language) : null;
  } catch (error) {
    if (exceedsBodyLimit(error)) return tooLargeResponse(headers, language);
    throw error;
  }
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
    (body) => logger.error({ reference, pathname, body }, 'Unexpected error in an action'),
    () => logger.error({ reference, pathname }, 'Unexpected error in an action'),
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

/**
 * An action called directly (`/_actions/<name>`, as a script or an attacker would) that refused:
 * its result says `{ ok: false, status }` (src/domain/forms.ts) while Astro answers 200. The
 * status it carries becomes the HTTP status, so a refusal reads as 401, 403 or 404 on the wire too.
 */
export async function statusOfRefusedAction(pathname: string, response: Response): Promise<Response> {
  if (!pathname.startsWith('/_actions/') || response.status !== 200) return response;
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json+devalue')) return response;
  const body = await response.text();
  let status: number | null = null;
  try {
    const result = parseDevalue(body) as { ok?: unknown; status?: unknown } | null;
    if (result && result.ok === false) status = typeof result.status === 'number' ? result.status : 400;
  } catch {
    status = null;
  }
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response(body, { status: status ?? 200, headers });
}
