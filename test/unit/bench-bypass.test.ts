import { describe, expect, it } from 'vitest';
import {
  BENCH_BYPASS_HEADER,
  describeBenchBypass,
  isLoopbackAddress,
  isRateLimitExempt,
  requestIsRateLimitExempt,
} from '../../src/server/bench-bypass.ts';

const SECRET = 'b'.repeat(20) + '0123456789abcdef'; // 36 characters

describe('the benchmark bypass of the rate limits', () => {
  it('accepts the right secret from a loopback address', () => {
    expect(isRateLimitExempt(SECRET, '127.0.0.1', SECRET)).toBe(true);
    expect(isRateLimitExempt(SECRET, '::1', SECRET)).toBe(true);
    expect(isRateLimitExempt(SECRET, '::ffff:127.0.0.1', SECRET)).toBe(true);
    expect(isRateLimitExempt(SECRET, '127.10.20.30', SECRET)).toBe(true);
  });

  it('ignores a secret shorter than 32 characters, even when the header matches', () => {
    const short = 'x'.repeat(31);
    expect(isRateLimitExempt(short, '127.0.0.1', short)).toBe(false);
    expect(isRateLimitExempt('', '127.0.0.1', '')).toBe(false);
    expect(isRateLimitExempt(null, '127.0.0.1', SECRET)).toBe(false);
  });

  it('refuses a wrong or missing header', () => {
    expect(isRateLimitExempt(SECRET, '127.0.0.1', SECRET.slice(0, -1))).toBe(false);
    expect(isRateLimitExempt(SECRET, '127.0.0.1', `${SECRET}x`)).toBe(false);
    expect(isRateLimitExempt(SECRET, '127.0.0.1', 'wrong')).toBe(false);
    expect(isRateLimitExempt(SECRET, '127.0.0.1', null)).toBe(false);
  });

  it('refuses the right secret from an address that is not loopback', () => {
    expect(isRateLimitExempt(SECRET, '10.0.0.1', SECRET)).toBe(false);
    expect(isRateLimitExempt(SECRET, '203.0.113.7', SECRET)).toBe(false);
    expect(isRateLimitExempt(SECRET, '::ffff:192.168.1.2', SECRET)).toBe(false);
    expect(isRateLimitExempt(SECRET, '128.0.0.1', SECRET)).toBe(false);
    expect(isRateLimitExempt(SECRET, null, SECRET)).toBe(false);
  });

  it('knows the loopback addresses', () => {
    expect(['127.0.0.1', '127.255.255.254', '::1', '::FFFF:127.0.0.1'].map(isLoopbackAddress)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['127.0.0.1.evil', 'localhost', '::2', '1.127.0.0.1', ''].map(isLoopbackAddress)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('reads the socket address, not a forwarded header, from a request', () => {
    const request = (headers: Record<string, string>) => new Request('http://localhost/', { headers });
    const remote = {
      clientAddress: '198.51.100.4',
      request: request({ [BENCH_BYPASS_HEADER]: SECRET, 'x-forwarded-for': '127.0.0.1' }),
    };
    const local = { clientAddress: '127.0.0.1', request: request({ [BENCH_BYPASS_HEADER]: SECRET }) };
    const noAddress = {
      get clientAddress(): string {
        throw new Error('clientAddress is not available here');
      },
      request: request({ [BENCH_BYPASS_HEADER]: SECRET }),
    };
    expect(requestIsRateLimitExempt(SECRET, remote)).toBe(false);
    expect(requestIsRateLimitExempt(SECRET, local)).toBe(true);
    expect(requestIsRateLimitExempt(SECRET, noAddress)).toBe(false);
    expect(requestIsRateLimitExempt(undefined, local)).toBe(false);
  });

  it('warns whenever the variable is set, and says when it is ignored', () => {
    expect(describeBenchBypass(undefined)).toBeNull();
    expect(describeBenchBypass(SECRET)).toMatch(/skip the rate limits/);
    expect(describeBenchBypass('short')).toMatch(/ignored/);
  });
});
