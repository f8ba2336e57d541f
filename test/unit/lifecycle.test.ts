import { describe, expect, it } from 'vitest';
import {
  applyFailTransition,
  displayStatus,
  isSettledStatus,
  STATUS_TONES,
  type DisplayStatus,
  type FailTransition,
} from '../../src/domain/lifecycle.ts';
import { describePromise } from '../../src/domain/promises.ts';
import { FAIL_STATUSES, STATUS_LABELS, type FailStatus } from '../../src/domain/vocabulary.ts';

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

  it('shows a promised fail whose promise was broken as "Promise broken", in red', () => {
    const shown = displayStatus('promised', posted, posted, true);
    expect(shown).toBe('promise_broken');
    expect(STATUS_LABELS[shown]).toBe('Promise broken');
    expect(STATUS_TONES[shown]).toBe('bad');
    expect(displayStatus('promised', posted, posted, false)).toBe('promised');
  });

  it('lets a broken promise change nothing once the case moved on', () => {
    expect(displayStatus('not_resolved', posted, posted, true)).toBe('not_resolved');
    expect(displayStatus('resolved', posted, posted, true)).toBe('resolved');
  });

  it('gives every status its own words, and a colour only beside them', () => {
    const shown: DisplayStatus[] = [...FAIL_STATUSES, 'unanswered', 'promise_broken'];
    const labels = shown.map((status) => STATUS_LABELS[status]);
    expect(new Set(labels).size).toBe(shown.length);
    for (const status of shown) expect(STATUS_TONES[status]).toMatch(/^(good|bad|pending|info|neutral)$/);
    expect(STATUS_TONES.resolved).toBe('good');
    expect(STATUS_TONES.unanswered).toBe('bad');
  });
});

describe('a promise in words', () => {
  it('says when it is due, kept, broken or replaced, and when there is none', () => {
    expect(describePromise(null)).toBe('No promised date');
    expect(describePromise({ dueOn: '2026-06-14', outcome: 'pending' })).toBe('Due 14 Jun 2026');
    expect(describePromise({ dueOn: '2026-06-14', outcome: 'kept' })).toBe(
      'Kept: resolution proposed by 14 Jun 2026',
    );
    expect(describePromise({ dueOn: '2026-06-14', outcome: 'broken' })).toBe(
      'Broken: 14 Jun 2026 passed without a resolution',
    );
    expect(describePromise({ dueOn: '2026-06-14', outcome: 'replaced' })).toBe(
      'Replaced before 14 Jun 2026 passed',
    );
  });
});
