/**
 * What a French page must not show: the English catalogue's sentences (decision 014). A message
 * French says differently, cut at its placeholders and line breaks, counts when it is long enough
 * to mean something (two words, eight characters); a message missing in French is compiled by
 * Paraglide to its English text, so it shows up here too.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const catalogue = (language: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(`messages/${language}.json`, 'utf8'));
const english = catalogue('en');
const french = catalogue('fr');

/** A message's texts: the string, or each variant of a plural. */
const texts = (message: unknown): string[] =>
  typeof message === 'string'
    ? [message]
    : (message as { match: Record<string, string> }[]).flatMap((variant) => Object.values(variant.match));

/** Every literal fragment of the English catalogue that French says differently. */
export const englishSentences: readonly string[] = Object.keys(english)
  .filter((key) => key !== '$schema' && JSON.stringify(english[key]) !== JSON.stringify(french[key]))
  .flatMap((key) => texts(english[key]).flatMap((text) => text.split(/\{[A-Za-z0-9_]+\}|\n/)))
  .map((fragment) => fragment.trim())
  .filter((fragment) => fragment.split(/\s+/).length >= 2 && fragment.length >= 8);

/** The English catalogue's sentences found in a text. */
export function englishSentencesIn(text: string): string[] {
  return englishSentences.filter((sentence) => text.includes(sentence));
}

/** The visible text of the page, with the texts only screen readers get (visually hidden, labels). */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((element) =>
      ['aria-label', 'placeholder', 'title'].map((name) => element.getAttribute(name) ?? ''),
    );
    return `${document.title}\n${document.body.innerText}\n${document.body.textContent}\n${labels.join('\n')}`;
  });
}
