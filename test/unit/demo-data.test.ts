import { describe, expect, it } from 'vitest';
import {
  FRENCH_CLASSIC_STORIES,
  FRENCH_DEMO_BRANDS,
  FRENCH_STORY_TEMPLATES,
} from '../../db/seed/content-fr.ts';
import { buildDemo, DEMO_ACCOUNTS, DEMO_BRAND_SLUG, FRENCH_DEMO_BRAND_SLUG } from '../../db/seed/demo.ts';
import { MIN_POSTS_TO_RANK } from '../../src/domain/score.ts';

const now = new Date('2026-06-15T12:00:00Z');
const demo = buildDemo({ now, passwordHash: 'x' });
const DAY = 86_400_000;

describe('the demo board', () => {
  it('is the same every time for the same day', () => {
    const again = buildDemo({ now, passwordHash: 'x' });
    expect(again.posts).toEqual(demo.posts);
    expect(again.threads).toEqual(demo.threads);
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

  it('has a thread script for every post, and helpful marks that match the counters', () => {
    expect(demo.threads.map((thread) => thread.post.id)).toEqual(demo.posts.map((post) => post.id));
    expect(demo.threads.filter((thread) => thread.steps.length > 0).length).toBeGreaterThan(150);
    expect(demo.helpfulMarks.length).toBeGreaterThan(20);
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

  it('has French-speaking brands whose posts are written in French by French-speaking accounts', () => {
    const frenchSlugs = new Set(FRENCH_DEMO_BRANDS.map((brand) => brand.slug));
    expect(frenchSlugs.size).toBeGreaterThanOrEqual(5);
    const frenchBrandIds = new Set(demo.brands.filter((b) => frenchSlugs.has(b.slug)).map((b) => b.id));
    const language = new Map(demo.users.map((user) => [user.id, user.language]));
    for (const post of demo.posts) {
      const french = frenchBrandIds.has(post.brandId);
      expect(post.language).toBe(french ? 'fr' : 'en');
      expect(language.get(post.authorId)).toBe(french ? 'fr' : 'en');
    }
    for (const thread of demo.threads.filter((t) => frenchBrandIds.has(t.post.brandId))) {
      for (const step of thread.steps) {
        if (step.type === 'verdict') continue;
        // Every placeholder filled, and no English greeting slipped in.
        expect(step.body).not.toMatch(/[{}]|\b(Hi|Hello|there|Thank you)\b/);
      }
    }
    const frenchCustomer = demo.users.find((user) => user.email === DEMO_ACCOUNTS.frenchCustomer)!;
    expect(frenchCustomer.language).toBe('fr');
    expect(demo.posts.filter((post) => post.authorId === frenchCustomer.id).length).toBeGreaterThanOrEqual(2);
    const owner = demo.users.find((user) => user.email === DEMO_ACCOUNTS.frenchBrandOwner)!;
    const fibrelune = demo.brands.find((brand) => brand.slug === FRENCH_DEMO_BRAND_SLUG)!;
    expect(demo.members).toContainEqual(
      expect.objectContaining({ brandId: fibrelune.id, userId: owner.id, role: 'owner' }),
    );
  });

  it('gives every French-speaking brand enough posts over 12 months to be ranked', () => {
    for (const slug of FRENCH_DEMO_BRANDS.map((brand) => brand.slug)) {
      const brand = demo.brands.find((b) => b.slug === slug)!;
      const recent = demo.posts.filter(
        (post) => post.brandId === brand.id && now.getTime() - (post.createdAt as Date).getTime() < 365 * DAY,
      );
      expect(recent.length, slug).toBeGreaterThanOrEqual(MIN_POSTS_TO_RANK + 2);
    }
  });

  it('writes French titles that fit without being cut, with non-breaking spaces before high punctuation', () => {
    for (const story of [...FRENCH_CLASSIC_STORIES, ...FRENCH_STORY_TEMPLATES]) {
      expect(story.title.length).toBeLessThanOrEqual(110);
      for (const text of [story.title, story.story]) expect(text).not.toMatch(/ [:;!?»]|« /);
    }
  });
});
