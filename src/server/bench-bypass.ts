/**
 * The load benchmark's way past the rate limits (`npm run bench:http`). One
 * machine running autocannon and fifty authors looks like an abuser to the
 * per-IP and per-account limits, so the benchmark needs an exemption, and a
 * production deployment must not be able to switch it on by accident.
 *
 * A request is exempt only when all three hold:
 *  1. the server was started with `LF_BENCH_BYPASS_SECRET` of at least 32
 *     characters (a shorter value is ignored, so `=1` or `=true` does nothing);
 *  2. the connection comes from a loopback address — the socket's address
 *     (Astro's `clientAddress`), never a header a proxy or a client could set;
 *  3. the request carries `x-lf-bench-bypass` equal to the secret, compared in
 *     constant time.
 * The benchmark makes a fresh random secret per run; the server warns loudly
 * at start whenever the variable is set (src/server/boot.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const BENCH_BYPASS_HEADER = 'x-lf-bench-bypass';
export const MIN_BENCH_BYPASS_SECRET_LENGTH = 32;

/** 127.0.0.0/8 or ::1, also as an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)) return true;
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/** The secret when it is long enough to count, otherwise null. */
export function usableBenchSecret(secret: string | null | undefined): string | null {
  return secret && secret.length >= MIN_BENCH_BYPASS_SECRET_LENGTH ? secret : null;
}

// Hashing both sides first gives equal lengths, so timingSafeEqual never throws or leaks the length.
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function isRateLimitExempt(
  secret: string | null | undefined,
  clientAddress: string | null,
  headerValue: string | null,
): boolean {
  const usable = usableBenchSecret(secret);
  if (usable === null || headerValue === null) return false;
  // Both checks run, so the answer's timing does not tell which one failed.
  const loopback = isLoopbackAddress(clientAddress);
  const matches = sameSecret(headerValue, usable);
  return loopback && matches;
}

/** For the middleware: reads the socket address (unavailable outside a real request) and the header. */
export function requestIsRateLimitExempt(
  secret: string | null | undefined,
  context: { readonly clientAddress: string; readonly request: Request },
): boolean {
  if (usableBenchSecret(secret) === null) return false;
  let clientAddress: string | null;
  try {
    clientAddress = context.clientAddress;
  } catch {
    clientAddress = null;
  }
  return isRateLimitExempt(secret, clientAddress, context.request.headers.get(BENCH_BYPASS_HEADER));
}

/** What the server prints at start about the variable, or null when it is not set. */
export function describeBenchBypass(secret: string | null | undefined): string | null {
  if (!secret) return null;
  if (usableBenchSecret(secret) === null) {
    return (
      `WARNING: LF_BENCH_BYPASS_SECRET is set but shorter than ${MIN_BENCH_BYPASS_SECRET_LENGTH} ` +
      'characters, so it is ignored. Unset it outside benchmarks.'
    );
  }
  return (
    'WARNING: LF_BENCH_BYPASS_SECRET is set: loopback requests carrying it skip the rate limits. ' +
    'This is for `npm run bench:http` only; never set it on a deployed server.'
  );
}
