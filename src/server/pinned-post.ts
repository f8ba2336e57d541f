/**
 * An HTTP(S) POST that connects to one IP address chosen beforehand, whatever
 * the name in the URL resolves to by then. The URL's host still goes in the
 * Host header, the TLS server name and the certificate check, so this is an
 * ordinary request to that site, only pinned to the address that was checked:
 * a DNS answer that changes between the check and the connection (DNS
 * rebinding) cannot move it onto another machine. Redirects are not followed.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

export interface PinnedResponse {
  status: number;
  /** The first characters of the body, for the delivery log. */
  excerpt: string;
}

const EXCERPT_CHARS = 500;

export function postToPinnedAddress(
  url: URL,
  address: string,
  request: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<PinnedResponse> {
  const family = isIP(address);
  if (family === 0) return Promise.reject(new Error(`not an IP address: ${address}`));
  // Node asks with { all: true } when it may try several addresses (happy eyeballs): answer only this one.
  const lookup = ((_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
  const signal = AbortSignal.timeout(request.timeoutMs);
  const send = url.protocol === 'https:' ? https.request : http.request;

  return new Promise((resolve, reject) => {
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'Content-Length': String(Buffer.byteLength(request.body)) },
        lookup,
        // No pooled sockets: a kept-alive connection could outlive the address check.
        agent: false,
        signal,
      },
      (response) => {
        let excerpt = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          excerpt += chunk;
          if (excerpt.length >= EXCERPT_CHARS) response.destroy();
        });
        const finish = () =>
          resolve({ status: response.statusCode ?? 0, excerpt: excerpt.slice(0, EXCERPT_CHARS) });
        response.on('end', finish);
        response.on('close', finish); // after destroy(); resolving twice is harmless
        response.on('error', finish);
      },
    );
    outgoing.on('error', (error) => reject(signal.aborted ? new Error('Timed out') : error));
    outgoing.end(request.body);
  });
}
