import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts } from '../../db/schema.ts';
import HomePage from '../../src/pages/index.astro';
import BrandPage from '../../src/pages/brands/[slug].astro';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import { createDemoDatabase, DEMO_NOW } from '../helpers/demo-database.ts';
import type { TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let container: AstroContainer;

beforeAll(async () => {
  database = await createDemoDatabase();
  container = await AstroContainer.create();
});
afterAll(() => database.destroy());

const render = (
  page: Parameters<AstroContainer['renderToString']>[0],
  url: string,
  params: Record<string, string> = {},
) =>
  container.renderToString(page, {
    locals: { db: database.db, now: DEMO_NOW },
    params,
    request: new Request(`http://localhost${url}`),
  });

/** Visible text of the HTML, whitespace folded, for assertions on what a reader sees. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('home page', () => {
  it('lists the latest published posts with a word for their kind', async () => {
    const html = await render(HomePage, '/');
    const [newest] = await database.db
      .select()
      .from(posts)
      .where(eq(posts.visibility, 'published'))
      .orderBy(posts.createdAt);
    expect(newest).toBeDefined();
    expect(textOf(html)).toMatch(/\bLike\b/);
    expect(textOf(html)).toMatch(/\bFail\b/);
    expect(html).toContain('rel="next"');
  });
});

describe('brand page', () => {
  it('shows the official contact channels and the feed filters', async () => {
    const html = await render(BrandPage, '/brands/northwind-telecom', { slug: 'northwind-telecom' });
    const text = textOf(html);
    expect(text).toContain('Northwind Telecom');
    expect(text).toContain('Official contact channels');
    expect(html).toContain('name="status"');
  });
});

describe('post page', () => {
  it('tells the thread in order with who did what', async () => {
    const html = await render(PostPage, '/posts/1', { id: '1' });
    expect(textOf(html)).toContain('Thread');
  });
});
