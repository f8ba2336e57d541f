/**
 * The API's per-IP limit (300 requests in 5 minutes, src/domain/rate-limits.ts) counts every
 * request, including the ones the shared page cache answers without rendering: a client on its
 * own loopback address gets its 301st answer as a 429 with Retry-After, in JSON, while another
 * address is still served.
 */
import http from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { RATE_LIMITS } from '../../src/domain/rate-limits.ts';

const baseUrl = inject('baseUrl');

type Answer = { status: number; retryAfter: string | null; contentType: string | null; body: string };

function getFrom(localAddress: string, pathAndQuery: string, language = 'en'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${pathAndQuery}`,
      { localAddress, headers: { 'Accept-Language': language } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] ?? null,
            contentType: response.headers['content-type'] ?? null,
            body,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('the API limit per address', () => {
  it('refuses the request after the limit even when the answer is cached, and only for that address', async () => {
    const limit = RATE_LIMITS.apiPerIp.limit;
    const statuses: number[] = [];
    for (let sent = 0; sent < limit; sent += 1) {
      statuses.push((await getFrom('127.0.0.31', '/api/v1/rankings?limit=3')).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);

    const refused = await getFrom('127.0.0.31', '/api/v1/rankings?limit=3', 'fr');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.contentType).toContain('application/json');
    const body = JSON.parse(refused.body) as { error: { status: number; message: string } };
    expect(body.error.status).toBe(429);
    // In the language the client asked for.
    const english = JSON.parse((await getFrom('127.0.0.31', '/api/v1/rankings?limit=3')).body) as typeof body;
    expect(english.error.status).toBe(429);
    expect(body.error.message).toContain('Réessayez');
    expect(english.error.message).toContain('Try again');

    expect((await getFrom('127.0.0.32', '/api/v1/rankings?limit=3')).status).toBe(200);
  });
});
