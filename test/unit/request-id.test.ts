import { describe, expect, it } from 'vitest';
import { isSafeRequestId, loggablePath } from '../../src/domain/request-id.ts';
import { requestIdFor } from '../../src/server/request-id.ts';
import { siteUrlFrom } from '../../src/domain/site-url.ts';

describe('request ids', () => {
  it.each(['abc123', 'req-4f2a9c', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'A.b_c-D'.padEnd(64, 'x')])(
    'reuses the incoming id %s, a short plain token',
    (id) => {
      expect(isSafeRequestId(id)).toBe(true);
      expect(requestIdFor(id)).toBe(id);
    },
  );

  it.each(['', 'abc', 'x'.repeat(65), '<script>', 'a b c d e f', 'id\nforged: 1', 'caf\u00e9-12345'])(
    'replaces the unsafe incoming id %j with a new one',
    (id) => {
      expect(isSafeRequestId(id)).toBe(false);
      const replaced = requestIdFor(id);
      expect(replaced).not.toBe(id);
      expect(replaced).toMatch(/^[A-Za-z0-9_-]{12}$/);
    },
  );

  it('gives two requests without an id two different ids', () => {
    expect(requestIdFor(null)).not.toBe(requestIdFor(null));
  });
});

describe('the path written in the request log', () => {
  it('drops the query string, where tokens and e-mail addresses travel', () => {
    expect(loggablePath('/verify-email?token=abcdef.secret&email=a@b.example')).toBe('/verify-email');
  });

  it('masks a path segment shaped like an id.secret token', () => {
    expect(loggablePath('/team/join/abcdefghijkl.mnopqrstuvwxyz234')).toBe('/team/join/:token');
  });

  it('keeps ordinary paths as they are', () => {
    expect(loggablePath('/brands/northwind-telecom/feed.xml')).toBe('/brands/northwind-telecom/feed.xml');
  });
});

describe('the public address when SITE_URL is not set', () => {
  it('is SITE_URL when it is set', () => {
    expect(siteUrlFrom('https://board.example', '0.0.0.0', '8080')).toBe('https://board.example');
  });

  it('follows HOST and PORT', () => {
    expect(siteUrlFrom(undefined, '127.0.0.1', '4401')).toBe('http://127.0.0.1:4401');
  });

  it('is localhost:4321 when nothing is set, as the server listens', () => {
    expect(siteUrlFrom(undefined, undefined, undefined)).toBe('http://localhost:4321');
  });

  it.each(['0.0.0.0', '::'])('says localhost for the wildcard interface %s', (host) => {
    expect(siteUrlFrom(undefined, host, '4401')).toBe('http://localhost:4401');
  });

  it('brackets an IPv6 address', () => {
    expect(siteUrlFrom(undefined, '::1', '4401')).toBe('http://[::1]:4401');
  });
});
