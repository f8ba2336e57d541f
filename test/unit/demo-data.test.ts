import { describe, expect, it } from 'vitest';
import { buildDemo, DEMO_ACCOUNTS, DEMO_BRAND_SLUG } from '../../db/seed/demo.ts';
import { LIKE_STORY_MIN_HELPFUL } from '../../src/domain/stories.ts';

const now = new Date('2026-06-15T12:00:00Z');
const demo = buildDemo({ now, passwordHash: 'x' });
const DAY = 86_400_000;

describe('the demo board', () => {
  it('is the same every time for the same day', () => {
    const again = buildDemo({ now, passwordHash: 'x' });
    expect(again.posts).toEqual(demo.posts);
    expect(again.messages).toEqual(demo.messages);
  });

  it('has at least 12 fictional brands in at least 6 sectors, all on reserved .example domains', () => {
    expect(demo.brands.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demo.brands.map((brand) => brand.sector)).size).toBeGreaterThanOrEqual(6);
    for (const brand of demo.brands) expect(brand.domain).toMatch(/\.example$/);
  });

  it('has at least 300 posts spread over the last 14 months', () => {
    expect(demo.posts.length).toBeGreaterThanOrEqual(300);
    const ages = demo.posts.map((post) => (now.getTime() - (post.createdAt as Date).getTime()) / DAY);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeGreaterThan(395);
    expect(Math.max(...ages)).toBeLessThanOrEqual(430);
  });

  it('has replies, kept and broken promises, verdicts and me-toos', () => {
    const outcomes = new Set(demo.promises.map((promise) => promise.outcome));
    expect(outcomes).toContain('kept');
    expect(outcomes).toContain('broken');
    expect(demo.messages.some((message) => message.kind === 'brand_reply')).toBe(true);
    expect(demo.verdicts.length).toBeGreaterThan(20);
    expect(demo.meToos.length).toBeGreaterThan(20);
  });

  it('has helpful marks, with answered likes marked by enough readers to be exceptional stories', () => {
    const stories = demo.posts.filter(
      (post) =>
        post.kind === 'like' && post.firstBrandReplyAt && (post.helpfulCount ?? 0) >= LIKE_STORY_MIN_HELPFUL,
    );
    expect(stories.length).toBeGreaterThanOrEqual(3);
    for (const post of demo.posts) {
      const marks = demo.helpfulMarks.filter((mark) => mark.postId === post.id);
      expect(marks.length).toBe(post.helpfulCount ?? 0);
      expect(marks.some((mark) => mark.userId === post.authorId)).toBe(false);
    }
  });

  it('makes the demo owner the owner of the verified Northwind Telecom', () => {
    const owner = demo.users.find((user) => user.email === DEMO_ACCOUNTS.brandOwner)!;
    const brand = demo.brands.find((b) => b.slug === DEMO_BRAND_SLUG)!;
    expect(brand.verifiedAt).not.toBeNull();
    expect(demo.members).toContainEqual(
      expect.objectContaining({ brandId: brand.id, userId: owner.id, role: 'owner' }),
    );
    expect(demo.users.find((user) => user.email === DEMO_ACCOUNTS.moderator)?.role).toBe('moderator');
  });

  it('never has a brand member post about their own brand', () => {
    const membersOf = new Map<number, Set<number>>();
    for (const member of demo.members)
      membersOf.set(member.brandId, (membersOf.get(member.brandId) ?? new Set()).add(member.userId));
    for (const post of demo.posts)
      expect(membersOf.get(post.brandId)?.has(post.authorId) ?? false).toBe(false);
  });

  it('gives every like no status and every fail a status consistent with its verdict', () => {
    const verdictByPost = new Map(demo.verdicts.map((verdict) => [verdict.postId, verdict]));
    for (const post of demo.posts) {
      if (post.kind === 'like') {
        expect(post.status).toBeNull();
        continue;
      }
      const verdict = verdictByPost.get(post.id!);
      if (verdict) expect(post.status).toBe(verdict.resolved ? 'resolved' : 'not_resolved');
      if (post.status === 'waiting') expect(post.firstBrandReplyAt ?? null).toBeNull();
    }
  });

  it('marks some repeated brand scripts as template replies', () => {
    const templates = demo.messages.filter((message) => message.isTemplate);
    expect(templates.length).toBeGreaterThan(5);
    for (const template of templates) {
      const source = demo.messages.find((message) => message.id === template.templateOfId)!;
      expect(source.brandId).toBe(template.brandId);
      expect(source.postId).not.toBe(template.postId);
    }
  });
});
