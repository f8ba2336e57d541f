/**
 * The public address links in mail and feeds point to, when `SITE_URL` is not
 * set: the address the server listens on (`HOST`, `PORT`, as the Node adapter
 * reads them), so `PORT=4401 npm run demo` mails links to port 4401. A
 * wildcard interface (`0.0.0.0`, `::`) is not an address a browser can open:
 * links then say `localhost`.
 */
const DEFAULT_HOST = 'localhost';
const DEFAULT_PORT = '4321';
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);

export function siteUrlFrom(
  siteUrl: string | null | undefined,
  host: string | null | undefined,
  port: string | null | undefined,
): string {
  if (siteUrl) return siteUrl;
  const name = host?.trim() ?? DEFAULT_HOST;
  const reachable = WILDCARD_HOSTS.has(name) ? DEFAULT_HOST : name;
  const bracketed = reachable.includes(':') && !reachable.startsWith('[') ? `[${reachable}]` : reachable;
  return `http://${bracketed}:${port?.trim() || DEFAULT_PORT}`;
}
