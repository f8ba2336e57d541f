import { describe, expect, it } from 'vitest';
import { describePromise } from '../../src/domain/promises.ts';
import { describeEvent, type TimelineEvent } from '../../src/domain/thread.ts';
import { PROMISE_OUTCOMES, THREAD_EVENT_TYPES } from '../../src/domain/vocabulary.ts';
import { runInLanguage } from '../../src/i18n/request-language.ts';
import { promiseText, threadEventText } from '../../src/i18n/thread-text.ts';

const event = (overrides: Partial<TimelineEvent>): TimelineEvent => ({
  id: 1,
  type: 'case_taken',
  data: {},
  createdAt: new Date(Date.UTC(2026, 5, 14, 10)),
  actorName: 'Marie',
  brandName: 'Northwind Telecom',
  ...overrides,
});

/** Every event type with and without its optional data, as the thread may hold it. */
const everyEvent = THREAD_EVENT_TYPES.flatMap((type) => [
  event({ type }),
  event({
    type,
    data: {
      dueOn: '2026-06-14',
      previousDueOn: '2026-06-10',
      previousHandlerName: 'Alex',
      team: 'Billing',
      reason: 'Spam: an advert.',
      resolved: true,
      wouldBuyAgain: true,
    },
  }),
  event({ type, actorName: null, brandName: null }),
]);

describe('thread events on the page', () => {
  it('say in English exactly what the API says', () => {
    for (const item of everyEvent) expect(threadEventText(item), item.type).toBe(describeEvent(item));
  });

  it('are told in French on French pages, with French dates', () => {
    runInLanguage('fr', () => {
      expect(threadEventText(event({ data: { previousHandlerName: 'Alex' } }))).toBe(
        'Marie (Northwind Telecom) a repris le dossier, jusque-là suivi par Alex',
      );
      expect(threadEventText(event({ type: 'promise_made', data: { dueOn: '2026-06-14' } }))).toBe(
        'Marie (Northwind Telecom) a promis une solution pour le 14 juin 2026',
      );
      expect(
        threadEventText(
          event({
            type: 'verdict',
            actorName: 'Ravi P.',
            brandName: null,
            data: { resolved: true, wouldBuyAgain: false },
          }),
        ),
      ).toBe('Ravi P. dit : résolu, ne rachèterait pas');
      for (const item of everyEvent)
        expect(threadEventText(item), item.type).not.toBe(runInLanguage('en', () => threadEventText(item)));
    });
  });
});

describe('a promise on the page', () => {
  it('says in English what the API says, and in French otherwise', () => {
    const promises = [null, ...PROMISE_OUTCOMES.map((outcome) => ({ dueOn: '2026-06-14', outcome }))];
    for (const promise of promises) expect(promiseText(promise)).toBe(describePromise(promise));
    runInLanguage('fr', () => {
      expect(promiseText({ dueOn: '2026-06-14', outcome: 'broken' })).toBe(
        'Non tenue : le 14 juin 2026 est passé sans résolution',
      );
      for (const promise of promises)
        expect(promiseText(promise)).not.toBe(runInLanguage('en', () => promiseText(promise)));
    });
  });
});
