import { describe, expect, it } from 'vitest';
import { countPostMatches } from '../../db/queries/search.ts';
import SearchPage from '../../src/pages/search.astro';
import { DEMO_NOW, useDemoBoard } from '../helpers/demo-database.ts';

const demo = useDemoBoard();

const render = (url: string) =>
  demo.container.renderToString(SearchPage, {
    locals: { db: demo.db, now: DEMO_NOW, user: null, actor: null, session: null },
    request: new Request(`http://localhost${url}`),
  });
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const postLinks = (html: string) =>
  [...html.matchAll(/<h3 class="post-card__title"[^>]*>\s*<a href="(\/posts\/\d+)"/g)].map((m) => m[1]);

describe('search page', () => {
  it('pages through every matching post with counts and previous/next links', async () => {
    const { count } = await countPostMatches(demo.db, 'day', 1000);
    expect(count).toBeGreaterThan(30);
    const first = await render('/search?q=day');
    expect(textOf(first)).toContain(`1–30 of ${count.toLocaleString('en')} posts`);
    expect(first).toContain('rel="next" href="/search?q=day&amp;page=2"');
    expect(first).not.toContain('rel="prev" href="/search?q=day');

    const second = await render('/search?q=day&page=2');
    expect(textOf(second)).toContain(`31–${Math.min(60, count)} of ${count.toLocaleString('en')} posts`);
    expect(second).toContain('rel="prev" href="/search?q=day"');
    const overlap = postLinks(first).filter((link) => postLinks(second).includes(link));
    expect(overlap).toEqual([]);
  });

  it('pages brands too, and holds a page number past the end to the last page', async () => {
    const html = await render('/search?q=br&brandPage=99');
    expect(textOf(html)).toMatch(/\d+(–\d+)? of \d+ brands?/);
    expect(html).not.toContain('No brand matches');
  });

  it('cuts snippets on a word, with an ellipsis where the story goes on', async () => {
    const html = await render('/search?q=refund');
    const snippets = [...html.matchAll(/<p class="post-card__excerpt"[^>]*>([^<]*)</g)].map((m) =>
      m[1]!.trim(),
    );
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.some((snippet) => snippet.startsWith('…') || snippet.endsWith('…'))).toBe(true);
  });
});
