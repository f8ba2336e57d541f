import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../src/domain/next-path.ts';

describe('where to go after logging in', () => {
  it.each([
    ['/', '/'],
    ['/posts/1', '/posts/1'],
    ['/posts/1?x=1#a', '/posts/1?x=1#a'],
    ['/brands/northwind-telecom?window=90d', '/brands/northwind-telecom?window=90d'],
    ['/new?brand=caf%C3%A9-nord', '/new?brand=caf%C3%A9-nord'],
    ['/marques/café', '/marques/caf%C3%A9'], // non-ASCII comes back encoded: safe in a Location header
    ['/a/../posts/1', '/posts/1'],
  ])('accepts the same-site path %j as %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    ['//evil.example', 'protocol-relative'],
    ['//evil.example/posts/1', 'protocol-relative with a path'],
    ['/\\evil.example', 'a backslash that browsers read as a slash'],
    ['\\\\evil.example', 'two backslashes'],
    ['/\t/evil.example', 'a tab that browsers drop (/%09/evil.example once decoded)'],
    ['/%09/evil.example', 'a tab still encoded'],
    ['/\n/evil.example', 'a line feed'],
    ['/\r\nSet-Cookie: a=b', 'a header injection'],
    ['/%0d%0aSet-Cookie:%20a=b', 'an encoded header injection'],
    ['/%2F/evil.example', 'an encoded second slash'],
    ['/%5Cevil.example', 'an encoded backslash'],
    ['/ /evil.example', 'a space'],
    ['/\u00a0/evil.example', 'a no-break space'],
    ['/\u2028/evil.example', 'a line separator'],
    ['/\u200b/evil.example', 'a zero-width space'],
    ['/\u0000', 'NUL'],
    ['/%', 'a broken escape'],
    ['https://evil.example', 'an absolute URL'],
    ['https:/evil.example', 'a scheme with one slash'],
    ['http:evil.example', 'a scheme without slashes'],
    ['javascript:alert(1)', 'a script'],
    ['JaVaScRiPt:alert(1)', 'a script in mixed case'],
    ['data:text/html,<b>hi</b>', 'a data URL'],
    ['evil.example', 'a relative name'],
    ['posts/1', 'a relative path'],
    ['?next=//evil', 'a query alone'],
    ['', 'empty'],
    [null, 'absent'],
    [undefined, 'undefined'],
    [`/${'a'.repeat(600)}`, 'too long'],
  ])('refuses %j (%s)', (next, _why) => {
    expect(safeNextPath(next)).toBe('/');
  });
});
