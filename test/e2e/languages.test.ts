/**
 * French and English (decision 014), in Chromium against the built server: the translated pages
 * under /fr/ show no English sentence of the catalogue, say lang="fr", offer hreflang alternates
 * and a switch that keeps the page; a French browser's first visit lands on /fr/; two requests in
 * different languages served at once do not mix.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser.ts';
import { englishSentences, visibleText } from './french-text.ts';
import { sessionFor } from './hostile-http.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const TRANSLATED_FOR_READERS = [
  '/fr/about',
  '/fr/methodology',
  '/fr/guidelines',
  '/fr/login',
  '/fr/signup',
  '/fr/reset-password',
  '/fr/verify-email',
  '/fr/claim/confirm?token=not-a-token',
  '/fr/team/join?token=not-a-token',
  '/fr/no-such-page',
];
/** The readers' pages (issue #14), checked with axe too; several addresses for their different states. */
const READERS_PAGES = [
  '/fr/',
  '/fr/rankings',
  '/fr/rankings?window=all&sort=responseRate',
  '/fr/compare?brands=northwind-telecom,vantrel-mobile',
  '/fr/compare?brands=northwind-telecom,no-such-brand-at-all',
  '/fr/search?q=box',
  '/fr/search?q=zzzz-nothing-matches',
  '/fr/stories',
  '/fr/transparency',
  '/fr/brands/northwind-telecom',
  '/fr/brands/northwind-telecom?kind=fail&window=all',
];
const AXE_CHECKED = new Set([
  '/fr/',
  '/fr/rankings',
  '/fr/compare?brands=northwind-telecom,vantrel-mobile',
  '/fr/search?q=box',
  '/fr/stories',
  '/fr/transparency',
  '/fr/brands/northwind-telecom',
]);

/** The English sentences on each page and axe's findings on those it checks, page by page. */
async function checkFrenchPages(paths: readonly string[], axe: ReadonlySet<string>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const leaks: string[] = [];
  const violations: string[] = [];
  for (const path of paths) {
    await page.goto(`${baseUrl}${path}`);
    expect(await page.locator('html').getAttribute('lang'), path).toBe('fr');
    const text = await visibleText(page);
    for (const sentence of englishSentences) if (text.includes(sentence)) leaks.push(`${path}: ${sentence}`);
    if (axe.has(path))
      violations.push(...(await accessibilityViolations(page)).map((violation) => `${path}: ${violation}`));
  }
  await context.close();
  return { leaks, violations };
}

describe('the French pages', () => {
  it('show none of the English catalogue’s sentences, and say lang="fr"', async () => {
    expect(englishSentences.length).toBeGreaterThan(200);
    const { leaks } = await checkFrenchPages(TRANSLATED_FOR_READERS, new Set());
    expect(leaks).toEqual([]);
  });

  it('show the readers’ pages in French, with nothing serious for axe', async () => {
    const { leaks, violations } = await checkFrenchPages(READERS_PAGES, AXE_CHECKED);
    expect(leaks).toEqual([]);
    expect(violations).toEqual([]);
  }, 300_000);

  it('show a signed-in customer’s account in French, with nothing serious for axe', async () => {
    const cookie = await sessionFor('customer@demo.example');
    const context = await browser.newContext();
    const [name, value] = cookie.split(';')[0]!.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/fr/account`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Votre compte');
    const text = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
    expect(englishSentences.filter((sentence) => text.includes(sentence))).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('name their English and French addresses as hreflang alternates, x-default English', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/fr/methodology`);
    const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (links) =>
      links.map((link) => [link.getAttribute('hreflang'), new URL(link.getAttribute('href')!).pathname]),
    );
    expect(alternates).toEqual([
      ['en', '/methodology'],
      ['fr', '/fr/methodology'],
      ['x-default', '/methodology'],
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the language switch', () => {
  it('keeps the page and its query, and is remembered over what the browser prefers', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search?q=box`);
    // A French browser's first visit to an English page lands on its French address.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/fr/search?q=box');
    const toEnglish = page.locator('a[hreflang="en"][lang="en"]');
    expect(await toEnglish.textContent()).toContain('English');
    await toEnglish.click();
    await page.waitForURL((url) => url.pathname === '/search');
    expect(new URL(page.url()).search).toBe('?q=box');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // Chosen with the switch: English pages stay English for this browser from now on.
    await page.goto(`${baseUrl}/about`);
    expect(new URL(page.url()).pathname).toBe('/about');
    await context.close();
  });

  it('never redirects a visitor that names no language, as crawlers do', async () => {
    const response = await fetch(`${baseUrl}/about`, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('vary')).toMatch(/Accept-Language/);
  });
});

describe('requests in two languages at once', () => {
  it('are each served in their own language', async () => {
    const paths = Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? '/fr/about' : '/about'));
    const pages = await Promise.all(paths.map(async (path) => (await fetch(`${baseUrl}${path}`)).text()));
    pages.forEach((html, index) => {
      const french = paths[index]!.startsWith('/fr/');
      expect(html).toContain(french ? '<html lang="fr"' : '<html lang="en"');
      expect(html).toContain(french ? 'À propos de Likes &amp; Fails' : 'About Likes &amp; Fails');
    });
  });
});

describe('the feeds and the badge', () => {
  it('answer in French under /fr/ and with ?lang=fr, and stay English at their English address', async () => {
    const french = await fetch(`${baseUrl}/fr/feed.xml`);
    expect(french.status).toBe(200);
    const frenchXml = await french.text();
    expect(frenchXml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
    expect(frenchXml).toContain('Likes &amp; Fails : derniers likes et fails');
    expect(frenchXml).toMatch(
      /<link rel="self" type="application\/atom\+xml" href="[^"]*\/fr\/feed\.xml"\/>/,
    );
    expect(frenchXml).toMatch(/<id>[^<]*\/fr\/posts\/\d+<\/id>/);
    const english = await (await fetch(`${baseUrl}/feed.xml`)).text();
    expect(english).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(english).toContain('Likes &amp; Fails: latest likes and fails');
    expect(english).not.toMatch(/\/fr\/posts\//);

    const brandFeed = await (await fetch(`${baseUrl}/fr/brands/northwind-telecom/feed.xml`)).text();
    expect(brandFeed).toContain('Northwind Telecom sur Likes &amp; Fails');
    const storiesFeed = await (await fetch(`${baseUrl}/fr/stories/feed.xml`)).text();
    expect(storiesFeed).toContain('histoires exceptionnelles');

    const badge = await (await fetch(`${baseUrl}/brands/northwind-telecom/badge.svg?lang=fr`)).text();
    expect(badge).toContain('Northwind Telecom sur Likes &amp; Fails : ');
    const englishBadge = await (await fetch(`${baseUrl}/brands/northwind-telecom/badge.svg`)).text();
    expect(englishBadge).toContain('Northwind Telecom on Likes &amp; Fails: ');
  });
});

describe('the API', () => {
  it('keeps English keys and answers errors in the language Accept-Language prefers', async () => {
    const french = await fetch(`${baseUrl}/api/v1/brands/no-such-brand`, {
      headers: { 'Accept-Language': 'fr-FR,fr;q=0.9' },
    });
    expect(french.status).toBe(404);
    expect(await french.json()).toEqual({
      error: { status: 404, message: 'Aucune marque ne porte cet identifiant.' },
    });
    const plain = await fetch(`${baseUrl}/api/v1/brands/no-such-brand`);
    expect(((await plain.json()) as { error: { message: string } }).error.message).toBe(
      'No brand has this slug.',
    );
  });
});
