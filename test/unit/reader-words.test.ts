import { describe, expect, it } from 'vitest';
import { badgeOf } from '../../src/domain/badge.ts';
import { compareShortfall, matchCompareTerms } from '../../src/domain/compare.ts';
import { compareRows, type CompareColumn } from '../../src/domain/compare-rows.ts';
import { describeRange } from '../../src/domain/search-pages.ts';
import { selfFlagNotice } from '../../src/domain/abuse-signals.ts';
import { computeFigures, computeScore, type BrandWindowCounts } from '../../src/domain/score.ts';
import {
  badgeText,
  compareCellText,
  compareFigureLabel,
  compareShortfallText,
  compareTermError,
  homeEmptyListNote,
  homeFallbackNote,
  searchRange,
  selfFlagNoticeText,
  storyReason,
} from '../../src/i18n/reader-words.ts';
import { runInLanguage } from '../../src/i18n/request-language.ts';

const inFrench = <T>(work: () => T) => runInLanguage('fr', work);
/** Intl's French puts a no-break space (narrow or not) before % and units: compare with plain spaces. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const KNOWN = [{ slug: 'vantrel-mobile', name: 'Vantrel Mobile', nameKey: 'vantrel mobile' }];

describe('the home page’s notes', () => {
  it('say what is missing instead of showing an empty list, in English as before', () => {
    expect(homeEmptyListNote('none-ranked', 0, '12m')).toBe(
      'No brand has the 10 posts a ranking needs over the last 12 months yet.',
    );
    expect(homeEmptyListNote('all-listed-best', 1, '12m')).toBe(
      'Only 1 brand is ranked over the last 12 months, all listed as the best: not enough for a worst list yet.',
    );
    expect(homeEmptyListNote('all-listed-best', 3, '90d')).toContain(
      'Only 3 brands are ranked over the last 90 days',
    );
    expect(homeFallbackNote('90d')).toContain('cover the last 90 days');
  });

  it('say it in French, with the window in French', () => {
    inFrench(() => {
      expect(homeEmptyListNote('none-ranked', 0, '12m')).toBe(
        'Aucune marque n’a encore les 10 messages qu’exige un classement sur les 12 derniers mois.',
      );
      expect(homeEmptyListNote('all-listed-best', 3, '90d')).toContain('3 marques sont classées');
      expect(homeFallbackNote('12m')).toContain('couvrent donc les 12 derniers mois');
    });
  });
});

describe('the badge’s words', () => {
  const figures = (answered: number, eligible: number, medianSeconds: number | null = null) => ({
    fails: eligible,
    eligible,
    answered,
    medianSeconds,
  });

  it('are French under ?lang=fr: percent and duration through Intl', () => {
    inFrench(() => {
      expect(spaced(badgeText(badgeOf(figures(47, 50, 17 * 3600)).words))).toBe(
        'répond à 94 % des fails · médiane 17 h',
      );
      expect(badgeText(badgeOf(figures(1, 4)).words)).toBe('pas encore noté · a répondu à 1 fails sur 4');
      expect(badgeText(badgeOf({ fails: 1, eligible: 0, answered: 0, medianSeconds: null }).words)).toBe(
        '1 fail, en attente de réponse',
      );
      expect(badgeText(badgeOf({ fails: 0, eligible: 0, answered: 0, medianSeconds: null }).words)).toBe(
        'aucun fail en 12 mois',
      );
    });
  });
});

describe('search ranges', () => {
  it('say where a page sits in the whole, in English as before', () => {
    expect(searchRange(describeRange(2, 30, 30, { count: 214, capped: false }), 'post')).toBe(
      '31–60 of 214 posts',
    );
    expect(searchRange(describeRange(1, 30, 1, { count: 1, capped: false }), 'post')).toBe('1 of 1 post');
    expect(searchRange(describeRange(35, 30, 30, { count: 1000, capped: true }), 'post')).toBe(
      '1,021–1,050 of more than 1,000 posts',
    );
    expect(searchRange(describeRange(1, 10, 2, { count: 2, capped: false }), 'brand')).toBe(
      '1–2 of 2 brands',
    );
  });

  it('say it in French, numbers grouped the French way', () => {
    inFrench(() => {
      expect(spaced(searchRange(describeRange(35, 30, 30, { count: 1000, capped: true }), 'post'))).toBe(
        '1 021–1 050 sur plus de 1 000 messages',
      );
      expect(searchRange(describeRange(1, 10, 1, { count: 1, capped: false }), 'brand')).toBe(
        '1 sur 1 marque',
      );
    });
  });
});

describe('stories and notices', () => {
  it('say why a story is featured, in both languages', () => {
    expect(storyReason('like', 'Northwind')).toBe('Readers found it helpful, and Northwind replied');
    expect(storyReason('fail', 'Northwind')).toMatch(/^Northwind kept its promise/);
    inFrench(() => expect(storyReason('fail', 'Northwind')).toMatch(/^Northwind a tenu sa promesse/));
  });

  it('say who flagged, how many and over which period', () => {
    const notice = selfFlagNotice({ brandFlags: 14, flaggedFails: 12, fails: 20 })!;
    expect(selfFlagNoticeText('Northwind', notice)).toBe(
      'Most fails about Northwind were flagged by Northwind itself (12 of 20 in 12 months). The posts stay until a moderator decides on each flag.',
    );
    inFrench(() =>
      expect(selfFlagNoticeText('Northwind', notice)).toMatch(/^La plupart des fails sur Northwind/),
    );
  });
});

describe('the compare page’s words', () => {
  it('name a term that matches no brand, and one too many', () => {
    const [unknown] = matchCompareTerms(['Nowhere Ltd'], KNOWN);
    expect(compareTermError(unknown!)).toBe('No brand is called “Nowhere Ltd”.');
    const [, repeated] = matchCompareTerms(['vantrel-mobile', 'Vantrel Mobile'], KNOWN);
    expect(compareTermError(repeated!)).toBe('Vantrel Mobile is already in the comparison.');
    inFrench(() => expect(compareTermError(unknown!)).toBe('Aucune marque ne s’appelle « Nowhere Ltd ».'));
    expect(compareShortfallText(compareShortfall(0)!)).toBe('Choose 2 to 4 brands to compare.');
    expect(compareShortfallText(compareShortfall(1)!)).toMatch(/one more brand/);
  });

  it('write every cell with what it counts, as before in English and in French', () => {
    const stats: BrandWindowCounts = {
      likes: 3,
      fails: 57,
      responseEligible: 57,
      answered: 47,
      firstResponseMedianSeconds: 3 * 3600,
      firstResponseP90Seconds: 2 * 86_400,
      settled: 0,
      resolved: 0,
      promisesKept: 1,
      promisesBroken: 0,
      verdicts: 0,
      wouldBuyAgain: 0,
      longReplies: 1,
      templateReplies: 0,
    };
    const column = { figures: computeFigures(stats), score: computeScore(stats) } satisfies CompareColumn;
    const rows = compareRows([column]);
    const text = (figure: string) =>
      compareCellText(rows.find((row) => row.figure === figure)!.cells[0]!.facts);
    expect(text('fails-answered')).toBe('82 % of 57 fails');
    expect(text('resolved')).toBe('— (none yet)');
    expect(text('promises-kept')).toBe('100 % of 1 promise due');
    expect(text('personal-replies')).toBe('100 % of 1 reply of 12+ words');
    expect(text('median-first-response')).toBe('3 h, over 47 answered fails');
    expect(text('likes-and-fails')).toBe('3 likes, 57 fails');
    expect(compareFigureLabel('p90-first-response')).toBe('90 % answered within');
    inFrench(() => {
      expect(spaced(text('fails-answered'))).toBe('82 % sur 57 fails');
      expect(spaced(text('median-first-response'))).toBe('3 h, sur 47 fails ayant reçu une réponse');
      expect(compareFigureLabel('resolved')).toBe('Résolus');
    });
  });
});
