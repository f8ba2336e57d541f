/**
 * Every route in both languages (issue #14, decision 014): each page of `everyRoute()` — the list the
 * HTML-validity and phone-width suites visit, for a reader, a customer, a brand member and a
 * moderator — is opened in Chromium at its English address and under /fr/, and must answer with its
 * status, say the right `<html lang>`, show no missing message and no broken value, and, in French,
 * none of the English catalogue's sentences.
 *
 * What a missing message looks like with Paraglide JS 2 (checked against its compiled output): a key
 * absent from the catalogues is no function at all, so the page throws and answers 500 (the status
 * check); a key missing in French is compiled to the English text (the English-sentence check); a
 * plural with no variant for the number's category returns the key itself, and an input the caller
 * forgot renders as "undefined" (the checks below).
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { englishSentencesIn, visibleText } from './french-text.ts';
import { baseUrl } from './hostile-http.ts';
import { everyRoute, type Route, type RouteSet, type Visitor } from './routes.ts';

type Language = 'en' | 'fr';

/** The catalogue's keys, as a page would show one that Paraglide could not fill. */
const messageKeys = Object.keys(JSON.parse(fs.readFileSync('messages/en.json', 'utf8'))).filter(
  (key) => key !== '$schema',
);
const keyPattern = new RegExp(`\\b(${messageKeys.join('|')})\\b`);
/** Values that went wrong on their way into a sentence. */
const BROKEN_VALUES = /\bundefined\b|\[object Object\]|\bNaN\b|\bnull\b|\bInvalid Date\b/;

/** A route's address in a language: English without a prefix, French under /fr/. */
function addressIn(language: Language, path: string): string {
  const english = path === '/fr' || path.startsWith('/fr/') ? path.slice(3) || '/' : path;
  if (language === 'en') return english;
  return english === '/' ? '/fr/' : `/fr${english}`;
}

/** Each route of a visitor once, whichever language routes.ts names it in. */
function routesOf(set: RouteSet): Route[] {
  const seen = new Map<string, Route>();
  for (const route of set.routes) {
    const english = addressIn('en', route.path);
    if (!seen.has(english)) seen.set(english, { path: english, status: route.status });
  }
  return [...seen.values()];
}

let browser: Browser;
let sets: RouteSet[];
beforeAll(async () => {
  browser = await launchBrowser();
  sets = await everyRoute();
});
afterAll(() => browser?.close());

/** What is wrong with one page, as "path: problem" lines. */
async function problemsOf(page: Page, language: Language, route: Route): Promise<string[]> {
  const address = addressIn(language, route.path);
  let response: Awaited<ReturnType<Page['goto']>>;
  try {
    response = await page.goto(`${baseUrl}${address}`);
  } catch (error) {
    // A redirect loop, a crash: say which page, and go on with the others.
    return [`${address}: cannot be opened: ${(error as Error).message.split('\n')[0]}`];
  }
  const problems: string[] = [];
  const status = response?.status() ?? 0;
  if (status !== route.status) problems.push(`answers ${status}, not ${route.status}`);
  const lang = await page.locator('html').getAttribute('lang');
  if (lang !== language) problems.push(`<html lang="${lang}">`);
  // Readers' words (posts, replies) carry their own lang, and scripts are code: only the page's
  // own words count.
  await page.evaluate((pageLanguage) => {
    for (const element of document.body.querySelectorAll('[lang], script, style, template'))
      if (element.getAttribute('lang') !== pageLanguage) element.remove();
  }, language);
  const text = await visibleText(page);
  const key = keyPattern.exec(text)?.[1];
  if (key) problems.push(`shows the message key ${key}`);
  const broken = BROKEN_VALUES.exec(text)?.[0];
  if (broken) problems.push(`shows “${broken}”`);
  if (language === 'fr')
    for (const sentence of englishSentencesIn(text)) problems.push(`English: “${sentence}”`);
  return problems.map((problem) => `${address}: ${problem}`);
}

async function visit(visitor: Visitor, language: Language): Promise<string[]> {
  const set = sets.find((candidate) => candidate.visitor === visitor)!;
  const context = await browser.newContext();
  if (set.cookie) {
    const [name, value] = set.cookie.split(';')[0]!.split('=', 2) as [string, string];
    await context.addCookies([{ name, value, url: baseUrl }]);
  }
  const problems: string[] = [];
  try {
    // A page of its own for each route: what one page does after its load never reaches the next.
    for (const route of routesOf(set)) {
      const page = await context.newPage();
      problems.push(...(await problemsOf(page, language, route)));
      await page.close();
    }
  } finally {
    await context.close();
  }
  return problems;
}

const VISITORS: Visitor[] = ['reader', 'customer', 'brand member', 'moderator'];
const CASES = VISITORS.flatMap((visitor) => (['en', 'fr'] as const).map((language) => [visitor, language]));

describe('every route in English and in French', () => {
  it('names each route once, at its English and its French address', () => {
    expect(addressIn('fr', '/')).toBe('/fr/');
    expect(addressIn('fr', '/moderation?audit=1')).toBe('/fr/moderation?audit=1');
    expect(addressIn('en', '/fr/')).toBe('/');
    expect(addressIn('en', '/fr/account')).toBe('/account');
    expect(addressIn('fr', '/fr/account')).toBe('/fr/account');
    const reader = sets.find((set) => set.visitor === 'reader')!;
    expect(routesOf(reader).filter((route) => route.path === '/about')).toHaveLength(1);
  });

  it.each(CASES)(
    'answers as expected, in its language, with every message filled, for a %s in %s',
    async (visitor, language) => {
      expect(await visit(visitor as Visitor, language as Language)).toEqual([]);
    },
    600_000,
  );
});
