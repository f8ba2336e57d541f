import { describe, expect, it } from 'vitest';
import { isOverdue } from '../../src/domain/promises.ts';
import {
  overdueIfDueBefore,
  planBreakOverduePromise,
  planCloseUnconfirmed,
  unconfirmedIfProposedBy,
} from '../../src/domain/thread-closings.ts';
import {
  openingThreadState,
  stateAfter,
  type Planned,
  type ThreadState,
} from '../../src/domain/thread-plan.ts';
import {
  planBrandReply,
  planFollowUp,
  planTakeCase,
  planVerdict,
  type BrandReplyInput,
} from '../../src/domain/thread-planners.ts';

const DAY = 86_400_000;
const now = new Date('2026-06-15T10:00:00Z');
const earlier = new Date('2026-06-10T09:00:00Z');
const alex = { id: 10, name: 'Alex' };
const marie = { id: 11, name: 'Marie' };

/** A fail by user 2 about brand 5, waiting for its first reply; rows override what they need. */
const fail = (overrides: Partial<ThreadState> = {}): ThreadState => ({
  ...openingThreadState({ id: 1, brandId: 5, authorId: 2, kind: 'fail' }),
  ...overrides,
});
const like = (overrides: Partial<ThreadState> = {}) => fail({ kind: 'like', status: null, ...overrides });
const handledBy = (overrides: Partial<ThreadState> = {}) =>
  fail({ status: 'answered', handler: alex, firstBrandReplyAt: earlier, messageCount: 1, ...overrides });
const promisedFor = (dueOn: string, overrides: Partial<ThreadState> = {}) =>
  handledBy({ status: 'promised', pendingPromise: { id: 7, dueOn }, ...overrides });

const reply = (overrides: Partial<BrandReplyInput> = {}): BrandReplyInput => ({
  agent: alex,
  body: 'We are looking into it today.',
  templateOfId: null,
  promiseDueOn: null,
  escalatedTo: null,
  proposeResolution: false,
  ...overrides,
});

/** What a row checks: the refusal, or the parts of the plan it names. */
function outline(planned: Planned<string>) {
  if (!planned.ok) return `refused: ${planned.reason}`;
  const { plan } = planned;
  return {
    message: plan.message,
    post: plan.post,
    events: plan.events.map((event) => event.type),
    eventData: plan.events.map((event) => event.data),
    eventTimes: plan.events.map((event) => event.at),
    settlements: plan.settlements.map((settlement) => `${settlement.id} ${settlement.outcome}`),
    settledAt: plan.settlements.map((settlement) => settlement.at),
    newPromise: plan.newPromise?.outcome ?? null,
    verdict: plan.verdict,
  };
}

type Row = [sentence: string, planned: Planned<string>, expected: string | Record<string, unknown>];

function check(rows: Row[]) {
  it.each(rows)('%s', (_sentence, planned, expected) => {
    if (typeof expected === 'string') expect(outline(planned)).toBe(expected);
    else expect(outline(planned)).toMatchObject(expected);
  });
}

