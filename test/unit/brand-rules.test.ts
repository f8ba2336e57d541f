import { describe, expect, it } from 'vitest';
import { brandProfileSchema } from '../../src/domain/brand-profile.ts';
import { isAtBrandDomain } from '../../src/domain/claims.ts';
import {
  checkPromiseDate,
  isOverdue,
  outcomeOnNewPromise,
  outcomeOnProposal,
  promiseDeadline,
} from '../../src/domain/promises.ts';
import { isNonPublicAddress, retryDelaySeconds, signWebhook } from '../../src/domain/webhooks.ts';

const at = (iso: string) => new Date(iso);

describe('promise outcomes', () => {
  const promise = { dueOn: '2026-06-14' };

  it('hold until the end of the promised day (UTC)', () => {
    expect(promiseDeadline('2026-06-14')).toEqual(at('2026-06-15T00:00:00Z'));
  });

  it.each([
    ['2026-06-14T23:59:59Z', 'kept'],
    ['2026-06-10T08:00:00Z', 'kept'],
    ['2026-06-15T00:00:00Z', 'broken'],
  ] as const)('a resolution proposed at %s makes it %s', (when, outcome) => {
    expect(outcomeOnProposal(promise, at(when))).toBe(outcome);
  });

  it.each([
    ['2026-06-14T12:00:00Z', 'replaced'],
    ['2026-06-16T12:00:00Z', 'broken'],
  ] as const)('a new date set at %s makes the old promise %s', (when, outcome) => {
    expect(outcomeOnNewPromise(promise, at(when))).toBe(outcome);
  });

  it('become overdue once the day is over, not before', () => {
    expect(isOverdue(promise, at('2026-06-14T23:00:00Z'))).toBe(false);
    expect(isOverdue(promise, at('2026-06-15T00:00:00Z'))).toBe(true);
  });

  it.each([
    ['2026-06-15', null],
    ['2026-09-13', null],
    ['2026-06-14', 'A promise cannot be dated in the past.'],
    ['2026-09-14', 'Promise a date at most 90 days ahead.'],
    ['2026-02-30', 'Give a real date.'],
  ])('may be dated %s → %s', (dueOn, expected) => {
    expect(checkPromiseDate(dueOn, at('2026-06-15T10:00:00Z'))).toBe(expected);
  });
});

describe('brand claims', () => {
  it.each([
    ['alex@northwind.example', 'northwind.example', true],
    ['alex@care.northwind.example', 'northwind.example', true],
    ['alex@evilnorthwind.example', 'northwind.example', false],
    ['alex@northwind.example.evil.test', 'northwind.example', false],
    ['alex@northwind.example', null, false],
  ])('%s at %s → %s', (email, domain, expected) => {
    expect(isAtBrandDomain(email, domain)).toBe(expected);
  });
});

describe('webhooks', () => {
  it('sign "<timestamp>.<body>" with HMAC-SHA256 (checked against a known vector)', () => {
    // Python: hmac.new(b'whsec_test', b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
    expect(signWebhook('whsec_test', 1_700_000_000, '{"a":1}')).toBe(
      'sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
  });

  it('change the signature when the body, the time or the secret changes', () => {
    const base = signWebhook('s1', 100, 'body');
    expect(signWebhook('s1', 100, 'body!')).not.toBe(base);
    expect(signWebhook('s1', 101, 'body')).not.toBe(base);
    expect(signWebhook('s2', 100, 'body')).not.toBe(base);
    expect(base).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('back off exponentially, at most six hours', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([60, 120, 240, 480]);
    expect(retryDelaySeconds(30)).toBe(6 * 3600);
  });

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    // The forms an attacker reaches for: every spelling of a private IPv4 inside IPv6.
    ['[::ffff:127.0.0.1]', true],
    ['::ffff:7f00:1', true], // the same, as the URL parser writes it
    ['::ffff:a9fe:a9fe', true], // 169.254.169.254, the cloud metadata service
    ['::ffff:10.0.0.1', true],
    ['::127.0.0.1', true], // IPv4-compatible
    ['::7f00:1', true],
    ['::a9fe:a9fe', true],
    ['::ffff:0:7f00:1', true], // IPv4-translated (RFC 6145)
    ['64:ff9b::127.0.0.1', true], // NAT64 of loopback
    ['64:ff9b::a9fe:a9fe', true],
    ['64:ff9b:1::1', true], // local-use NAT64: the IPv4 address is not recoverable
    ['2002:7f00:1::', true], // 6to4 of loopback
    ['2002:c0a8:0101::1', true], // 6to4 of 192.168.1.1
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true], // Teredo
    ['0.0.0.0', true],
    ['::', true],
    ['0.1.2.3', true],
    ['100.127.255.254', true], // CGNAT, top of 100.64/10
    ['172.31.255.255', true],
    ['224.0.0.1', true], // multicast
    ['255.255.255.255', true],
    ['ff02::1', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['fc00::1', true],
    ['not an address', true],
    ['', true],
    ['93.184.216.34', false],
    ['100.128.0.1', false], // just past CGNAT
    ['172.32.0.1', false], // just past 172.16/12
    ['2606:4700::1111', false],
    ['::ffff:93.184.216.34', false], // mapped, but of a public address
    ['64:ff9b::5db8:d822', false], // NAT64 of 93.184.216.34
  ])('treat %s as non-public: %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});

describe('the brand profile form', () => {
  it('accepts a full profile and drops empty fields', () => {
    const parsed = brandProfileSchema.parse({
      brandSlug: 'acme',
      description: ' We sell anvils. ',
      website: 'https://acme.example',
      sector: 'retail',
      phone: '+00 1 555 0100',
      email: 'care@acme.example',
      chatUrl: '',
      openingHours: 'Mon–Fri 9–17',
      x: '@acme',
    });
    expect(parsed).toMatchObject({
      description: 'We sell anvils.',
      chatUrl: null,
      x: '@acme',
      facebook: null,
    });
  });

  it.each([
    [{ chatUrl: 'javascript:alert(1)' }, 'chatUrl'],
    [{ phone: 'call us maybe' }, 'phone'],
    [{ email: 'nope' }, 'email'],
    [{ website: 'not a site' }, 'website'],
  ])('refuses %o', (change, field) => {
    const result = brandProfileSchema.safeParse({ brandSlug: 'acme', sector: 'retail', ...change });
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});
