/**
 * The demo board as `npm run db:seed` writes it: its threads played through the
 * live planners and writer (db/seed/threads.ts) give every page true-to-life
 * replies, promises, verdicts and template replies, all consistent with the rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRankingPage } from '../../db/queries/rankings.ts';
import { posts, promises, threadMessages, verdicts } from '../../db/schema.ts';
import { FRENCH_DEMO_BRANDS } from '../../db/seed/content-fr.ts';
import { LIKE_STORY_MIN_HELPFUL } from '../../src/domain/stories.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { createDemoDatabase } from '../helpers/demo-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createDemoDatabase();
});
afterAll(() => database.destroy());

const read = async () => ({
  posts: await database.db.select().from(posts),
  messages: await database.db.select().from(threadMessages),
  promises: await database.db.select().from(promises),
  verdicts: await database.db.select().from(verdicts),
});

describe('the seeded demo board', () => {
  it('has replies, kept and broken promises, verdicts and me-toos', async () => {
    const demo = await read();
    const outcomes = new Set(demo.promises.map((promise) => promise.outcome));
    expect(outcomes).toContain('kept');
    expect(outcomes).toContain('broken');
    expect(demo.messages.some((message) => message.kind === 'brand_reply')).toBe(true);
    expect(demo.verdicts.length).toBeGreaterThan(20);
    expect(demo.posts.reduce((sum, post) => sum + post.meTooCount, 0)).toBeGreaterThan(20);
  });

  it('has answered likes marked by enough readers to be exceptional stories', async () => {
    const stories = (await read()).posts.filter(
      (post) => post.kind === 'like' && post.firstBrandReplyAt && post.helpfulCount >= LIKE_STORY_MIN_HELPFUL,
    );
    expect(stories.length).toBeGreaterThanOrEqual(3);
  });

  it('gives every like no status and every fail a status consistent with its thread', async () => {
    const demo = await read();
    const verdictByPost = new Map(demo.verdicts.map((verdict) => [verdict.postId, verdict]));
    const messagesByPost = new Map<number, number>();
    for (const message of demo.messages)
      messagesByPost.set(message.postId, (messagesByPost.get(message.postId) ?? 0) + 1);
    for (const post of demo.posts) {
      expect(post.messageCount).toBe(messagesByPost.get(post.id) ?? 0);
      if (post.kind === 'like') {
        expect(post.status).toBeNull();
        continue;
      }
      const verdict = verdictByPost.get(post.id);
      if (verdict) expect(post.status).toBe(verdict.resolved ? 'resolved' : 'not_resolved');
      if (post.status === 'waiting') expect(post.firstBrandReplyAt).toBeNull();
    }
  });

  it('marks some repeated brand scripts as template replies', async () => {
    const { messages } = await read();
    const templates = messages.filter((message) => message.isTemplate);
    expect(templates.length).toBeGreaterThan(5);
    for (const template of templates) {
      const source = messages.find((message) => message.id === template.templateOfId)!;
      expect(source.brandId).toBe(template.brandId);
      expect(source.postId).not.toBe(template.postId);
      expect(source.createdAt.getTime()).toBeLessThanOrEqual(template.createdAt.getTime());
    }
  });

  it('ranks every French-speaking brand over 12 months, with French replies in its threads', async () => {
    const ranking = await listRankingPage(database.db, { window: '12m' }, 'score', { offset: 0, limit: 100 });
    for (const { slug } of FRENCH_DEMO_BRANDS) {
      const row = ranking.find((entry) => entry.slug === slug);
      expect(row?.stats.score, slug).not.toBeNull();
    }
    const demo = await read();
    const frenchPosts = new Set(demo.posts.filter((post) => post.language === 'fr').map((post) => post.id));
    const frenchReplies = demo.messages.filter(
      (message) => frenchPosts.has(message.postId) && message.kind === 'brand_reply',
    );
    expect(frenchReplies.length).toBeGreaterThan(30);
    expect(frenchReplies.filter((reply) => /\b(Bonjour|Merci)\b/.test(reply.body)).length).toBeGreaterThan(
      15,
    );
  });
});
