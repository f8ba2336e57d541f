import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { posts } from '../../db/schema.ts';
import HomePage from '../../src/pages/index.astro';
import BrandPage from '../../src/pages/brands/[slug]/index.astro';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import { DEMO_NOW, useDemoBoard } from '../helpers/demo-database.ts';

const demo = useDemoBoard();

const render = (
  page: Parameters<AstroContainer['renderToString']>[0],
  url: string,
  params: Record<string, string> = {},
) =>
  demo.container.renderToString(page, {
    locals: { db: demo.db, now: DEMO_NOW, user: null, actor: null, session: null },
    params,
    request: new Request(`http://localhost${url}`),
  });

/** Visible text of the HTML, whitespace folded, for assertions on what a reader sees. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

describe('home page', () => {
  it('lists the latest published posts first, each with a word for its kind', async () => {
    const page = await render(HomePage, '/');
    const html = page.slice(page.indexOf('id="latest-title"'));
    const [newest] = await demo.db
      .select({ title: posts.title })
      .from(posts)
      .where(eq(posts.visibility, 'published'))
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(1);
    const firstTitle = /class="post-card__title"[^>]*>\s*<a[^>]*>([^<]+)</.exec(html)?.[1];
    expect(firstTitle?.trim()).toBe(escapeHtml(newest!.title));
    expect(textOf(html)).toMatch(/\bLike\b/);
    expect(textOf(html)).toMatch(/\bFail\b/);
    expect(html).toContain('rel="next"');
  });
});

describe('home page’s best and worst brands', () => {
  it('name the window they cover, and neither box is empty', async () => {
    const html = await render(HomePage, '/');
    const text = textOf(html);
    expect(text).toMatch(/Best service, last (30 days|90 days|12 months)/);
    expect(text).toMatch(/Worst service, last (30 days|90 days|12 months)/);
    expect(text).not.toContain('this month');
    const boxes = html.slice(html.indexOf('id="month-title"'), html.indexOf('All rankings'));
    expect(
      [...boxes.matchAll(/<ol/g)].length + [...boxes.matchAll(/not enough for a worst list/g)].length,
    ).toBe(2);
  });
});

describe('brand page', () => {
  it('shows the official contact channels and the feed filters', async () => {
    const html = await render(BrandPage, '/brands/northwind-telecom', { slug: 'northwind-telecom' });
    const text = textOf(html);
    expect(text).toContain('Northwind Telecom');
    expect(text).toContain('Official contact channels');
    expect(text).toContain('+00 32 555 0100');
    // Social handles are links to the profile, and the card comes before the figures.
    expect(html).toContain('href="https://x.example/NorthwindCare"');
    expect(html.indexOf('Official contact channels')).toBeLessThan(html.indexOf('id="figures-title"'));
    expect(html).toContain('name="status"');
  });

  it('shows only fails when filtered to fails', async () => {
    const html = await render(BrandPage, '/brands/northwind-telecom?kind=fail', {
      slug: 'northwind-telecom',
    });
    expect(html).toContain('badge--fail');
    expect(html).not.toContain('badge badge--like');
  });
});

describe('post page', () => {
  it('has the post title as its only top-level heading', async () => {
    const [post] = await demo.db.select().from(posts).where(eq(posts.visibility, 'published')).limit(1);
    const html = await render(PostPage, `/posts/${post!.id}`, { id: String(post!.id) });
    const headings = [...html.matchAll(/<h1[^>]*>([^<]*)<\/h1>/g)].map((match) => match[1]);
    expect(headings).toEqual([escapeHtml(post!.title)]);
  });
});
