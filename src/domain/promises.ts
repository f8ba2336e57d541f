/**
 * Promise outcomes (DESIGN §3, §5): a brand's dated commitment on a fail is
 * pending until one of these happens first —
 *   kept:     a resolution is proposed on or before the promised day;
 *   replaced: a new date is set before the promised day has passed;
 *   broken:   the promised day passes with neither.
 * Days are calendar days in UTC: a promise "by 14 June" holds until 15 June 00:00 UTC.
 */
import { fieldMessage } from './field-messages.ts';
import { formatDate } from './time.ts';
import type { PromiseOutcome } from './vocabulary.ts';

export const PROMISE_MAX_DAYS_AHEAD = 90;
const DAY_MS = 86_400_000;

/** The instant the promised day is over. */
export function promiseDeadline(dueOn: string): Date {
  return new Date(Date.parse(`${dueOn}T00:00:00Z`) + DAY_MS);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A new promise may be dated from today to 90 days ahead. */
export function checkPromiseDate(dueOn: string, now: Date): string | null {
  const due = Date.parse(`${dueOn}T00:00:00Z`);
  if (Number.isNaN(due) || isoDay(new Date(due)) !== dueOn) return fieldMessage('promise_real_date');
  const today = Date.parse(`${isoDay(now)}T00:00:00Z`);
  if (due < today) return fieldMessage('promise_in_past');
  if (due > today + PROMISE_MAX_DAYS_AHEAD * DAY_MS)
    return fieldMessage('promise_too_far', { days: PROMISE_MAX_DAYS_AHEAD });
  return null;
}

export interface PendingPromise {
  dueOn: string;
}

/** What becomes of the pending promise when a resolution is proposed at `at`. */
export function outcomeOnProposal(
  promise: PendingPromise,
  at: Date,
): Extract<PromiseOutcome, 'kept' | 'broken'> {
  return at < promiseDeadline(promise.dueOn) ? 'kept' : 'broken';
}

/** What becomes of the pending promise when a new date is promised at `at`. */
export function outcomeOnNewPromise(
  promise: PendingPromise,
  at: Date,
): Extract<PromiseOutcome, 'replaced' | 'broken'> {
  return at < promiseDeadline(promise.dueOn) ? 'replaced' : 'broken';
}

/** Whether a still-pending promise is broken by now (no proposal, day over). */
export function isOverdue(promise: PendingPromise, now: Date): boolean {
  return now >= promiseDeadline(promise.dueOn);
}

/** The latest promise in words, for the post's facts and the inbox; null when none was made. */
export function describePromise(promise: { dueOn: string; outcome: PromiseOutcome } | null): string {
  if (!promise) return 'No promised date';
  const due = formatDate(promise.dueOn);
  switch (promise.outcome) {
    case 'pending':
      return `Due ${due}`;
    case 'kept':
      return `Kept: resolution proposed by ${due}`;
    case 'broken':
      return `Broken: ${due} passed without a resolution`;
    case 'replaced':
      return `Replaced before ${due} passed`;
  }
}