describe('a brand reply', () => {
  check([
    [
      'to a waiting fail answers it, makes the agent its handler and counts the message',
      planBrandReply(fail(), reply(), now),
      {
        events: ['case_taken'],
        eventData: [{}],
        post: { status: 'answered', handlerId: alex.id, messageCount: 1, firstBrandReplyAt: now },
        message: { kind: 'brand_reply', authorId: alex.id, brandId: 5, wordCount: 6, templateOfId: null },
      },
    ],
    [
      'by the case’s handler shows no takeover and keeps the time of the first reply',
      planBrandReply(handledBy(), reply(), now),
      { events: [], post: { status: 'answered', messageCount: 2, firstBrandReplyAt: earlier } },
    ],
    [
      'by a colleague shows that they took over from the previous handler',
      planBrandReply(handledBy(), reply({ agent: marie }), now),
      { events: ['case_taken'], eventData: [{ previousHandlerName: 'Alex' }], post: { handlerId: marie.id } },
    ],
    [
      'with an escalation names the team without moving the case',
      planBrandReply(handledBy(), reply({ escalatedTo: 'Field engineers' }), now),
      {
        events: ['escalated'],
        eventData: [{ team: 'Field engineers' }],
        post: { status: 'answered', escalatedTo: 'Field engineers' },
      },
    ],
    [
      'with a first date makes a promise and the case becomes promised',
      planBrandReply(handledBy(), reply({ promiseDueOn: '2026-06-20' }), now),
      {
        events: ['promise_made'],
        eventData: [{ dueOn: '2026-06-20' }],
        newPromise: 'pending',
        settlements: [],
        post: { status: 'promised' },
      },
    ],
    [
      'with a new date before the old one passed replaces the old promise',
      planBrandReply(promisedFor('2026-06-16'), reply({ promiseDueOn: '2026-06-25' }), now),
      {
        events: ['promise_replaced'],
        eventData: [{ dueOn: '2026-06-25', previousDueOn: '2026-06-16' }],
        settlements: ['7 replaced'],
        newPromise: 'pending',
      },
    ],
    [
      'with a new date after the old one passed records the old promise broken, as of now',
      planBrandReply(promisedFor('2026-06-12'), reply({ promiseDueOn: '2026-06-25' }), now),
      {
        events: ['promise_broken', 'promise_made'],
        settlements: ['7 broken'],
        settledAt: [now],
        newPromise: 'pending',
      },
    ],
    [
      'proposing a resolution keeps the pending promise whose day has not passed',
      planBrandReply(promisedFor('2026-06-15'), reply({ proposeResolution: true }), now),
      {
        events: ['resolution_proposed', 'promise_kept'],
        settlements: ['7 kept'],
        post: { status: 'resolution_proposed', resolutionProposedAt: now },
      },
    ],
    [
      'proposing a resolution after the promised day records the promise broken',
      planBrandReply(promisedFor('2026-06-14'), reply({ proposeResolution: true }), now),
      { events: ['resolution_proposed', 'promise_broken'], settlements: ['7 broken'] },
    ],
    [
      'with a date and a proposal keeps the promise it makes at once',
      planBrandReply(handledBy(), reply({ promiseDueOn: '2026-06-20', proposeResolution: true }), now),
      {
        events: ['promise_made', 'resolution_proposed', 'promise_kept'],
        newPromise: 'kept',
        post: { status: 'resolution_proposed' },
      },
    ],
    [
      'proposing a resolution without any promise settles nothing',
      planBrandReply(handledBy(), reply({ proposeResolution: true }), now),
      { events: ['resolution_proposed'], settlements: [], newPromise: null },
    ],
    [
      'to a resolved case leaves it resolved',
      planBrandReply(handledBy({ status: 'resolved' }), reply(), now),
      { post: { status: 'resolved' } },
    ],
    [
      'after a "not resolved" verdict may promise again',
      planBrandReply(handledBy({ status: 'not_resolved' }), reply({ promiseDueOn: '2026-06-20' }), now),
      { post: { status: 'promised' } },
    ],
    [
      'with a date on a resolved case is refused',
      planBrandReply(handledBy({ status: 'resolved' }), reply({ promiseDueOn: '2026-06-20' }), now),
      'refused: closed_to_promises',
    ],
    [
      'proposing a resolution on a case closed as unconfirmed is refused',
      planBrandReply(handledBy({ status: 'unconfirmed' }), reply({ proposeResolution: true }), now),
      'refused: already_closed',
    ],
    [
      'that copies an earlier reply carries the earlier one as its source',
      planBrandReply(handledBy(), reply({ templateOfId: 41 }), now),
      { message: { templateOfId: 41 } },
    ],
    [
      'to a like is a thank-you: a message and a takeover, and no status',
      planBrandReply(like(), reply(), now),
      { events: ['case_taken'], post: { status: null, messageCount: 1 } },
    ],
    [
      'to a like with a promise is refused',
      planBrandReply(like(), reply({ promiseDueOn: '2026-06-20' }), now),
      'refused: like_takes_reply_only',
    ],
    [
      'to a like with an escalation is refused',
      planBrandReply(like(), reply({ escalatedTo: 'Billing' }), now),
      'refused: like_takes_reply_only',
    ],
  ]);
});

