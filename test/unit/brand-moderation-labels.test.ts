/**
 * The words of the brand team's pages and the moderators' desks (src/i18n/labels.ts): stored
 * values the board wrote in English read back in the page's language, a moderator's own words as
 * typed; and a webhook delivery's stored error read back into what happened.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_REASONS } from '../../src/domain/moderation.ts';
import { deliveryErrorText, readDeliveryError, type DeliveryError } from '../../src/domain/webhooks.ts';
import {
  moderationActionLabel,
  auditReasonText,
  auditTargetLabel,
  deliveryErrorLabel,
  promiseSummary,
  storedReasonLabel,
} from '../../src/i18n/labels.ts';
import { runInLanguage } from '../../src/i18n/request-language.ts';

describe('the audit log in French', () => {
  it('translates the board’s own reasons and the removal codes, and keeps a moderator’s words', () => {
    runInLanguage('fr', () => {
      expect(auditReasonText(AUDIT_REASONS.released)).toBe('Publié après examen');
      expect(auditReasonText(AUDIT_REASONS.flagsDismissed)).toBe('Conforme aux règles');
      expect(auditReasonText('personal_data')).toBe('Données personnelles');
      expect(auditReasonText('Spam ring, see ticket 42')).toBe('Spam ring, see ticket 42');
    });
  });

  it('names actions and targets, and shows an action it does not know as stored', () => {
    runInLanguage('fr', () => {
      expect(moderationActionLabel('hold_release')).toBe('Message retenu publié');
      expect(moderationActionLabel('some_new_action')).toBe('some new action');
      expect(auditTargetLabel('brand_claim', 3)).toBe('revendication 3');
    });
    expect(moderationActionLabel('hold_release')).toBe('Held post released');
    expect(auditTargetLabel('post', 12)).toBe('post 12');
  });
});

describe('a stored flag or removal reason', () => {
  it('reads in words, “other” too, and shows a value outside the list as stored', () => {
    runInLanguage('fr', () => {
      expect(storedReasonLabel('personal_data')).toBe('Données personnelles');
      expect(storedReasonLabel('other')).not.toBe('other');
    });
    expect(storedReasonLabel('wrong_brand')).toBe('Not about this brand');
    expect(storedReasonLabel('Spam ring, see ticket 42')).toBe('Spam ring, see ticket 42');
  });
});

describe('a promise in the inbox', () => {
  it('is dated in the page’s language', () => {
    const promise = { dueOn: '2026-12-01', outcome: 'pending' as const };
    expect(promiseSummary(promise, 'en')).toBe('Due 1 Dec 2026');
    expect(runInLanguage('fr', () => promiseSummary(promise, 'fr'))).toBe('Promis pour le 1 déc. 2026');
    expect(promiseSummary(null, 'en')).toBe('No promised date');
  });
});

describe('a webhook delivery’s error', () => {
  const errors: DeliveryError[] = [
    { kind: 'http', status: 502 },
    { kind: 'private_address' },
    { kind: 'unresolved', host: 'hooks.example', detail: 'getaddrinfo ENOTFOUND hooks.example' },
    { kind: 'network', detail: 'fetch failed' },
  ];

  it('reads back from what was stored', () => {
    for (const error of errors) expect(readDeliveryError(deliveryErrorText(error))).toEqual(error);
  });

  it('keeps its English text as stored, and is said in French on a French page', () => {
    expect(errors.map(deliveryErrorText)).toEqual([
      'HTTP 502',
      'Refused: the address is on a loopback or private network.',
      'Could not resolve hooks.example: getaddrinfo ENOTFOUND hooks.example',
      'fetch failed',
    ]);
    runInLanguage('fr', () => {
      expect(deliveryErrorLabel(errors[1]!)).toBe(
        'Refusé : l’adresse est sur une boucle locale ou un réseau privé.',
      );
      expect(deliveryErrorLabel(errors[2]!)).toBe(
        'Impossible de résoudre hooks.example : getaddrinfo ENOTFOUND hooks.example',
      );
    });
  });
});
