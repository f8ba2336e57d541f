/**
 * The fail lifecycle (DESIGN §4) as one pure transition function.
 *
 * waiting ─reply─▶ answered ─promise─▶ promised ─propose─▶ resolution proposed
 * and the customer's verdict (resolved / not resolved) at any time after the
 * brand's first reply. A proposal left without a verdict for 30 days closes as
 * "unconfirmed"; a fail without any reply for 30 days shows "unanswered" (a
 * display status derived here, never stored).
 */
import { UNANSWERED_AFTER_DAYS } from './vocabulary.ts';
import type { FailStatus, PostKind } from './vocabulary.ts';

export { UNANSWERED_AFTER_DAYS };
export const UNCONFIRMED_AFTER_DAYS = 30;
const DAY_MILLISECONDS = 24 * 60 * 60 * 1000;

export type FailTransition =
  | { type: 'brand_reply' }
  | { type: 'promise' }
  | { type: 'propose_resolution' }
  | { type: 'verdict'; resolved: boolean }
  | { type: 'close_unconfirmed'; proposedAt: Date; now: Date };

export type TransitionRefusal = 'no_brand_reply_yet' | 'already_settled' | 'no_open_proposal' | 'too_early';

export type TransitionResult = { ok: true; status: FailStatus } | { ok: false; reason: TransitionRefusal };

/** A new fail waits for the brand's first reply; a like has no lifecycle. */
export function openingStatus(kind: PostKind): FailStatus | null {
  return kind === 'fail' ? 'waiting' : null;
}

/** Statuses in which the case is over unless the brand or customer reopens it. */
const SETTLED: ReadonlySet<FailStatus> = new Set(['resolved', 'unconfirmed']);

export function applyFailTransition(current: FailStatus, transition: FailTransition): TransitionResult {
  switch (transition.type) {
    case 'brand_reply':
      // A reply never moves a case backwards; it only lifts it out of "waiting".
      return { ok: true, status: current === 'waiting' ? 'answered' : current };
    case 'promise':
      if (SETTLED.has(current)) return { ok: false, reason: 'already_settled' };
      return { ok: true, status: 'promised' };
    case 'propose_resolution':
      if (SETTLED.has(current)) return { ok: false, reason: 'already_settled' };
      return { ok: true, status: 'resolution_proposed' };
    case 'verdict':
      if (current === 'waiting') return { ok: false, reason: 'no_brand_reply_yet' };
      return { ok: true, status: transition.resolved ? 'resolved' : 'not_resolved' };
    case 'close_unconfirmed': {
      if (current !== 'resolution_proposed') return { ok: false, reason: 'no_open_proposal' };
      const ageDays = (transition.now.getTime() - transition.proposedAt.getTime()) / DAY_MILLISECONDS;
      if (ageDays < UNCONFIRMED_AFTER_DAYS) return { ok: false, reason: 'too_early' };
      return { ok: true, status: 'unconfirmed' };
    }
  }
}

/** Whether a status counts as settled for the resolution rate (DESIGN §5). */
export function isSettledStatus(status: FailStatus): boolean {
  return status === 'resolved' || status === 'not_resolved' || status === 'unconfirmed';
}

export type DisplayStatus = FailStatus | 'unanswered' | 'promise_broken';

/**
 * What a reader sees: a waiting fail older than 30 days is "unanswered"; a
 * promised fail whose promised day passed without a resolution (its latest
 * promise is broken and no new one is pending) is "promise broken".
 */
export function displayStatus(
  status: FailStatus,
  postedAt: Date,
  now: Date,
  promiseBroken: boolean = false,
): DisplayStatus {
  if (status === 'promised' && promiseBroken) return 'promise_broken';
  if (status !== 'waiting') return status;
  const ageDays = (now.getTime() - postedAt.getTime()) / DAY_MILLISECONDS;
  return ageDays >= UNANSWERED_AFTER_DAYS ? 'unanswered' : 'waiting';
}

/**
 * The badge colour of each status, always beside its words: green when the
 * customer says resolved, red when the brand let them down (silence, a broken
 * promise, not resolved), amber while the brand or the customer has a move to
 * make, blue once answered, grey when closed without a word from the customer.
 */
export type StatusTone = 'good' | 'bad' | 'pending' | 'info' | 'neutral';
export const STATUS_TONES: Record<DisplayStatus, StatusTone> = {
  waiting: 'pending',
  answered: 'info',
  promised: 'pending',
  promise_broken: 'bad',
  resolution_proposed: 'pending',
  resolved: 'good',
  not_resolved: 'bad',
  unconfirmed: 'neutral',
  unanswered: 'bad',
};
