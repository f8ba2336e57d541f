/**
 * The public thread under a post: messages (author follow-ups, brand replies)
 * and events (case taken, promise made, verdict…) merged into one timeline,
 * each event told as a sentence that says who did what.
 */
import { formatDate } from './time.ts';
import type { ThreadEventView } from './views.ts';

export interface TimelineMessage {
  id: number;
  createdAt: Date;
}

/** An event as the post page reads it (src/domain/views.ts). */
export type TimelineEvent = ThreadEventView;

export type TimelineEntry<M extends TimelineMessage, E extends TimelineEvent> =
  { kind: 'message'; at: Date; message: M } | { kind: 'event'; at: Date; event: E };

/**
 * Orders messages and events by time; at the same instant a message comes
 * before the events it caused (a reply, then "promised a date").
 */
export function buildTimeline<M extends TimelineMessage, E extends TimelineEvent>(
  messages: readonly M[],
  events: readonly E[],
): TimelineEntry<M, E>[] {
  const entries: TimelineEntry<M, E>[] = [
    ...messages.map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
    ...events.map((event) => ({ kind: 'event' as const, at: event.createdAt, event })),
  ];
  const rank = (entry: TimelineEntry<M, E>) => (entry.kind === 'message' ? 0 : 1);
  const id = (entry: TimelineEntry<M, E>) => (entry.kind === 'message' ? entry.message.id : entry.event.id);
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b) || id(a) - id(b));
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** "Marie from Northwind Telecom took over from Alex", "Promise kept (14 Jun 2026)". */
export function describeEvent(event: TimelineEvent): string {
  const actor = event.actorName ?? 'Someone';
  const who = event.brandName ? `${actor} from ${event.brandName}` : actor;
  const dueOn = text(event.data['dueOn']);
  const due = dueOn ? formatDate(dueOn) : 'a date';
  switch (event.type) {
    case 'case_taken': {
      const previous = text(event.data['previousHandlerName']);
      return previous ? `${who} took over from ${previous}` : `${who} took this case`;
    }
    case 'promise_made':
      return `${who} promised a fix by ${due}`;
    case 'promise_replaced': {
      const previousDue = text(event.data['previousDueOn']);
      return previousDue
        ? `${who} moved the promised date from ${formatDate(previousDue)} to ${due}, before it passed`
        : `${who} set a new promised date: ${due}`;
    }
    case 'promise_kept':
      return `Promise kept: resolution proposed before ${due}`;
    case 'promise_broken':
      return `Promise broken: ${due} passed without a resolution`;
    case 'resolution_proposed':
      return `${who} proposed a resolution`;
    case 'escalated':
      return `${who} escalated this case to ${text(event.data['team']) ?? 'another team'}`;
    case 'verdict':
    case 'verdict_changed': {
      const resolved = event.data['resolved'] === true ? 'resolved' : 'not resolved';
      const again = event.data['wouldBuyAgain'] === true ? 'would buy again' : 'would not buy again';
      const verb = event.type === 'verdict' ? 'says' : 'changed the verdict:';
      return `${actor} ${verb} ${resolved}, ${again}`;
    }
    case 'closed_unconfirmed':
      return 'Closed as unconfirmed: no verdict 30 days after the proposed resolution';
    case 'edited':
      return `${actor} edited the post`;
    case 'withdrawn':
      return `${actor} withdrew the post`;
    case 'removed':
      return `A moderator removed this content: ${text(event.data['reason']) ?? 'no reason given'}`;
    case 'restored':
      return 'A moderator restored this content';
  }
}
