import { describe, expect, it } from 'vitest';
import {
  applyFailTransition,
  displayStatus,
  isSettledStatus,
  type FailTransition,
} from '../../src/domain/lifecycle.ts';
import type { FailStatus } from '../../src/domain/vocabulary.ts';

const day = 86_400_000;
const posted = new Date('2026-05-01T10:00:00Z');

describe('the fail lifecycle', () => {
  const cases: [FailStatus, FailTransition, FailStatus | `refused:${string}`][] = [
    ['waiting', { type: 'brand_reply' }, 'answered'],
    ['answered', { type: 'brand_reply' }, 'answered'],
    ['promised', { type: 'brand_reply' }, 'promised'],
    ['not_resolved', { type: 'brand_reply' }, 'not_resolved'],
    ['waiting', { type: 'promise' }, 'promised'],
    ['answered', { type: 'promise' }, 'promised'],
    ['promised', { type: 'promise' }, 'promised'],
    ['not_resolved', { type: 'promise' }, 'promised'],
    ['resolved', { type: 'promise' }, 'refused:already_settled'],
    ['unconfirmed', { type: 'promise' }, 'refused:already_settled'],
    ['answered', { type: 'propose_resolution' }, 'resolution_proposed'],
    ['promised', { type: 'propose_resolution' }, 'resolution_proposed'],
    ['not_resolved', { type: 'propose_resolution' }, 'resolution_proposed'],
    ['resolved', { type: 'propose_resolution' }, 'refused:already_settled'],
    ['waiting', { type: 'verdict', resolved: true }, 'refused:no_brand_reply_yet'],
    ['answered', { type: 'verdict', resolved: true }, 'resolved'],
    ['promised', { type: 'verdict', resolved: false }, 'not_resolved'],
    ['resolution_proposed', { type: 'verdict', resolved: true }, 'resolved'],
    ['resolution_proposed', { type: 'verdict', resolved: false }, 'not_resolved'],
    ['resolved', { type: 'verdict', resolved: false }, 'not_resolved'],
    ['unconfirmed', { type: 'verdict', resolved: true }, 'resolved'],
    [
      'resolution_proposed',
      { type: 'close_unconfirmed', proposedAt: posted, now: new Date(posted.getTime() + 30 * day) },
      'unconfirmed',
    ],
    [
      'resolution_proposed',
      { type: 'close_unconfirmed', proposedAt: posted, now: new Date(posted.getTime() + 29 * day) },
      'refused:too_early',
    ],
    [
      'promised',
      { type: 'close_unconfirmed', proposedAt: posted, now: new Date(posted.getTime() + 40 * day) },
      'refused:no_open_proposal',
    ],
  ];

  it.each(cases)('from %s, %o gives %s', (from, transition, expected) => {
    const result = applyFailTransition(from, transition);
    if (expected.startsWith('refused:')) {
      expect(result).toEqual({ ok: false, reason: expected.slice('refused:'.length) });
    } else {
      expect(result).toEqual({ ok: true, status: expected });
    }
  });

  it('counts resolved, not resolved and unconfirmed fails as settled, and nothing else', () => {
    const settled = (
      [
        'waiting',
        'answered',
        'promised',
        'resolution_proposed',
        'resolved',
        'not_resolved',
        'unconfirmed',
      ] as const
    ).filter(isSettledStatus);
    expect(settled).toEqual(['resolved', 'not_resolved', 'unconfirmed']);
  });
});

describe('what readers see', () => {
  it('shows a fail without any reply for 30 days as unanswered', () => {
    expect(displayStatus('waiting', posted, new Date(posted.getTime() + 30 * day))).toBe('unanswered');
  });

  it('keeps a younger fail as waiting', () => {
    expect(displayStatus('waiting', posted, new Date(posted.getTime() + 29 * day))).toBe('waiting');
  });

  it('never calls an answered fail unanswered, however old', () => {
    expect(displayStatus('answered', posted, new Date(posted.getTime() + 300 * day))).toBe('answered');
  });
});
