import { describe, expect, it } from 'vitest';
import {
  findTemplateSource,
  jaccard,
  maskedWords,
  shingles,
  TEMPLATE_SIMILARITY,
} from '../../src/domain/canned.ts';

const script = (name: string, ticket: string) =>
  `Hi ${name}, we are sorry for the inconvenience. Please send your account number ${ticket} and details by private message at https://help.example/${ticket} so our team can look into it.`;

describe('template-reply detection', () => {
  it('masks names, numbers and URLs before comparing', () => {
    expect(maskedWords('Hi Ana, ticket 4411 at https://x.example/a', ['Ana'])).toEqual([
      'hi',
      '<name>',
      'ticket',
      '<number>',
      'at',
      '<url>',
    ]);
  });

  it('finds the same script sent to two customers', () => {
    const first = shingles(script('Ana', '4411'), ['Ana']);
    const second = shingles(script('Bo', '87'), ['Bo']);
    expect(jaccard(first, second)).toBeGreaterThanOrEqual(TEMPLATE_SIMILARITY);
    expect(
      findTemplateSource({ postId: 2, shingles: second }, [{ id: 10, postId: 1, shingles: first }]),
    ).toBe(10);
  });

  it('does not count a copy on the same post', () => {
    const first = shingles(script('Ana', '4411'), ['Ana']);
    expect(
      findTemplateSource({ postId: 1, shingles: first }, [{ id: 10, postId: 1, shingles: first }]),
    ).toBeNull();
  });

  it('leaves a personal reply alone', () => {
    const canned = shingles(script('Ana', '4411'), ['Ana']);
    const personal = shingles(
      'I checked your line myself: the street cabinet lost power on Sunday. A technician is booked for tomorrow morning and I will call you at noon.',
    );
    expect(jaccard(canned, personal)).toBeLessThan(0.2);
    expect(
      findTemplateSource({ postId: 2, shingles: personal }, [{ id: 10, postId: 1, shingles: canned }]),
    ).toBeNull();
  });

  it('never flags a reply too short to have shingles', () => {
    expect(
      findTemplateSource({ postId: 2, shingles: shingles('Thanks!') }, [
        { id: 1, postId: 1, shingles: shingles('Thanks!') },
      ]),
    ).toBeNull();
  });
});
