/**
 * Headers every response carries (DESIGN §9). The Content-Security-Policy
 * itself comes from Astro's `security.csp` (astro.config.mjs), which hashes
 * the few styles and scripts Astro emits.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may change state: safe methods always; others only from
 * this site's own pages (its Origin, or Sec-Fetch-Site: same-origin when a
 * browser sends no Origin). Astro checks form posts itself; this also covers
 * JSON bodies and every other content type.
 */
export function isSameOriginRequest(request: Request, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.get('origin');
  if (origin) return allowedOrigins.includes(origin);
  return request.headers.get('sec-fetch-site') === 'same-origin';
}
