import { describe, expect, it } from 'vitest';
import { messageParts } from '../../src/i18n/message-parts.ts';

describe('a sentence cut into parts', () => {
  it('keeps the text and names each slot where the language puts it', () => {
    const english = messageParts((s) => `${s.name} claims ${s.brand}.`, ['name', 'brand'] as const);
    expect(english).toEqual([{ slot: 'name' }, { text: ' claims ' }, { slot: 'brand' }, { text: '.' }]);
    const french = messageParts((s) => `${s.brand} est revendiquée par ${s.name}`, [
      'name',
      'brand',
    ] as const);
    expect(french).toEqual([{ slot: 'brand' }, { text: ' est revendiquée par ' }, { slot: 'name' }]);
  });

  it('leaves markup in the text as text, for the template to escape', () => {
    expect(messageParts((s) => `<b>${s.x}</b>`, ['x'] as const)).toEqual([
      { text: '<b>' },
      { slot: 'x' },
      { text: '</b>' },
    ]);
  });
});
