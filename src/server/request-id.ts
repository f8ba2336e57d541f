/** The request id of an incoming request: its own `X-Request-Id` when safe, else a new one. */
import { randomBytes } from 'node:crypto';
import { isSafeRequestId } from '../domain/request-id.ts';

export function requestIdFor(incoming: string | null | undefined): string {
  return isSafeRequestId(incoming) ? incoming : randomBytes(9).toString('base64url');
}
