import { describe, expect, it } from 'vitest';
import {
  checkExperienceDate,
  findPersonalData,
  isDuplicatePost,
  maskPersonalData,
  newPostSchema,
  titleKey,
} from '../../src/domain/posting.ts';

const now = new Date('2026-06-15T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const valid = {
  kind: 'fail',
  brandSlug: 'northwind-telecom',
  title: 'Router never shipped',
  story: 'They promised a router by Wednesday and nothing came.',
  category: 'delivery',
  channel: 'phone',
  experiencedOn: '2026-06-10',
};

describe('the post schema', () => {
  it('accepts a complete post and normalises its text', () => {
    const parsed = newPostSchema.parse({ ...valid, title: '  Router   never shipped ', country: 'fr' });
    expect(parsed).toMatchObject({ title: 'Router never shipped', country: 'FR' });
    expect(parsed.waitMinutes ?? null).toBeNull();
  });

  it.each([
    [{ kind: 'meh' }, 'kind', 'Choose like or fail.'],
    [{ title: 'Hi' }, 'title', 'Give your post a title of at least 5 characters.'],
    [{ title: 'x'.repeat(121) }, 'title', 'Keep the title to 120 characters.'],
    [{ story: 'Too short.' }, 'story', 'Tell what happened in at least 20 characters.'],
    [{ story: 'x'.repeat(5001) }, 'story', 'Keep the story to 5,000 characters.'],
    [{ category: 'other-thing' }, 'category', 'Choose what it was about.'],
    [{ experiencedOn: '2026-02-30' }, 'experiencedOn', 'That date does not exist.'],
    [{ country: 'France' }, 'country', 'Use a two-letter country code, e.g. FR.'],
    [{ waitMinutes: 1.5 }, 'waitMinutes', 'Give the waiting time in whole minutes.'],
    [{ waitMinutes: 20000 }, 'waitMinutes', 'Give a waiting time of at most a week (10,080 minutes).'],
    [{ brandSlug: null }, 'newBrandName', 'Choose a brand, or give the name of a new one.'],
    [
      { brandSlug: null, newBrandName: 'Acme', newBrandWebsite: 'not a site', newBrandSector: 'retail' },
      'newBrandWebsite',
      'Give the brand’s website, e.g. brand.com, so nobody creates it twice.',
    ],
  ])('refuses %o with a message beside %s', (change, field, message) => {
    const result = newPostSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });
});

describe('invisible and look-alike characters', () => {
  it.each([
    ['\u200b\u200b\u200b\u200b\u200b\u200b', 'zero-width spaces'],
    ['\u202e\u202d\u202e\u202d\u202e\u202d', 'direction overrides'],
    ['\u2066\u2067\u2068\u2069\ufeff\u00ad', 'isolates, a BOM and a soft hyphen'],
    ['\u3164\u3164\u3164\u3164\u3164\u3164', 'Hangul fillers'],
    ['  \u200b \u200c \u200d \u2060  ', 'spaces and joiners'],
    ['ab\u200b\u200b\u200b\u200b\u200b', 'two letters padded to five with invisible ones'],
  ])('refuse a title made of %s', (title) => {
    const result = newPostSchema.safeParse({ ...valid, title });
    expect(result.error?.issues.find((issue) => issue.path[0] === 'title')?.message).toBe(
      'Give your post a title of at least 5 characters.',
    );
  });

  it.each([
    ['\u200b\u200b\u200b', 'Choose a brand, or give the name of a new one.'],
    ['\u202e-\u202e-', 'Give the brand’s name.'],
  ])('refuse a new brand named %j', (newBrandName, message) => {
    const result = newPostSchema.safeParse({
      ...valid,
      brandSlug: null,
      newBrandName,
      newBrandWebsite: 'acme.example',
      newBrandSector: 'retail',
    });
    expect(result.error?.issues.find((issue) => issue.path[0] === 'newBrandName')?.message).toBe(message);
  });

  it('strip invisible characters from titles, stories and brand names, and keep accents and emoji', () => {
    const parsed = newPostSchema.parse({
      ...valid,
      brandSlug: null,
      newBrandName: '\ufeffSociété\u200b Générale\u202e',
      newBrandWebsite: 'societegenerale.example',
      newBrandSector: 'banking',
      title: 'Rem\u200bbour\u00adsement refusé 👩\u200d💻',
      story: 'Électricité coupée\u2066 trois jours, 👨\u200d👩\u200d👧 sans chauffage\u202e.',
    });
    expect(parsed.newBrandName).toBe('Société Générale');
    expect(parsed.title).toBe('Remboursement refusé 👩\u200d💻');
    expect(parsed.story).toBe('Électricité coupée trois jours, 👨\u200d👩\u200d👧 sans chauffage.');
  });

  it('let the duplicate guard see through invisible and look-alike letters', () => {
    expect(titleKey('Rоuter never shipped')).toBe(titleKey('Router never\u200b shipped'));
  });
});

describe('the date of the experience', () => {
  it.each([
    ['2026-06-15', null],
    ['2026-06-16', null], // a day of slack for time zones
    ['2026-06-17', 'The date cannot be in the future.'],
    ['1999-12-31', 'Give a date after 1 January 2000.'],
  ])('%s → %s', (date, expected) => {
    expect(checkExperienceDate(date, now)).toBe(expected);
  });
});

describe('the duplicate guard', () => {
  it('treats titles alike regardless of case, accents and punctuation', () => {
    expect(titleKey('Café: router NEVER shipped!')).toBe(titleKey('cafe router never shipped'));
  });

  it.each([
    [[{ title: 'Router never shipped', createdAt: hoursAgo(23) }], true],
    [[{ title: 'ROUTER never shipped.', createdAt: hoursAgo(1) }], true],
    [[{ title: 'Router never shipped', createdAt: hoursAgo(25) }], false],
    [[{ title: 'Router shipped late', createdAt: hoursAgo(1) }], false],
    [[], false],
  ])('with %o earlier: duplicate = %s', (recent, expected) => {
    expect(isDuplicatePost('Router never shipped', recent, now)).toBe(expected);
  });
});

describe('the personal data guard', () => {
  it('finds e-mail addresses and phone numbers in many shapes', () => {
    const found = findPersonalData(
      'Write to ana.b+care@mail.example or call +33 6 12 34 56 78, or (555) 123-4567.',
    );
    expect(found.emails).toEqual(['ana.b+care@mail.example']);
    expect(found.phones).toEqual(['+33 6 12 34 56 78', '(555) 123-4567']);
  });

  it('leaves dates, prices, short numbers and ticket ids alone', () => {
    expect(
      findPersonalData(
        'On 2026-06-14 I paid €1,234.50 for order 48213 (ticket 7730015512345) after 55 minutes.',
      ),
    ).toEqual({
      emails: [],
      phones: [],
    });
  });

  it('finds a French mobile number written without spaces', () => {
    expect(findPersonalData('Call 0612345678 tomorrow.').phones).toEqual(['0612345678']);
  });

  it('masks what it finds and nothing else', () => {
    expect(maskPersonalData('Mail me@mail.example or call 06 12 34 56 78 before 2026-06-14.')).toBe(
      'Mail [e-mail address hidden] or call [phone number hidden] before 2026-06-14.',
    );
  });
});
