/**
 * The Atom feeds stay well-formed XML with exactly one entry per post whatever
 * a post, a brand name or an author's name contains, and every piece of user
 * text comes back as the same plain text (less the characters XML forbids).
 */
import type { APIContext } from 'astro';
import { ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostSummary } from '../../db/queries/posts.ts';
import { posts } from '../../db/schema.ts';
import { newPostSchema } from '../../src/domain/posting.ts';
import { GET as getBrandFeed } from '../../src/pages/brands/[slug]/feed.xml.ts';
import { GET as getSiteFeed } from '../../src/pages/feed.xml.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { atomFeed } from '../../src/server/feeds.ts';
import { createBrand, createPerson } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer } from '../helpers/mailer.ts';
import { childrenNamed, parseXml, type XmlElement } from '../helpers/xml.ts';

const now = new Date('2026-06-15T12:00:00Z');
const HOSTILE_TITLE = 'Refund ]]> & ]]> <entry><title>Forged</title></entry></feed> &amp; \u0001\u001f 🎉';
const HOSTILE_STORY =
  'They said ]]><entry><id>urn:forged</id><link href="https://evil.example"/></entry> then ]]> again, ' +
  '</feed> & &lt;b&gt; \u0002\u0008\u000b\u000c\u007f bell, tab\tand emoji 😀👍🏽 — all in one story.';
const HOSTILE_NAME = 'Eve <b>&</b> ]]> \u0003';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await createBrand(database.db, 'Clockwork <Café> & Co');
  const author = await createPerson(database.db, { name: HOSTILE_NAME });
  const deps: CommandDeps = {
    db: database.db,
    mailer: createCapturingMailer(),
    now,
    siteUrl: 'https://board.example',
    meta: { userAgent: 'vitest', ipAddress: '203.0.113.7' },
  };
  for (const [title, story] of [
    ['A plain, kind answer', 'The agent called back exactly when she said she would.'],
    [HOSTILE_TITLE, HOSTILE_STORY],
  ] as const) {
    const input = newPostSchema.parse({
      kind: 'fail',
      brandSlug: 'clockwork-cafe-co',
      title,
      story,
      category: 'billing',
      channel: 'email',
      experiencedOn: '2026-06-14',
      personalData: 'publish',
    });
    const created = await createPost(deps, author, input);
    if (!created.ok) throw new Error(`post refused: ${JSON.stringify(created)}`);
  }
});
afterAll(() => database.destroy());

const context = (params: Record<string, string> = {}) =>
  ({ locals: { db: database.db, now }, params }) as unknown as APIContext;
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const readable = (text: string) => text.replace(XML_FORBIDDEN, '');
const only = (element: XmlElement, name: string) => {
  const [child, ...more] = childrenNamed(element, name);
  expect(more).toHaveLength(0);
  return child!;
};

describe.each([
  ['/feed.xml', () => getSiteFeed(context())],
  ['/brands/clockwork-cafe-co/feed.xml', () => getBrandFeed(context({ slug: 'clockwork-cafe-co' }))],
])('the Atom feed %s', (_path, get) => {
  it('parses as XML with one entry per post and the hostile text as plain text', async () => {
    const response = await get();
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    const feed = parseXml(await response.text());
    expect(feed.name).toBe('feed');
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(2);

    const [stored] = await database.db
      .select({ id: posts.id, title: posts.title, story: posts.story })
      .from(posts)
      .where(ne(posts.title, 'A plain, kind answer'));
    const hostile = entries.find((entry) => only(entry, 'id').text.endsWith(`/posts/${stored!.id}`))!;
    const title = only(hostile, 'title');
    expect(title.attributes['type']).toBe('text');
    expect(title.text).toBe(readable(`Fail · Clockwork <Café> & Co: ${stored!.title}`));
    expect(title.text).toContain('</feed> &amp; ');
    const summary = only(hostile, 'summary');
    expect(summary.attributes['type']).toBe('text');
    expect(summary.text).toBe(readable(stored!.story));
    expect(summary.text).toContain('😀👍🏽');
    expect(only(only(hostile, 'author'), 'name').text).toBe(readable(HOSTILE_NAME));
    // The forged entry's link never became a link.
    expect(childrenNamed(hostile, 'link').map((link) => link.attributes['href'])).toEqual([
      only(hostile, 'id').text,
    ]);
  });
});

describe('the Atom writer', () => {
  it('drops what XML 1.0 forbids: NUL and other C0 controls, lone surrogates, U+FFFE and U+FFFF', async () => {
    const post: PostSummary = {
      id: 7,
      kind: 'like',
      language: 'en',
      title: 'Nul\u0000 and \uD800 lone \uDC00 surrogates \uFFFE\uFFFF ok',
      excerpt: 'Keeps tab\t, new line\n and 𝄞 (a pair), loses \u0000\u0001\u001b.',
      category: 'billing',
      channel: 'email',
      status: null,
      country: null,
      waitMinutes: null,
      meTooCount: 0,
      helpfulCount: 0,
      messageCount: 0,
      firstBrandReplyAt: null,
      createdAt: now,
      brandSlug: 'b',
      brandName: 'B\u0000rand',
      brandVerified: false,
      authorName: 'A\uFFFEnn',
    };
    const response = atomFeed({
      title: 'T\u0000',
      description: 'D',
      path: '/',
      feedPath: '/feed.xml',
      siteUrl: 'https://board.example/',
      posts: [post],
    });
    const entry = only(parseXml(await response.text()), 'entry');
    expect(only(entry, 'title').text).toBe('Like · Brand: Nul and  lone  surrogates  ok');
    expect(only(entry, 'summary').text).toBe('Keeps tab\t, new line\n and 𝄞 (a pair), loses .');
    expect(only(only(entry, 'author'), 'name').text).toBe('Ann');
  });
});
