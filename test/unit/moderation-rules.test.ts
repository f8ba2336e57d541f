/**
 * The inputs of flags and moderators' decisions, as forms send them (Astro
 * reads an empty field as null), and the words readers see for outcomes.
 */
import { describe, expect, it } from 'vitest';
import {
  decisionSchema,
  describeFlagOutcome,
  flagSchema,
  REMOVAL_REASONS,
  removalReasonLabel,
} from '../../src/domain/moderation.ts';
import { FLAG_REASONS } from '../../src/domain/vocabulary.ts';
import { paths } from '../../src/paths.ts';

describe('a flag', () => {
  it('is about the post when the message field is empty, and its note is optional', () => {
    expect(flagSchema.parse({ postId: 7, messageId: null, reason: 'spam', note: null })).toEqual({
      postId: 7,
      messageId: null,
      reason: 'spam',
      note: '',
    });
    expect(flagSchema.parse({ postId: 7, messageId: '12', reason: 'hate', note: '  rude\u200b  ' })).toEqual({
      postId: 7,
      messageId: 12,
      reason: 'hate',
      note: 'rude',
    });
  });

  it('needs a known reason, a real id and a note of at most 500 characters', () => {
    expect(flagSchema.safeParse({ postId: 7, messageId: null, reason: 'boring', note: '' }).success).toBe(
      false,
    );
    expect(flagSchema.safeParse({ postId: 2 ** 31, messageId: null, reason: 'spam', note: '' }).success).toBe(
      false,
    );
    expect(flagSchema.safeParse({ postId: 7, messageId: '0', reason: 'spam', note: '' }).success).toBe(false);
    expect(
      flagSchema.safeParse({ postId: 7, messageId: null, reason: 'spam', note: 'x'.repeat(501) }).success,
    ).toBe(false);
  });
});

describe('a moderator’s decision', () => {
  const base = { postId: 3, messageId: null, reason: null, explanation: null };

  it('keeps without a reason or explanation', () => {
    expect(decisionSchema.parse({ ...base, decision: 'keep' })).toMatchObject({
      decision: 'keep',
      explanation: '',
    });
  });

  it('removes only with a reason and a public explanation', () => {
    const missing = decisionSchema.safeParse({ ...base, decision: 'remove' });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((issue) => issue.path[0]).sort()).toEqual(['explanation', 'reason']);
    expect(
      decisionSchema.parse({ ...base, decision: 'remove', reason: 'other', explanation: 'A court order.' }),
    ).toMatchObject({ reason: 'other', explanation: 'A court order.' });
  });

  it('restores only with an explanation', () => {
    expect(decisionSchema.safeParse({ ...base, decision: 'restore' }).success).toBe(false);
    expect(
      decisionSchema.safeParse({ ...base, decision: 'restore', explanation: 'Appeal upheld.' }).success,
    ).toBe(true);
  });
});

describe('the words', () => {
  it('offers every flag reason, plus “other”, as a removal reason, each with a guidelines anchor', () => {
    expect(REMOVAL_REASONS).toEqual([...FLAG_REASONS, 'other']);
    expect(paths.guidelines('personal_data')).toBe('/guidelines#personal_data');
    expect(removalReasonLabel('wrong_brand')).toBe('Not about this brand');
    expect(removalReasonLabel('an old free-text reason')).toBe('an old free-text reason');
  });

  it('tells a brand flag’s outcome as readers understand it', () => {
    expect(['open', 'dismissed', 'upheld'].map((s) => describeFlagOutcome(s as 'open'))).toEqual([
      'under review',
      'kept',
      'removed',
    ]);
  });
});
