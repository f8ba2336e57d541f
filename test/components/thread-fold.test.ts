/**
 * A long thread folds its middle (src/domain/thread-window.ts): the Thread
 * component renders the view asked for, with fold lines that are plain links,
 * and the post page of a 194-message thread renders a bounded number of them.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { posts, threadEvents, threadMessages, users } from '../../db/schema.ts';
import { moderationActions } from '../../src/actions/moderation.ts';
import Thread from '../../src/components/post/Thread.astro';
import type { Actor } from '../../src/domain/policy.ts';
import type { ThreadViewRequest } from '../../src/domain/thread-window.ts';
import type { ThreadMessageView } from '../../src/domain/views.ts';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import { runInLanguage } from '../../src/i18n/request-language.ts';
import { DEMO_NOW, useDemoBoard } from '../helpers/demo-database.ts';
import { runFormAction } from '../helpers/form-actions.ts';

const demo = useDemoBoard();

const runFlagAction = runFormAction('flagContent', moderationActions.flagContent);

const POST = 7;
const START = new Date('2026-01-01T00:00:00.000Z');

/** A thread of `count` follow-ups, ids 101…, one a minute. */
function followUps(count: number): ThreadMessageView[] {
  return Array.from({ length: count }, (_, index) => ({
    id: 101 + index,
    kind: 'follow_up' as const,
    body: `Follow-up number ${index + 1}`,
    isTemplate: false,
    revisionCount: 0,
    removedAt: null,
    removalReason: null,
    createdAt: new Date(START.getTime() + index * 60_000),
    authorId: 1,
    authorName: 'Camille',
    brandName: null,
    brandVerified: false,
  }));
}

const renderThread = (count: number, view?: ThreadViewRequest, language: 'en' | 'fr' = 'en') =>
  runInLanguage(language, () =>
    demo.container.renderToString(Thread, {
      props: { messages: followUps(count), events: [], now: DEMO_NOW, postId: POST, view },
    }),
  );

/** The ids of the messages a page renders, in order. */
const shownMessageIds = (html: string) =>
  [...html.matchAll(/id="message-(\d+)"/g)].map((match) => Number(match[1]));
const foldLines = (html: string) =>
  [...html.matchAll(/<li class="thread-fold"[^>]*>([\s\S]*?)<\/li>/g)].map((match) => match[1]!);
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const hrefsOf = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));

describe('a long thread', () => {
  it('shows every entry and no fold up to 40 entries', async () => {
    const html = await renderThread(40);
    expect(shownMessageIds(html)).toHaveLength(40);
    expect(foldLines(html)).toEqual([]);
  });

  it('shows its first 5 and last 20 entries by default, the middle folded behind links to its parts', async () => {
    const html = await renderThread(194);
    const ids = shownMessageIds(html);
    expect(ids).toEqual([101, 102, 103, 104, 105, ...Array.from({ length: 20 }, (_, i) => 275 + i)]);
    const [fold, ...others] = foldLines(html);
    expect(others).toEqual([]);
    expect(textOf(fold!)).toBe('169 earlier entries are folded · Show entries 6–55 · Show entries 156–174');
    // Each link lands on the first entry it shows.
    expect(hrefsOf(fold!)).toEqual(['/posts/7?part=1#message-106', '/posts/7?part=4#message-256']);
  });

  it('keeps the fold inside the list, where it is read in its place', async () => {
    const html = await renderThread(194);
    expect(html).toMatch(/id="message-105"[\s\S]*<li class="thread-fold"[\s\S]*id="message-275"/);
    expect(html.match(/<ol class="thread"/g)).toHaveLength(1);
  });

  it('shows a part of the middle with links to the part before, the part after and the latest', async () => {
    const html = await renderThread(194, { part: 2, messageId: null });
    expect(shownMessageIds(html)).toEqual([
      101,
      102,
      103,
      104,
      105,
      ...Array.from({ length: 50 }, (_, i) => 156 + i),
    ]);
    const [before, after] = foldLines(html).map(textOf);
    expect(before).toBe('50 earlier entries are folded · Show entries 6–55');
    expect(after).toBe(
      '89 later entries are folded · Show entries 106–155 · Show the latest entries (175–194)',
    );
    expect(hrefsOf(foldLines(html)[1]!)).toEqual(['/posts/7?part=3#message-206', '/posts/7#message-275']);
  });

  it('shows the view holding a message of the middle', async () => {
    const html = await renderThread(194, { part: null, messageId: 230 });
    expect(shownMessageIds(html)).toContain(230);
    expect(shownMessageIds(html)).toHaveLength(5 + 50);
  });

  it('says it in French, with French addresses', async () => {
    const html = await renderThread(194, undefined, 'fr');
    const [fold] = foldLines(html);
    expect(textOf(fold!)).toBe(
      '169 éléments plus anciens sont repliés · Afficher les éléments 6 à 55 · Afficher les éléments 156 à 174',
    );
    expect(hrefsOf(fold!)[0]).toBe('/fr/posts/7?part=1#message-106');
  });
});

