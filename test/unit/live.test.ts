/**
 * Live updates, the rules (src/domain/live.ts): which stream a URL asks for,
 * who may open it, what each page hears, and when a reconnecting page is
 * caught up from the kept events rather than told to reload.
 */
import { describe, expect, it } from 'vitest';
import {
  authorizeLiveTopic,
  canReplayAfter,
  liveEventFor,
  parseLastEventId,
  parseLiveTopic,
  type LiveChange,
  type LiveTopic,
} from '../../src/domain/live.ts';
import type { Actor } from '../../src/domain/policy.ts';

const BRAND = 1;
const OTHER_BRAND = 2;
const POST = 40;
const customer: Actor = { id: 10, role: 'customer', emailVerified: true, suspended: false, memberships: [] };
const member: Actor = { ...customer, id: 11, memberships: [{ brandId: BRAND, role: 'member' }] };
const otherMember: Actor = { ...customer, id: 12, memberships: [{ brandId: OTHER_BRAND, role: 'owner' }] };
const moderator: Actor = { ...customer, id: 14, role: 'moderator' };

describe('the stream a URL asks for', () => {
  it('is the home feed without parameters, or one brand, post or inbox', () => {
    expect(parseLiveTopic({})).toEqual({ page: 'home' });
    expect(parseLiveTopic({ brand: 'northwind' })).toEqual({ page: 'brand', slug: 'northwind' });
    expect(parseLiveTopic({ post: '12' })).toEqual({ page: 'post', postId: 12 });
    expect(parseLiveTopic({ inbox: 'northwind' })).toEqual({ page: 'inbox', slug: 'northwind' });
  });

  it('is nothing when the URL asks for two pages, an unknown one, or a post that is not an id', () => {
    expect(parseLiveTopic({ brand: 'a', post: '1' })).toBeNull();
    expect(parseLiveTopic({ topic: 'everything' })).toBeNull();
    expect(parseLiveTopic({ post: '-1' })).toBeNull();
    expect(parseLiveTopic({ post: '1e3x' })).toBeNull();
    expect(parseLiveTopic({ post: '99999999999' })).toBeNull();
    expect(parseLiveTopic({ brand: '' })).toBeNull();
  });
});

describe('who may open a stream', () => {
  it('anyone, for the home feed, a brand page and a published post', () => {
    expect(authorizeLiveTopic(null, { page: 'home' })).toEqual({ ok: true, topic: { page: 'home' } });
    expect(authorizeLiveTopic(null, { page: 'brand', brandId: BRAND }).ok).toBe(true);
    const published = { page: 'post', postId: POST, authorId: 50, visibility: 'published' } as const;
    expect(authorizeLiveTopic(null, published)).toEqual({ ok: true, topic: { page: 'post', postId: POST } });
  });

  it('nobody, for what does not exist', () => {
    expect(authorizeLiveTopic(moderator, null)).toMatchObject({ ok: false, status: 404 });
  });

  it('only the author and moderators, for a post held for review, which does not exist for others', () => {
    const held = { page: 'post', postId: POST, authorId: customer.id, visibility: 'held' } as const;
    expect(authorizeLiveTopic(null, held)).toMatchObject({ ok: false, status: 404 });
    expect(authorizeLiveTopic(member, held)).toMatchObject({ ok: false, status: 404 });
    expect(authorizeLiveTopic(customer, held).ok).toBe(true);
    expect(authorizeLiveTopic(moderator, held).ok).toBe(true);
  });

  it("only the brand's team, for its inbox: readers are asked to log in, others refused", () => {
    const inbox = { page: 'inbox', brandId: BRAND } as const;
    expect(authorizeLiveTopic(member, inbox)).toEqual({ ok: true, topic: { page: 'inbox', brandId: BRAND } });
    expect(authorizeLiveTopic(null, inbox)).toMatchObject({ ok: false, status: 401 });
    expect(authorizeLiveTopic(customer, inbox)).toMatchObject({ ok: false, status: 403 });
    expect(authorizeLiveTopic(otherMember, inbox)).toMatchObject({ ok: false, status: 403 });
    expect(authorizeLiveTopic(moderator, inbox)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('what each page hears', () => {
  const change = (kind: LiveChange['kind'], brandId: number | null, postId: number | null): LiveChange => ({
    id: 7,
    kind,
    brandId,
    postId,
  });
  const home: LiveTopic = { page: 'home' };
  const brand: LiveTopic = { page: 'brand', brandId: BRAND };
  const post: LiveTopic = { page: 'post', postId: POST };
  const inbox: LiveTopic = { page: 'inbox', brandId: BRAND };

  it('the home feed hears new posts of every brand, not thread changes or figures', () => {
    expect(liveEventFor(home, change('post', OTHER_BRAND, 3))).toBe('posts');
    expect(liveEventFor(home, change('thread', BRAND, POST))).toBeNull();
    expect(liveEventFor(home, change('brand', BRAND, null))).toBeNull();
  });

  it("a brand page hears its own new posts and figures, not another brand's", () => {
    expect(liveEventFor(brand, change('post', BRAND, 3))).toBe('posts');
    expect(liveEventFor(brand, change('brand', BRAND, null))).toBe('figures');
    expect(liveEventFor(brand, change('post', OTHER_BRAND, 3))).toBeNull();
    expect(liveEventFor(brand, change('brand', OTHER_BRAND, null))).toBeNull();
  });

  it('a post page hears everything about that post only', () => {
    expect(liveEventFor(post, change('thread', BRAND, POST))).toBe('thread');
    expect(liveEventFor(post, change('post', BRAND, POST))).toBe('thread');
    expect(liveEventFor(post, change('thread', BRAND, POST + 1))).toBeNull();
    expect(liveEventFor(post, change('brand', BRAND, null))).toBeNull();
  });

  it("an inbox hears its brand's new posts and thread changes, not figures or other brands", () => {
    expect(liveEventFor(inbox, change('post', BRAND, 3))).toBe('inbox');
    expect(liveEventFor(inbox, change('thread', BRAND, 3))).toBe('inbox');
    expect(liveEventFor(inbox, change('brand', BRAND, null))).toBeNull();
    expect(liveEventFor(inbox, change('post', OTHER_BRAND, 3))).toBeNull();
  });

  it('every page reloads when the whole board changed', () => {
    for (const topic of [home, brand, post, inbox]) {
      expect(liveEventFor(topic, change('board', null, null))).toBe('reload');
    }
  });
});

describe('a page that reconnects', () => {
  it('sends its last event id, read as a positive integer or as none', () => {
    expect(parseLastEventId('42')).toBe(42);
    expect(parseLastEventId(' 42 ')).toBe(42);
    for (const bad of [null, '', '0', '-3', 'abc', '4.2', '1'.repeat(20)])
      expect(parseLastEventId(bad)).toBeNull();
  });

  it('is caught up when nothing after its last event was pruned, and reloads otherwise', () => {
    expect(canReplayAfter(10, 3)).toBe(true);
    expect(canReplayAfter(10, 11)).toBe(true);
    expect(canReplayAfter(10, 12)).toBe(false);
    expect(canReplayAfter(10, null)).toBe(false);
  });
});
