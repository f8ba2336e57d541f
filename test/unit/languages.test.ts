import { describe, expect, it } from 'vitest';
import {
  delocalizePath,
  isFeedPath,
  isPagePath,
  localizePath,
  negotiateLanguage,
} from '../../src/domain/languages.ts';
import { runInLanguage } from '../../src/i18n/request-language.ts';
import { paths } from '../../src/paths.ts';

describe('the language of an address', () => {
  it.each([
    ['/', 'en', '/'],
    ['/about', 'en', '/about'],
    ['/fr', 'fr', '/'],
    ['/fr/', 'fr', '/'],
    ['/fr/posts/12', 'fr', '/posts/12'],
    ['/france', 'en', '/france'],
  ])('%j is in %s, at %j without its prefix', (pathname, language, path) => {
    expect(delocalizePath(pathname)).toEqual({ language, path });
  });

  it('puts French addresses under /fr/ and leaves English ones alone', () => {
    expect(localizePath('/', 'fr')).toBe('/fr/');
    expect(localizePath('/search?q=box#results', 'fr')).toBe('/fr/search?q=box#results');
    expect(localizePath('/about', 'en')).toBe('/about');
  });

  it('never prefixes a protocol-relative or foreign address', () => {
    expect(localizePath('//evil.example/x', 'fr')).toBe('//evil.example/x');
    expect(localizePath('https://example.org/', 'fr')).toBe('https://example.org/');
  });

  it.each(['/api/v1/brands', '/_actions/login', '/live', '/feed.xml', '/brands/x/badge.svg', '/healthz'])(
    'does not treat %j as a page in two languages',
    (path) => {
      expect(isPagePath(path)).toBe(false);
    },
  );

  it.each(['/', '/about', '/brands/northwind', '/posts/3/edit'])('treats %j as a page', (path) => {
    expect(isPagePath(path)).toBe(true);
  });

  it.each(['/feed.xml', '/stories/feed.xml', '/brands/northwind/feed.xml'])(
    'serves the feed %j in both languages',
    (path) => {
      expect(isFeedPath(path)).toBe(true);
    },
  );

  it.each(['/brands/x/badge.svg', '/api/v1/feed.xml', '/brands/a/b/feed.xml', '/feed.xml.bak'])(
    'keeps %j at one address',
    (path) => {
      expect(isFeedPath(path)).toBe(false);
    },
  );
});

describe('negotiating Accept-Language', () => {
  it.each([
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en-GB,en;q=0.9,fr;q=0.8', 'en'],
    ['de-DE, fr;q=0.5', 'fr'],
    ['de, en;q=0.5, fr;q=0.4', 'en'],
    ['fr;q=0, en', 'en'],
    ['FR-ca', 'fr'],
  ])('%j prefers %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it.each([null, '', 'de-DE,de;q=0.9', '*', 'fr;q=abc'])(
    '%j names no language the board speaks',
    (header) => {
      expect(negotiateLanguage(header)).toBeNull();
    },
  );
});

describe('paths in the request language', () => {
  it('gives English pages without a prefix outside a French request', () => {
    expect(paths.about()).toBe('/about');
    expect(paths.login('/posts/1')).toBe('/login?next=%2Fposts%2F1');
  });

  it('prefixes every page in a French request', () => {
    runInLanguage('fr', () => {
      expect(paths.home()).toBe('/fr/');
      expect(paths.post(12)).toBe('/fr/posts/12');
      expect(paths.brand('café', { window: '90d' })).toBe('/fr/brands/caf%C3%A9?window=90d');
      expect(paths.done(paths.post(12), 'me-too')).toMatch(/^\/fr\/posts\/12\?done=me-too/);
    });
  });

  it('keeps the API and assets at one address in every language; feeds follow it, the badge asks', () => {
    runInLanguage('fr', () => {
      expect(paths.apiBrand('x')).toBe('/api/v1/brands/x');
      expect(paths.feed()).toBe('/fr/feed.xml');
      expect(paths.brandFeed('x')).toBe('/fr/brands/x/feed.xml');
      expect(paths.storiesFeed()).toBe('/fr/stories/feed.xml');
      expect(paths.brandBadge('x')).toBe('/brands/x/badge.svg');
      expect(paths.brandBadge('x', 'fr')).toBe('/brands/x/badge.svg?lang=fr');
      expect(paths.live({ post: 3 })).toBe('/live?post=3');
      expect(paths.accountExport()).toBe('/account/export.json');
    });
  });

  it('gives the same page in the other language for the switch', () => {
    expect(paths.inLanguage('/search?q=box', 'fr')).toBe('/fr/search?q=box');
    expect(paths.inLanguage('/search?q=box', 'en')).toBe('/search?q=box');
  });
});
