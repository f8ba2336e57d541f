/**
 * Phone first: every route, for a reader, a customer, a brand member and a
 * moderator, in Chromium at 360 px wide, is no wider than the screen (the
 * document's scrollWidth), and axe finds no serious or critical violation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { baseUrl } from './hostile-http.ts';
import { everyRoute, type RouteSet } from './routes.ts';
import AxeBuilder from '@axe-core/playwright';

const PHONE = { width: 360, height: 740 };

let browser: Browser;
let sets: RouteSet[];
beforeAll(async () => {
  browser = await launchBrowser();
  sets = await everyRoute();
});
afterAll(() => browser?.close());

async function visit(set: RouteSet): Promise<{ overflowing: string[]; violations: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true });
  if (set.cookie) {
    const [name, value] = set.cookie.split('=', 2) as [string, string];
    await context.addCookies([{ name, value, url: baseUrl }]);
  }
  const page = await context.newPage();
  const overflowing: string[] = [];
  const violations: string[] = [];
  try {
    for (const route of set.routes) {
      await page.goto(`${baseUrl}${route.path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) {
        // Name the widest elements, so the failure says what to fix.
        const culprits = await page.evaluate((limit) => {
          const wide: string[] = [];
          for (const element of document.body.querySelectorAll('*')) {
            const box = element.getBoundingClientRect();
            if (box.right > limit + 1 && wide.length < 3) {
              const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
                element.classList.length ? `.${[...element.classList].join('.')}` : ''
              }`;
              wide.push(`${name} (${Math.round(box.right)} px)`);
            }
          }
          return wide;
        }, PHONE.width);
        overflowing.push(`${set.visitor} ${route.path}: ${width} px — ${culprits.join(', ')}`);
      }
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      for (const violation of results.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        for (const node of violation.nodes)
          violations.push(`${set.visitor} ${route.path}: ${violation.id} ${node.target.join(' ')}`);
      }
    }
  } finally {
    await context.close();
  }
  return { overflowing, violations };
}

const VISITORS = ['reader', 'customer', 'brand member', 'moderator'] as const;

describe('every page on a 360 px phone', () => {
  it.each(VISITORS)(
    'fits the screen and has no serious accessibility violation, for a %s',
    async (visitor) => {
      const set = sets.find((candidate) => candidate.visitor === visitor)!;
      const found = await visit(set);
      expect({ overflowing: found.overflowing, violations: found.violations }).toEqual({
        overflowing: [],
        violations: [],
      });
    },
    180_000,
  );
});
