/**
 * What a French page must not show: a sentence of the English catalogue that French says
 * differently (a key forgotten in a template), or a word of English written into a template
 * rather than into the catalogue (which the catalogue cannot know about).
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

/** Every literal fragment of the English catalogue that French says differently, long enough to mean something. */
export const englishSentences = Object.keys(english)
  .filter((key) => key !== '$schema' && JSON.stringify(english[key]) !== JSON.stringify(french[key]))
  .flatMap((key) => texts(english[key]).flatMap((text) => text.split(/\{[A-Za-z0-9_]+\}|\n/)))
  .map((fragment) => fragment.trim())
  .filter((fragment) => fragment.split(/\s+/).length >= 2 && fragment.length >= 8);

/**
 * Words of the interface's English that no French sentence contains, matched whole and with their case.
 * ("Verdict" is French too, so it is not here.)
 */
export const HARD_CODED_ENGLISH = [
  'Submit',
  'Publish',
  'Reply',
  'Post a',
  'Log in',
  'Sign up',
  'Thread',
  'Helpful',
  'helpful',
  'Promise',
  'Me too',
  'Edit',
  'Withdraw',
  'Cancel',
  'optional',
  'Your',
  'your',
  'Category',
  'Channel',
  'Waiting',
  'Handled by',
  'edited',
  'posted',
  'happened',
  'the',
  'and',
  'you',
  'with',
  'this',
];

/**
 * The text of the page as a reader and a screen reader get it: the title, the visible text, the
 * hidden text, and the labels, placeholders and titles. `skip` removes elements (a selector) first.
 */
export async function pageText(page: Page, skip: readonly string[] = []): Promise<string> {
  return page.evaluate((selectors) => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const selector of selectors) for (const element of body.querySelectorAll(selector)) element.remove();
    // Scripts and styles are not text a reader gets.
    for (const element of body.querySelectorAll('script, style, template')) element.remove();
    const labels = [...body.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap(
      (element) =>
        ['aria-label', 'placeholder', 'title', 'alt'].map((name) => element.getAttribute(name) ?? ''),
    );
    // The clone is not laid out, so innerText would be textContent: each text node on its own line.
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node.textContent ?? '');
    return `${document.title}\n${nodes.join('\n')}\n${labels.join('\n')}`;
  }, skip);
}

/** The English sentences and hard-coded English words in `text`, as "why: what" lines. */
export function englishIn(text: string): string[] {
  const oneLine = text.replace(/\s+/g, ' ');
  return [
    ...englishSentences.filter((sentence) => oneLine.includes(sentence)).map((s) => `sentence: ${s}`),
    ...HARD_CODED_ENGLISH.filter((word) =>
      new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(oneLine),
    ).map((word) => `word: ${word}`),
  ];
}

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
