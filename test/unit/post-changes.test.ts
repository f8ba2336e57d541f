/**
 * The planners of a post's own changes and of moderators' decisions (src/domain/post-changes.ts,
 * moderation-decisions.ts): what each writes, and what there is nothing to decide about.
 */
import { describe, expect, it } from 'vitest';
import { planDecision, type DecidedItem } from '../../src/domain/moderation-decisions.ts';
import { planEdit, planWithdrawal } from '../../src/domain/post-changes.ts';

const now = new Date('2026-06-14T12:00:00Z');
const createdAt = new Date('2026-06-01T09:00:00Z');
const text = { title: 'Box dead', story: 'It died.', category: 'defect', channel: 'phone' } as const;
const post = { ...text, revisionCount: 0, createdAt };

describe('an edit', () => {
  it('keeps the replaced version, published when the post was, and counts the revision', () => {
    const plan = planEdit(post, { ...text, story: 'It died on the night of the final.' }, 7, null, now);
    expect(plan).toEqual({
      revision: { revision: 1, ...text, publishedAt: createdAt },
      post: { ...text, story: 'It died on the night of the final.', revisionCount: 1, updatedAt: now },
      event: { type: 'edited', actorId: 7, data: {}, at: now },
    });
  });

  it('dates the replaced version at the previous edit once there was one', () => {
    const previousEdit = new Date('2026-06-05T10:00:00Z');
    const plan = planEdit({ ...post, revisionCount: 2 }, { ...text, channel: 'email' }, 7, previousEdit, now);
    expect(plan?.revision).toMatchObject({ revision: 3, channel: 'phone', publishedAt: previousEdit });
  });

  it('plans nothing when nothing changed', () => {
    expect(planEdit(post, { ...text }, 7, null, now)).toBeNull();
  });
});

it('a withdrawal takes the post off the board, by its author, now', () => {
  expect(planWithdrawal(7, now)).toEqual({
    revision: null,
    post: { visibility: 'withdrawn', withdrawnAt: now, updatedAt: now },
    event: { type: 'withdrawn', actorId: 7, data: {}, at: now },
  });
});

describe('a moderator’s decision', () => {
  const published: DecidedItem = { kind: 'post', postId: 12, visibility: 'published' };
  const removal = { decision: 'remove', reason: 'personal_data', explanation: 'a private number.' } as const;

  it.each<[string, DecidedItem, 'keep' | 'remove' | 'restore', boolean]>([
    ['remove a published post', published, 'remove', true],
    ['remove a withdrawn post', { kind: 'post', postId: 12, visibility: 'withdrawn' }, 'remove', false],
    ['remove a removed post', { kind: 'post', postId: 12, visibility: 'removed' }, 'remove', false],
    ['restore a published post', published, 'restore', false],
    ['restore a removed post', { kind: 'post', postId: 12, visibility: 'removed' }, 'restore', true],
    ['keep a withdrawn post', { kind: 'post', postId: 12, visibility: 'withdrawn' }, 'keep', true],
    ['remove a message', { kind: 'message', messageId: 4, removed: false }, 'remove', true],
    ['remove a removed message', { kind: 'message', messageId: 4, removed: true }, 'remove', false],
    ['restore a removed message', { kind: 'message', messageId: 4, removed: true }, 'restore', true],
  ])('may %s: %s', (_name, item, decision, ok) => {
    const planned = planDecision(item, { decision, reason: 'spam', explanation: 'x' }, 3, now);
    expect(planned.ok).toBe(ok);
  });

  it('removes a post behind its public reason, upholds its flags and logs the reason’s code', () => {
    const planned = planDecision(published, removal, 3, now);
    expect(planned).toEqual({
      ok: true,
      plan: {
        flagStatus: 'upheld',
        message: null,
        post: {
          revision: null,
          post: {
            visibility: 'removed',
            removedAt: now,
            removalReason: 'Personal data: a private number.',
            updatedAt: now,
          },
          event: {
            type: 'removed',
            actorId: 3,
            data: { reason: 'Personal data: a private number.' },
            at: now,
          },
        },
        audit: {
          moderatorId: 3,
          action: 'remove_post',
          targetType: 'post',
          targetId: 12,
          reason: 'personal_data',
          note: 'a private number.',
          createdAt: now,
        },
      },
    });
  });

  it('keeps an item by dismissing its flags, changing nothing on it', () => {
    const planned = planDecision(
      { kind: 'message', messageId: 4, removed: false },
      { decision: 'keep', explanation: '' },
      3,
      now,
    );
    expect(planned).toMatchObject({
      ok: true,
      plan: {
        flagStatus: 'dismissed',
        post: null,
        message: null,
        audit: { action: 'keep_message', targetId: 4, reason: 'flags_dismissed' },
      },
    });
  });

  it('restores a message with no reason left on it', () => {
    const planned = planDecision(
      { kind: 'message', messageId: 4, removed: true },
      { decision: 'restore', explanation: 'fine' },
      3,
      now,
    );
    expect(planned).toMatchObject({
      ok: true,
      plan: {
        flagStatus: 'dismissed',
        message: { removedAt: null, removalReason: null },
        audit: { action: 'restore_message', reason: 'restored' },
      },
    });
  });
});
