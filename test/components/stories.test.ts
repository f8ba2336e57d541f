/**
 * Exceptional stories as readers see them, on the demo board: /stories most
 * helpful first with why each is featured, the home page's section, and the
 * "helpful" form under a post for a signed-in reader.
 */
import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { and, desc, eq, isNotNull, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { posts } from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import HomePage from '../../src/pages/index.astro';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import StoriesPage from '../../src/pages/stories/index.astro';
import { GET as storiesFeed } from '../../src/pages/stories/feed.xml.ts';
import type { APIContext } from 'astro';
import { childrenNamed, parseXml } from '../helpers/xml.ts';
import { DEMO_NOW, useDemoBoard } from '../helpers/demo-database.ts';

const demo = useDemoBoard();

const render = (
  page: Parameters<AstroContainer['renderToString']>[0],
  url: string,
  options: { params?: Record<string, string>; actor?: Actor | null } = {},
) =>
  demo.container.renderToString(page, {
    locals: { db: demo.db, now: DEMO_NOW, user: null, actor: options.actor ?? null, session: null },
    params: options.params ?? {},
    request: new Request(`http://localhost${url}`),
  });
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const titlesOf = (html: string) =>
  [...html.matchAll(/class="post-card__title"[^>]*>\s*<a[^>]*>([^<]+)</g)].map((match) => match[1]!.trim());

const mostHelpfulStories = () =>
  demo.db
    .select({ id: posts.id, title: posts.title, kind: posts.kind, authorId: posts.authorId })
    .from(posts)
    .where(isNotNull(posts.exceptionalSince))
    .orderBy(desc(posts.helpfulCount), desc(posts.exceptionalSince), desc(posts.id));

describe('/stories', () => {
  it('lists the exceptional stories most helpful first, each saying why it is featured', async () => {
    const stories = await mostHelpfulStories();
    const html = await render(StoriesPage, '/stories');
    const shown = titlesOf(html);
    expect(shown.length).toBe(Math.min(stories.length, 20));
    expect(shown[0]).toBe(stories[0]!.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    expect(textOf(html)).toContain('found it helpful');
    expect(textOf(html)).toMatch(/Readers found it helpful, and .+ replied|kept its promise; resolved/);
    expect(html).toContain('href="/stories/feed.xml"');
  });

  it('treats a page number it cannot read as page one', async () => {
    const first = titlesOf(await render(StoriesPage, '/stories'));
    expect(titlesOf(await render(StoriesPage, '/stories?page=abc'))).toEqual(first);
  });
});

describe('/stories/feed.xml', () => {
  it('is well-formed Atom with the newest stories first, each updated when it was featured', async () => {
    const url = 'http://localhost/stories/feed.xml';
    const response = await storiesFeed({
      locals: { db: demo.db, now: DEMO_NOW, user: null, actor: null, session: null },
      url: new URL(url),
      request: new Request(url),
      params: {},
    } as unknown as APIContext);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/atom\+xml/);
    const feed = parseXml(await response.text());
    expect(feed.name).toBe('feed');
    const entries = childrenNamed(feed, 'entry');
    const newest = await demo.db
      .select({ id: posts.id, since: posts.exceptionalSince })
      .from(posts)
      .where(isNotNull(posts.exceptionalSince))
      .orderBy(desc(posts.exceptionalSince), desc(posts.id))
      .limit(50);
    const child = (entry: (typeof entries)[number], name: string) =>
      entry.children.find((element) => element.name === name)!.text;
    expect(entries.map((entry) => Number(/\/posts\/(\d+)$/.exec(child(entry, 'id'))?.[1]))).toEqual(
      newest.map((row) => row.id),
    );
    expect(child(entries[0]!, 'updated')).toBe(newest[0]!.since!.toISOString());
  });
});

describe('the home page', () => {
  it('features the three most helpful exceptional stories', async () => {
    const stories = await mostHelpfulStories();
    const html = await render(HomePage, '/');
    const section = html.slice(html.indexOf('id="stories-title"'), html.indexOf('id="latest-title"'));
    expect(titlesOf(section)).toHaveLength(3);
    expect(textOf(section)).toContain(stories[0]!.title.split('&')[0]!.trim());
    expect(section).toContain('href="/stories"');
  });
});

describe('the post page', () => {
  it('offers a signed-in reader to mark the post helpful, and its author nothing of the kind', async () => {
    const [post] = await demo.db
      .select({ id: posts.id, authorId: posts.authorId, helpfulCount: posts.helpfulCount })
      .from(posts)
      .where(and(eq(posts.visibility, 'published'), ne(posts.helpfulCount, 0)))
      .limit(1);
    const reader: Actor = {
      id: 999_999,
      role: 'customer',
      emailVerified: true,
      suspended: false,
      memberships: [],
    };
    const params = { id: String(post!.id) };
    const html = await render(PostPage, `/posts/${post!.id}`, { params, actor: reader });
    expect(textOf(html)).toContain('Was this helpful?');
    expect(html).toMatch(/name="helpful" value="yes"/);
    expect(textOf(html)).toMatch(new RegExp(`${post!.helpfulCount} readers? found it helpful`));
    const asAuthor = await render(PostPage, `/posts/${post!.id}`, {
      params,
      actor: { ...reader, id: post!.authorId },
    });
    expect(textOf(asAuthor)).not.toContain('Was this helpful?');
  });
});
