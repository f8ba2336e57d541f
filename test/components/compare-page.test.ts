import { describe, expect, it } from 'vitest';
import ComparePage from '../../src/pages/compare.astro';
import { DEMO_NOW, useDemoBoard } from '../helpers/demo-database.ts';

const demo = useDemoBoard();

const open = (url: string) =>
  demo.container.renderToResponse(ComparePage, {
    locals: { db: demo.db, now: DEMO_NOW, user: null, actor: null, session: null },
    request: new Request(`http://localhost${url}`),
  });

/** Visible text of the HTML, whitespace folded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('compare page', () => {
  it('resolves brands typed by name and sends the reader to the address made of their slugs, in order', async () => {
    const response = await open('/compare?brand=Vantrel+Mobile&brand=northwind+telecom&brand=&window=30d');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      '/compare?brands=vantrel-mobile,northwind-telecom&window=30d',
    );
  });

  it('accepts names and slugs mixed in the shareable brands list', async () => {
    const response = await open('/compare?brands=Northwind Telecom,glintwell-electronics');
    expect(response.headers.get('location')).toBe('/compare?brands=northwind-telecom,glintwell-electronics');
  });

  it('shows the brands side by side with each figure over what it counts and readable window names', async () => {
    const response = await open('/compare?brands=northwind-telecom,vantrel-mobile&window=30d');
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain('Figures, last 30 days');
    expect(text.replace(/https?:\/\/\S+/g, '')).not.toMatch(/\b(30d|12m)\b/);
    expect(text).toMatch(/Fails answered .*\d+ % of \d+ fails?/);
    expect(text).toMatch(/Like share .*\d+ % of \d+ posts?/);
  });

  it('marks the best value of a row in words, not by colour alone', async () => {
    const html = await (await open('/compare?brands=northwind-telecom,vantrel-mobile')).text();
    expect(html).toContain('class="best-mark"');
    expect(textOf(html)).toMatch(/★ best/);
  });

  it('shows the monthly and response-time charts of every brand, with distinct pattern ids', async () => {
    const html = await (
      await open('/compare?brands=northwind-telecom,vantrel-mobile,glintwell-electronics')
    ).text();
    const captions = [...html.matchAll(/<figcaption[^>]*>([^<]+)</g)].map((match) => match[1]!.trim());
    expect(captions.filter((caption) => caption.startsWith('Likes and fails per month about'))).toHaveLength(
      3,
    );
    expect(captions.filter((caption) => caption.startsWith('First-response time trend'))).toHaveLength(3);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a fifth brand beside its input instead of dropping it, and keeps what was typed', async () => {
    const response = await open(
      '/compare?brands=northwind-telecom,vantrel-mobile,glintwell-electronics,aldermoor-audio,Pinebyte Hosting',
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(textOf(html)).toContain('At most 4 brands side by side: remove one to add Pinebyte Hosting.');
    expect(html).toMatch(
      /id="compare-brand-5"[^>]*value="Pinebyte Hosting"|value="Pinebyte Hosting"[^>]*id="compare-brand-5"/,
    );
  });

  it('says when a name matches no brand, keeps it, and suggests the brands it may mean', async () => {
    const response = await open('/compare?brands=northwind-telecom,Brightwren');
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('No brand is called “Brightwren”.');
    expect(html).toContain('value="Brightwren"');
    expect(text).toContain('Did you mean Brightwren Cloud');
    expect(html).toContain('href="/compare?brands=northwind-telecom,brightwren-cloud"');
  });

  it('asks for another brand when only one is given', async () => {
    const response = await open('/compare?brands=northwind-telecom');
    const text = textOf(await response.text());
    expect(text).toContain('Add at least one more brand to compare it with.');
    expect(text).not.toContain('Figures, last 12 months');
  });
});
