import { describe, expect, it } from 'vitest';
import {
  heldDecisionSchema,
  liftSuspensionSchema,
  mergeBrandsSchema,
  mergedRole,
  suspendSchema,
} from '../../src/domain/moderator-actions.ts';

describe('seats when two brands’ teams become one', () => {
  it.each([
    // kept role, duplicate role, kept brand has an owner → role
    ['owner', null, true, 'owner'],
    ['owner', 'owner', true, 'owner'],
    ['member', 'owner', true, 'member'], // only one owner: the kept brand's
    [null, 'owner', true, 'member'],
    [null, 'owner', false, 'owner'], // a brand without owner takes the duplicate's
    ['member', 'member', true, 'member'],
    [null, 'member', false, 'member'],
  ] as const)('kept %s + duplicate %s (kept owned: %s) → %s', (kept, duplicate, owned, expected) => {
    expect(mergedRole(kept, duplicate, owned)).toBe(expected);
  });
});

describe('moderator inputs', () => {
  it('refuses merging a brand into itself', () => {
    const result = mergeBrandsSchema.safeParse({
      duplicateSlug: 'north',
      keepSlug: ' North ',
      reason: 'dup',
    });
    expect(result.success).toBe(false);
  });

  it('needs a reason to suspend, and gives lifting a default one', () => {
    expect(suspendSchema.safeParse({ userId: 3, reason: '' }).success).toBe(false);
    expect(suspendSchema.parse({ userId: 3, reason: ' Spam\u200b run ' }).reason).toBe('Spam run');
    expect(liftSuspensionSchema.parse({ userId: 3, reason: null }).reason).toBe('Suspension lifted');
  });

  it('needs a reason and an explanation to remove a held post, nothing to release it', () => {
    expect(
      heldDecisionSchema.safeParse({ postId: 1, decision: 'release', reason: '', explanation: '' }).success,
    ).toBe(true);
    expect(
      heldDecisionSchema.safeParse({ postId: 1, decision: 'remove', reason: '', explanation: 'x y z' })
        .success,
    ).toBe(false);
    expect(
      heldDecisionSchema.safeParse({
        postId: 1,
        decision: 'remove',
        reason: 'fake',
        explanation: 'Bought likes',
      }).success,
    ).toBe(true);
  });
});
