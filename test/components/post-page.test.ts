import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { posts, threadEvents, threadMessages } from '../../db/schema.ts';
import ServerErrorPage from '../../src/pages/500.astro';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import RevisionsPage from '../../src/pages/posts/[id]/revisions.astro';
import { DEMO_NOW, useDemoBoard } from '../helpers/demo-database.ts';
import { expectConsoleError } from '../helpers/fail-on-console-error.ts';

const demo = useDemoBoard();

const renderPost = (page: typeof PostPage, id: number, suffix = '') =>
  demo.container.renderToString(page, {
    locals: { db: demo.db, now: DEMO_NOW, user: null, actor: null, session: null },
    params: { id: String(id) },
    request: new Request(`http://localhost/posts/${id}${suffix}`),
  });
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

async function firstPostWhere(condition: ReturnType<typeof sql>) {
  const [row] = await demo.db.select({ id: posts.id }).from(posts).where(condition).limit(1);
  if (!row) throw new Error('the demo data has no such post');
  return row.id;
}

describe('the post page', () => {
  it('shows a handover between agents as a sentence in the thread', async () => {
    const [takeover] = await demo.db
      .select({ postId: threadEvents.postId, data: threadEvents.data })
      .from(threadEvents)
      .innerJoin(posts, eq(posts.id, threadEvents.postId))
      .where(
        and(
          eq(threadEvents.type, 'case_taken'),
          sql`${threadEvents.data} ? 'previousHandlerName'`,
          eq(posts.visibility, 'published'),
        ),
      )
      .limit(1);
    const html = await renderPost(PostPage, takeover!.postId);
    expect(textOf(html)).toMatch(
      new RegExp(`\\w+ from [\\w ]+ took over from ${String(takeover!.data['previousHandlerName'])}`),
    );
  });

  it('marks template replies', async () => {
    const [template] = await demo.db
      .select({ postId: threadMessages.postId })
      .from(threadMessages)
      .innerJoin(posts, eq(posts.id, threadMessages.postId))
      .where(and(eq(threadMessages.isTemplate, true), eq(posts.visibility, 'published')))
      .limit(1);
    expect(textOf(await renderPost(PostPage, template!.postId))).toContain('Template reply');
  });

  it('keeps a withdrawn post out of sight but leaves a notice and the brand replies', async () => {
    const id = await firstPostWhere(sql`visibility = 'withdrawn'`);
    const [post] = await demo.db.select().from(posts).where(eq(posts.id, id));
    const text = textOf(await renderPost(PostPage, id));
    expect(text).toContain('The author withdrew this post');
    expect(text).not.toContain(post!.story.slice(0, 60));
  });

  it('shows the public reason of a moderator removal', async () => {
    const id = await firstPostWhere(sql`visibility = 'removed'`);
    expect(textOf(await renderPost(PostPage, id))).toMatch(/Removed by a moderator on .*: Personal data: /);
  });

  it('renders user text as text, never as HTML', async () => {
    const id = await firstPostWhere(sql`visibility = 'published' and kind = 'fail'`);
    await demo.db
      .update(posts)
      .set({ story: 'Before <script>alert(1)</script> <b>bold</b> after' })
      .where(eq(posts.id, id));
    const html = await renderPost(PostPage, id);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('lists earlier versions of an edited post', async () => {
    const id = await firstPostWhere(sql`revision_count > 0 and visibility = 'published'`);
    expect(textOf(await renderPost(PostPage, id))).toContain('edited (1 earlier version)');
    expect(textOf(await renderPost(RevisionsPage, id, '/revisions'))).toContain('(first version)');
  });
});

describe('the error page', () => {
  it('answers 500 without showing the error to the reader', async () => {
    expectConsoleError();
    const response = await demo.container.renderToResponse(ServerErrorPage, {
      props: { error: new Error('secret connection string postgres://x:y@z') },
      request: new Request('http://localhost/boom'),
    });
    const html = await response.text();
    expect(response.status).toBe(500);
    expect(html).toContain('Something went wrong on our side');
    expect(html).not.toContain('secret connection string');
  });

  it('shows the request id the reader can quote, and sends it as a header', async () => {
    expectConsoleError();
    const response = await demo.container.renderToResponse(ServerErrorPage, {
      props: { error: new Error('boom') },
      request: new Request('http://localhost/boom', { headers: { 'X-Request-Id': 'req-4f2a9c' } }),
    });
    expect(textOf(await response.text())).toContain('quote this id when you tell us: req-4f2a9c');
    expect(response.headers.get('X-Request-Id')).toBe('req-4f2a9c');
  });

  it('never echoes an incoming request id that is not a short plain token', async () => {
    expectConsoleError();
    const response = await demo.container.renderToResponse(ServerErrorPage, {
      props: { error: new Error('boom') },
      request: new Request('http://localhost/boom', { headers: { 'X-Request-Id': '<b>not-an-id</b>' } }),
    });
    const html = await response.text();
    expect(html).not.toContain('not-an-id');
    expect(response.headers.get('X-Request-Id')).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });
});
