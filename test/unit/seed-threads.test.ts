import { describe, expect, it } from 'vitest';
import { SeedStore } from '../../db/seed/store.ts';
import { playThread, type Agent, type ThreadStep } from '../../db/seed/threads.ts';

const alex: Agent = { userId: 10, name: 'Alex' };
const marie: Agent = { userId: 11, name: 'Marie' };
const postedAt = new Date('2026-05-01T09:00:00Z');
const hours = (h: number) => new Date(postedAt.getTime() + h * 3_600_000);
const fail = { id: 1, kind: 'fail' as const, brandId: 5, authorId: 2, createdAt: postedAt };

function play(steps: ThreadStep[], now = hours(24 * 90)) {
  const store = new SeedStore();
  const outcome = playThread(store, fail, steps, now);
  return { store, outcome, events: store.events.map((event) => event.type) };
}

describe('seeded threads follow the live rules', () => {
  it('keep a promise when a resolution is proposed by its date', () => {
    const { store, outcome, events } = play([
      { type: 'brand', at: hours(2), agent: alex, body: 'On it.', promiseDueOn: '2026-05-05' },
      { type: 'brand', at: hours(48), agent: alex, body: 'Fixed.', proposeResolution: true },
      { type: 'verdict', at: hours(60), resolved: true, wouldBuyAgain: true },
    ]);
    expect(store.promises[0]?.outcome).toBe('kept');
    expect(outcome.status).toBe('resolved');
    expect(events).toEqual(['case_taken', 'promise_made', 'resolution_proposed', 'promise_kept', 'verdict']);
  });

  it('break a promise whose date passes without a proposal', () => {
    const { store, outcome } = play([
      { type: 'brand', at: hours(2), agent: alex, body: 'On it.', promiseDueOn: '2026-05-03' },
    ]);
    expect(store.promises[0]?.outcome).toBe('broken');
    expect(store.promises[0]?.settledAt).toEqual(new Date('2026-05-04T00:00:00Z'));
    expect(outcome.status).toBe('promised');
  });

  it('replace a promise moved before it passed, and show the takeover', () => {
    const { store, events } = play([
      { type: 'brand', at: hours(2), agent: alex, body: 'On it.', promiseDueOn: '2026-05-10' },
      {
        type: 'brand',
        at: hours(24 * 5),
        agent: marie,
        body: 'Alex is away; new date.',
        promiseDueOn: '2026-05-20',
      },
    ]);
    expect(store.promises.map((promise) => promise.outcome)).toEqual(['replaced', 'broken']);
    expect(events).toContain('promise_replaced');
    expect(
      store.events.find((event) => event.type === 'case_taken' && event.actorId === marie.userId)?.data,
    ).toEqual({
      previousHandlerName: 'Alex',
    });
  });

  it('close a proposal left 30 days without a verdict as unconfirmed', () => {
    const { outcome, events } = play([
      { type: 'brand', at: hours(2), agent: alex, body: 'Done.', proposeResolution: true },
    ]);
    expect(outcome.status).toBe('unconfirmed');
    expect(outcome.settledAt).toEqual(hours(2 + 30 * 24));
    expect(events.at(-1)).toBe('closed_unconfirmed');
  });

  it('ignore a verdict before any brand reply, as the lifecycle refuses it', () => {
    const { outcome, store } = play([
      { type: 'verdict', at: hours(5), resolved: false, wouldBuyAgain: false },
    ]);
    expect(outcome.status).toBe('waiting');
    expect(store.verdicts).toHaveLength(0);
  });

  it('leave steps after "now" unplayed', () => {
    const { outcome } = play([{ type: 'brand', at: hours(30), agent: alex, body: 'Later.' }], hours(10));
    expect(outcome.firstBrandReplyAt).toBeNull();
    expect(outcome.status).toBe('waiting');
  });
});
