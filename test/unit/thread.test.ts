import { describe, expect, it } from 'vitest';
import { buildTimeline, describeEvent, type TimelineEvent } from '../../src/domain/thread.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 5, 14, 10, minute));
const event = (overrides: Partial<TimelineEvent>): TimelineEvent => ({
  id: 1,
  type: 'case_taken',
  data: {},
  createdAt: at(0),
  actorName: 'Marie',
  brandName: 'Northwind Telecom',
  ...overrides,
});

describe('the thread timeline', () => {
  it('orders messages and events by time, a message before the events it caused', () => {
    const timeline = buildTimeline(
      [
        { id: 2, createdAt: at(5) },
        { id: 1, createdAt: at(1) },
      ],
      [event({ id: 7, createdAt: at(5), type: 'promise_made' }), event({ id: 3, createdAt: at(0) })],
    );
    expect(
      timeline.map(
        (entry) => `${entry.kind}:${entry.kind === 'message' ? entry.message.id : entry.event.id}`,
      ),
    ).toEqual(['event:3', 'message:1', 'message:2', 'event:7']);
  });
});

describe('thread events told as sentences', () => {
  it('shows a takeover between agents', () => {
    expect(describeEvent(event({ data: { previousHandlerName: 'Alex' } }))).toBe(
      'Marie from Northwind Telecom took over from Alex',
    );
  });

  it('shows a promise with its date', () => {
    expect(describeEvent(event({ type: 'promise_made', data: { dueOn: '2026-06-14' } }))).toBe(
      'Marie from Northwind Telecom promised a fix by 14 Jun 2026',
    );
  });

  it('shows the customer verdict without the brand name', () => {
    expect(
      describeEvent(
        event({
          type: 'verdict',
          actorName: 'Ravi P.',
          brandName: null,
          data: { resolved: false, wouldBuyAgain: false },
        }),
      ),
    ).toBe('Ravi P. says not resolved, would not buy again');
  });

  it('shows an escalation with the team', () => {
    expect(describeEvent(event({ type: 'escalated', data: { team: 'Billing' } }))).toBe(
      'Marie from Northwind Telecom escalated this case to Billing',
    );
  });
});
