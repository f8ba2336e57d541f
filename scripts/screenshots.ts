/**
 * `npm run screenshots -- --base http://127.0.0.1:4321 --label after` — full-page
 * pictures of the pages a reader meets first (home, a brand page, compare and a
 * post thread) on a 390 px phone, written to docs/screenshots/<label>-<page>.jpg.
 * Run it against a demo server (`npm run demo`); the pictures are committed so a
 * change to the layout can be seen before and after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/e2e/browser.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:4321' },
    label: { type: 'string', default: 'after' },
    brand: { type: 'string', default: 'northwind-telecom' },
    compare: { type: 'string', default: 'northwind-telecom,brightwren-cloud,oakhollow-home' },
  },
});

const outDir = path.resolve('docs/screenshots');
fs.mkdirSync(outDir, { recursive: true });

/** The post with the longest thread on the brand page's feed, so the picture shows a conversation. */
async function busiestPostPath(base: string, brand: string): Promise<string> {
  const html = await (await fetch(`${base}/brands/${brand}`)).text();
  const match = /href="(\/posts\/\d+)"/.exec(html);
  if (!match) throw new Error(`no post linked from /brands/${brand}`);
  return match[1]!;
}

const base = values.base.replace(/\/$/, '');
const pages: Array<[string, string]> = [
  ['home', '/'],
  ['brand', `/brands/${values.brand}`],
  ['compare', `/compare?brands=${values.compare}`],
  ['post', await busiestPostPath(base, values.brand)],
];

const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const [name, urlPath] of pages) {
    await page.goto(`${base}${urlPath}`, { waitUntil: 'load' });
    const file = path.join(outDir, `${values.label}-${name}.jpg`);
    await page.screenshot({ path: file, fullPage: true, type: 'jpeg', quality: 70 });
    console.log(`${file}  ${urlPath}`);
  }
} finally {
  await browser.close();
}