describe('taking a case', () => {
  check([
    [
      'nobody handles shows that the member took it',
      planTakeCase(fail(), alex, now),
      { events: ['case_taken'], eventData: [{}], post: { handlerId: alex.id }, message: null },
    ],
    [
      'a colleague handles names the colleague',
      planTakeCase(handledBy(), marie, now),
      { events: ['case_taken'], eventData: [{ previousHandlerName: 'Alex' }] },
    ],
    ['one already handles changes nothing', planTakeCase(handledBy(), alex, now), { events: [], post: {} }],
  ]);
});

describe('a follow-up', () => {
  check([
    [
      'adds the author’s message and leaves the status alone',
      planFollowUp(handledBy(), 'Still no engineer.', now),
      {
        message: { kind: 'follow_up', authorId: 2, brandId: null, wordCount: 3 },
        post: { messageCount: 2, lastActivityAt: now },
        events: [],
      },
    ],
  ]);
});

describe('the verdict', () => {
  const given = { resolved: true, wouldBuyAgain: true, changeCount: 0 };
  check([
    [
      'before any brand reply is refused',
      planVerdict(fail(), { resolved: true, wouldBuyAgain: true }, now),
      'refused: no_brand_reply_yet',
    ],
    [
      'on a like is refused',
      planVerdict(like(), { resolved: true, wouldBuyAgain: true }, now),
      'refused: not_a_fail',
    ],
    [
      'given first settles the case as resolved',
      planVerdict(handledBy(), { resolved: true, wouldBuyAgain: false }, now),
      {
        verdict: { change: 'insert', userId: 2, resolved: true, wouldBuyAgain: false },
        events: ['verdict'],
        post: { status: 'resolved', settledAt: now, lastActivityAt: now },
      },
    ],
    [
      'of "not resolved" leaves the case not resolved',
      planVerdict(
        handledBy({ status: 'resolution_proposed' }),
        { resolved: false, wouldBuyAgain: false },
        now,
      ),
      { post: { status: 'not_resolved' } },
    ],
    [
      'on a case closed as unconfirmed is still taken',
      planVerdict(handledBy({ status: 'unconfirmed' }), { resolved: true, wouldBuyAgain: true }, now),
      { post: { status: 'resolved' } },
    ],
    [
      'changed once is shown as a change',
      planVerdict(
        handledBy({ status: 'resolved', verdict: given }),
        { resolved: false, wouldBuyAgain: true },
        now,
      ),
      {
        verdict: { change: 'update', changeCount: 1 },
        events: ['verdict_changed'],
        post: { status: 'not_resolved' },
      },
    ],
    [
      'changed a second time is refused',
      planVerdict(
        handledBy({ status: 'not_resolved', verdict: { ...given, resolved: false, changeCount: 1 } }),
        { resolved: true, wouldBuyAgain: true },
        now,
      ),
      'refused: already_changed',
    ],
    [
      'given again unchanged is refused',
      planVerdict(
        handledBy({ status: 'resolved', verdict: given }),
        { resolved: true, wouldBuyAgain: true },
        now,
      ),
      'refused: unchanged',
    ],
  ]);
});