describe('the post page of a 194-message thread', () => {
  const renderPost = (id: number, search = '') =>
    demo.container.renderToResponse(PostPage, {
      locals: { db: demo.db, now: DEMO_NOW, user: null, actor: null, session: null },
      params: { id: String(id) },
      request: new Request(`http://localhost/posts/${id}${search}`),
    });

  /** A published fail given 194 messages (its own thread and follow-ups), as on the million-post board. */
  async function longThread() {
    const [post] = await demo.db
      .select({ id: posts.id, authorId: posts.authorId, createdAt: posts.createdAt })
      .from(posts)
      .where(and(eq(posts.visibility, 'published'), eq(posts.kind, 'fail')))
      .orderBy(posts.id)
      .limit(1);
    const [{ count }] = (await demo.db
      .select({ count: sql<number>`count(*)::int` })
      .from(threadMessages)
      .where(eq(threadMessages.postId, post!.id))) as [{ count: number }];
    const [{ events }] = (await demo.db
      .select({ events: sql<number>`count(*)::int` })
      .from(threadEvents)
      .where(eq(threadEvents.postId, post!.id))) as [{ events: number }];
    if (count < 194) {
      await demo.db.insert(threadMessages).values(
        Array.from({ length: 194 - count }, (_, index) => ({
          postId: post!.id,
          authorId: post!.authorId,
          kind: 'follow_up' as const,
          body: `Still waiting, day ${index + 1}`,
          wordCount: 4,
          // After everything the demo thread holds, a minute apart.
          createdAt: new Date(DEMO_NOW.getTime() - (194 - index) * 60_000),
        })),
      );
    }
    const ids = (
      await demo.db
        .select({ id: threadMessages.id })
        .from(threadMessages)
        .where(eq(threadMessages.postId, post!.id))
        .orderBy(threadMessages.createdAt, threadMessages.id)
    ).map((row) => row.id);
    return { postId: post!.id, messageIds: ids, entries: ids.length + events };
  }

  it('renders a bounded number of messages by default, and the one a link asks for on demand', async () => {
    const { postId, messageIds, entries } = await longThread();
    expect(messageIds).toHaveLength(194);
    const plain = await (await renderPost(postId)).text();
    // 194 messages before folding; now at most the head and the tail.
    expect(shownMessageIds(plain).length).toBeLessThanOrEqual(25);
    expect(textOf(plain)).toContain(`${entries - 25} earlier entries are folded`);
    const middle = messageIds[100]!;
    expect(shownMessageIds(plain)).not.toContain(middle);

    const linked = await renderPost(postId, `?message=${middle}`);
    expect(linked.status).toBe(200);
    const html = await linked.text();
    expect(shownMessageIds(html)).toContain(middle);
    expect(shownMessageIds(html).length).toBeLessThanOrEqual(5 + 50);
    expect(html).toContain(`<link rel="canonical" href="http://localhost/posts/${postId}"`);
  });

  it.each(['?part=abc', '?part=0', '?part=-3', '?message=x', '?message=99999999999', '?part=1e9'])(
    'shows the default view for %s, never an error',
    async (search) => {
      const { postId } = await longThread();
      const [plain, odd] = await Promise.all([renderPost(postId), renderPost(postId, search)]);
      expect(odd.status).toBe(200);
      expect(shownMessageIds(await odd.text())).toEqual(shownMessageIds(await plain.text()));
    },
  );

  it('shows the last part for a part past the end', async () => {
    const { postId, messageIds } = await longThread();
    const html = await (await renderPost(postId, '?part=999')).text();
    expect(shownMessageIds(html)).toContain(messageIds.at(-1));
    expect(textOf(html)).toMatch(/\d+ earlier entries are folded/);
    expect(textOf(html)).not.toContain('later entries are folded');
  });

  it('shows a refused flag of a message of the middle on the view that holds it, with its error', async () => {
    const { postId, messageIds } = await longThread();
    const middle = messageIds[100]!;
    const [author] = await demo.db
      .select({ authorId: posts.authorId })
      .from(posts)
      .where(eq(posts.id, postId));
    const [reader] = await demo.db
      .select({ id: users.id })
      .from(users)
      .where(and(sql`${users.id} <> ${author!.authorId}`, eq(users.role, 'customer')))
      .limit(1);
    const actor: Actor = {
      id: reader!.id,
      role: 'customer',
      emailVerified: true,
      suspended: false,
      memberships: [],
    };
    const form = new FormData();
    form.set('postId', String(postId));
    form.set('messageId', String(middle));
    form.set('reason', '');
    form.set('note', '');
    // The form posts to "?_action=flagContent": the view's own query is gone.
    const container = await AstroContainer.create({
      manifest: { middleware: () => Promise.resolve({ onRequest: runFlagAction }) },
    } as Parameters<typeof AstroContainer.create>[0]);
    const response = await container.renderToResponse(PostPage, {
      locals: { db: demo.db, now: DEMO_NOW, user: null, actor, session: null },
      params: { id: String(postId) },
      request: new Request(`http://localhost/posts/${postId}?_action=flagContent`, {
        method: 'POST',
        body: form,
      }),
    });
    const html = await response.text();
    expect(shownMessageIds(html)).toContain(middle);
    expect(html).toMatch(new RegExp(`<details class="flag" id="flag-m${middle}"[^>]* open`));
  });
});
