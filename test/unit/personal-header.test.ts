/**
 * The header regions that depend on the reader: escaped user text, the links a
 * reader's role gives, and the splice that puts them into a shared page.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { markedRegion, personalRegions, readerOf } from '../../src/markup/personal-header.ts';
import type { CachedPage } from '../../src/server/page-cache.ts';
import { personalResponse, spliceRegions } from '../../src/server/personal-pages.ts';

const options = {
  here: '/brands/northwind',
  logoutAction: '/logout?_action=logout',
  accountIsCurrent: false,
};
const hostile = '<img src=x onerror=alert(1)>"\'&';

describe('the personal header regions', () => {
  it('offer log-in (back to the page) and sign-up to a signed-out reader', () => {
    const { account, banner } = personalRegions(null, options);
    expect(account).toContain('href="/login?next=%2Fbrands%2Fnorthwind"');
    expect(account).toContain('Sign up');
    expect(banner).toBe('');
  });

  it('escape the reader’s name and e-mail, never writing them as markup', () => {
    const reader = readerOf(
      { displayName: hostile, email: `${hostile}@x.example`, emailVerifiedAt: null, role: 'customer' },
      [{ brandSlug: 'north"wind', brandName: hostile }],
    );
    const { account, banner } = personalRegions(reader, options);
    for (const html of [account, banner]) {
      expect(html).not.toContain('<img');
      expect(html).not.toContain('"\'&<');
    }
    expect(account).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    expect(banner).toContain('Confirm your e-mail address');
  });

  it('link each team’s inbox and, for moderators, the moderation queue', () => {
    const reader = readerOf(
      { displayName: 'Marie', email: 'm@x.example', emailVerifiedAt: new Date(), role: 'moderator' },
      [{ brandSlug: 'northwind', brandName: 'Northwind' }],
    );
    const { account, banner } = personalRegions(reader, options);
    expect(account).toContain('href="/brand/northwind/inbox"');
    expect(account).toContain('Inbox · Northwind');
    expect(account).toContain('href="/moderation"');
    expect(account).toContain('action="/logout?_action=logout"');
    expect(banner).toBe('');
  });

  it('splice into a page only between their markers, and refuse a page without them', () => {
    const page = `<header>${markedRegion('account', 'OUT')}</header>${markedRegion('banner', '')}<main>OUT</main>`;
    const spliced = spliceRegions(page, { account: 'IN', banner: '<div>B</div>' });
    expect(spliced).toBe(
      `<header>${markedRegion('account', 'IN')}</header>${markedRegion('banner', '<div>B</div>')}<main>OUT</main>`,
    );
    expect(spliceRegions('<main>no markers</main>', { account: 'IN', banner: '' })).toBeNull();
  });

  it('make a private copy, gzipped when the reader accepts it, that unzips to the spliced page', async () => {
    const html = `<header>${markedRegion('account', 'OUT')}</header>${markedRegion('banner', '')}<main>${'A shared page. '.repeat(200)}</main>`;
    const page: CachedPage = {
      headers: [['content-type', 'text/html; charset=utf-8']],
      body: new TextEncoder().encode(html),
      hash: 'h',
      codings: {},
      tags: ['board'],
      storedAtMilliseconds: 0,
      shareable: true,
    };
    const regions = { account: 'Marie', banner: '' };
    const expected = spliceRegions(html, regions);
    const zipped = await personalResponse(
      new Request('http://board.example/', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }),
      page,
      regions,
    );
    expect(zipped?.headers.get('content-encoding')).toBe('gzip');
    expect(zipped?.headers.get('cache-control')).toBe('private, no-store');
    expect(gunzipSync(Buffer.from(await zipped!.arrayBuffer())).toString('utf8')).toBe(expected);
    const plain = await personalResponse(new Request('http://board.example/'), page, regions);
    expect(plain?.headers.get('content-encoding')).toBeNull();
    expect(await plain!.text()).toBe(expected);
  });
});
