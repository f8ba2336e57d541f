/**
 * French and English (decision 014), in Chromium against the built server: the translated pages
 * under /fr/ show no English sentence of the catalogue, say lang="fr", offer hreflang alternates
 * and a switch that keeps the page; a French browser's first visit lands on /fr/; two requests in
 * different languages served at once do not mix.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser.ts';
import { englishSentences, englishSentencesIn, visibleText } from './english-sentences.ts';
import { sessionFor } from './hostile-http.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const TRANSLATED_FOR_READERS = [
  '/fr/',
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
/** Pages whose own content other sessions translate: only the layout is checked there. */
const LAYOUT_ONLY = new Set(['/fr/']);

describe('the French pages', () => {
  it('show none of the English catalogue’s sentences, and say lang="fr"', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    expect(englishSentences.length).toBeGreaterThan(200);
    const leaks: string[] = [];
    for (const path of TRANSLATED_FOR_READERS) {
      await page.goto(`${baseUrl}${path}`);
      expect(await page.locator('html').getAttribute('lang'), path).toBe('fr');
      const text = LAYOUT_ONLY.has(path)
        ? await page.evaluate(
            () =>
              `${document.querySelector('header')?.textContent} ${document.querySelector('footer')?.textContent}`,
          )
        : await visibleText(page);
      for (const sentence of englishSentencesIn(text)) leaks.push(`${path}: ${sentence}`);
    }
    await context.close();
    expect(leaks).toEqual([]);
  });

  it('show a signed-in customer’s account in French, with nothing serious for axe', async () => {
    const cookie = await sessionFor('customer@demo.example');
    const context = await browser.newContext();
    const [name, value] = cookie.split(';')[0]!.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/fr/account`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Votre compte');
    const text = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
    expect(englishSentencesIn(text)).toEqual([]);
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
