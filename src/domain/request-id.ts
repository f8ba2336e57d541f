/**
 * Request ids: one per request, logged with it, echoed in `X-Request-Id` and
 * shown on the error page so a reader can quote it. An id that came with the
 * request (from a proxy) is reused only when it is a short plain token: it is
 * written into logs and pages, so anything longer or with other characters is
 * replaced by one of ours.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{6,64}$/;

export function isSafeRequestId(value: string | null | undefined): value is string {
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value);
}

// A path segment that looks like an `id.secret` token (invitations, claims): never logged.
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/;

/** The path of a request URL for the log: no query string (tokens, e-mails) and no token segments. */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? ':token' : segment))
    .join('/')
    .slice(0, 300);
}