describe('what time changes', () => {
  const proposed = (at: Date) => handledBy({ status: 'resolution_proposed', resolutionProposedAt: at });
  const proposedAt = new Date('2026-05-01T08:00:00Z');
  const closedAt = new Date('2026-05-31T08:00:00Z');
  check([
    [
      'a pending promise breaks once its day is over, as of the end of that day',
      planBreakOverduePromise(promisedFor('2026-06-14'), now),
      {
        settlements: ['7 broken'],
        settledAt: [new Date('2026-06-15T00:00:00Z')],
        events: ['promise_broken'],
        eventTimes: [new Date('2026-06-15T00:00:00Z')],
        post: {},
      },
    ],
    [
      'a promise is not broken during its day',
      planBreakOverduePromise(promisedFor('2026-06-15'), now),
      'refused: not_overdue',
    ],
    [
      'a case without a pending promise has none to break',
      planBreakOverduePromise(handledBy(), now),
      'refused: no_pending_promise',
    ],
    [
      'a proposal left 30 days without a verdict closes as unconfirmed, dated when the 30 days ran out',
      planCloseUnconfirmed(proposed(proposedAt), new Date('2026-06-02T00:00:00Z')),
      {
        post: { status: 'unconfirmed', settledAt: closedAt },
        events: ['closed_unconfirmed'],
        eventTimes: [closedAt],
      },
    ],
    [
      'a proposal younger than 30 days stays open',
      planCloseUnconfirmed(proposed(proposedAt), new Date(closedAt.getTime() - 1)),
      'refused: too_early',
    ],
    [
      'a case whose proposal got a verdict is not closed',
      planCloseUnconfirmed(handledBy({ status: 'resolved', resolutionProposedAt: proposedAt }), now),
      'refused: no_open_proposal',
    ],
    ['a like never closes', planCloseUnconfirmed(like(), now), 'refused: no_open_proposal'],
  ]);
});

describe('the maintenance runner’s SQL thresholds', () => {
  const instants = [
    '2026-06-14T23:59:59.999Z',
    '2026-06-15T00:00:00.000Z',
    '2026-06-15T00:00:00.001Z',
    '2026-06-15T12:00:00.000Z',
    '2026-06-16T00:00:00.000Z',
  ].map((iso) => new Date(iso));

  it('pick exactly the promises the planner breaks', () => {
    for (const at of instants) {
      for (const dueOn of ['2026-06-13', '2026-06-14', '2026-06-15', '2026-06-16']) {
        const pickedBySql = dueOn < overdueIfDueBefore(at);
        expect([at.toISOString(), dueOn, pickedBySql]).toEqual([
          at.toISOString(),
          dueOn,
          isOverdue({ dueOn }, at),
        ]);
        expect(planBreakOverduePromise(promisedFor(dueOn), at).ok).toBe(pickedBySql);
      }
    }
  });

  it('pick exactly the proposals the planner closes', () => {
    for (const at of instants) {
      for (const offset of [-1, 0, 1]) {
        const proposedAt = new Date(at.getTime() - 30 * DAY + offset);
        const pickedBySql = proposedAt <= unconfirmedIfProposedBy(at);
        const state = handledBy({ status: 'resolution_proposed', resolutionProposedAt: proposedAt });
        expect([at.toISOString(), offset, planCloseUnconfirmed(state, at).ok]).toEqual([
          at.toISOString(),
          offset,
          pickedBySql,
        ]);
      }
    }
  });
});

describe('the state after a plan', () => {
  it('holds the promise a reply made, and none once a proposal kept it', () => {
    const promised = planBrandReply(handledBy(), reply({ promiseDueOn: '2026-06-20' }), now);
    if (!promised.ok) throw new Error('the promise was refused');
    const afterPromise = stateAfter(handledBy(), promised.plan, { newPromiseId: 8, handler: null });
    expect(afterPromise.pendingPromise).toEqual({ id: 8, dueOn: '2026-06-20' });
    expect(afterPromise.status).toBe('promised');

    const proposal = planBrandReply(afterPromise, reply({ proposeResolution: true }), now);
    if (!proposal.ok) throw new Error('the proposal was refused');
    const afterProposal = stateAfter(afterPromise, proposal.plan, { newPromiseId: null, handler: null });
    expect(afterProposal.pendingPromise).toBeNull();
    expect(afterProposal.status).toBe('resolution_proposed');
  });

  it('names the new handler after a takeover, so the next takeover can name them', () => {
    const taken = planTakeCase(handledBy(), marie, now);
    const after = stateAfter(handledBy(), taken.plan, { newPromiseId: null, handler: marie });
    expect(outline(planTakeCase(after, alex, now))).toMatchObject({
      eventData: [{ previousHandlerName: 'Marie' }],
    });
  });
});
