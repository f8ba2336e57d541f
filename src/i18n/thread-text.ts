/**
 * The thread's events and a post's promise told as sentences in the request's language
 * ("Marie from Northwind took over from Alex", "Promise kept: resolution proposed before 14 Jun 2026").
 * The domain keeps its English sentences (`describeEvent`, `describePromise`) for the API; pages
 * show these. Dates go through `formatDate` in the same language.
 */
import { UNCONFIRMED_AFTER_DAYS } from '../domain/lifecycle.ts';
import { formatDate } from '../domain/time.ts';
import type { ThreadEventView } from '../domain/views.ts';
import type { PromiseOutcome } from '../domain/vocabulary.ts';
import { m } from './messages.ts';
import { currentLanguage } from './request-language.ts';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

const day = (value: string | Date) => formatDate(value, currentLanguage());

export function threadEventText(event: ThreadEventView): string {
  const actor = event.actorName ?? m.thread_someone();
  const who = event.brandName ? m.thread_who_from({ actor, brand: event.brandName }) : actor;
  const dueOn = text(event.data['dueOn']);
  const due = dueOn ? day(dueOn) : m.thread_a_date();
  switch (event.type) {
    case 'case_taken': {
      const previous = text(event.data['previousHandlerName']);
      return previous ? m.thread_case_taken_over({ who, previous }) : m.thread_case_taken({ who });
    }
    case 'promise_made':
      return dueOn ? m.thread_promise_made({ who, due }) : m.thread_promise_made_undated({ who });
    case 'promise_replaced': {
      const previousDue = text(event.data['previousDueOn']);
      return previousDue
        ? m.thread_promise_moved({ who, previous: day(previousDue), due })
        : m.thread_promise_new_date({ who, due });
    }
    case 'promise_kept':
      return m.thread_promise_kept({ due });
    case 'promise_broken':
      return m.thread_promise_broken({ due });
    case 'resolution_proposed':
      return m.thread_resolution_proposed({ who });
    case 'escalated':
      return m.thread_escalated({ who, team: text(event.data['team']) ?? m.thread_another_team() });
    case 'verdict':
    case 'verdict_changed': {
      const parts = {
        actor,
        resolved: event.data['resolved'] === true ? m.thread_resolved() : m.thread_not_resolved(),
        again: event.data['wouldBuyAgain'] === true ? m.thread_buy_again() : m.thread_not_buy_again(),
      };
      return event.type === 'verdict' ? m.thread_verdict(parts) : m.thread_verdict_changed(parts);
    }
    case 'closed_unconfirmed':
      return m.thread_closed_unconfirmed({ days: UNCONFIRMED_AFTER_DAYS });
    case 'edited':
      return m.thread_edited_post({ actor });
    case 'withdrawn':
      return m.thread_withdrew_post({ actor });
    case 'removed':
      return m.thread_removed({ reason: text(event.data['reason']) ?? m.thread_no_reason() });
    case 'restored':
      return m.thread_restored();
  }
}

/** "Due 14 Jun 2026", "Broken: 14 Jun 2026 passed without a resolution". */
export function promiseText(promise: { dueOn: string; outcome: PromiseOutcome } | null): string {
  if (!promise) return m.post_promise_none();
  const due = day(promise.dueOn);
  switch (promise.outcome) {
    case 'pending':
      return m.post_promise_pending({ due });
    case 'kept':
      return m.post_promise_kept({ due });
    case 'broken':
      return m.post_promise_broken({ due });
    case 'replaced':
      return m.post_promise_replaced({ due });
  }
}
