/**
 * The language of the request being served, for `paths` and the message functions (decision 014).
 * The middleware runs each request inside `runInLanguage`; AsyncLocalStorage keeps concurrent
 * requests apart (test/integration/concurrent-languages.test.ts), so nothing global is mutated.
 * Outside a request (scripts, e-mails, tests) the language is English unless a caller says otherwise.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LANGUAGE } from '../domain/languages.ts';
import type { Language } from '../domain/vocabulary.ts';

const requestLanguage = new AsyncLocalStorage<Language>();

export function runInLanguage<T>(language: Language, work: () => T): T {
  return requestLanguage.run(language, work);
}

export function currentLanguage(): Language {
  return requestLanguage.getStore() ?? DEFAULT_LANGUAGE;
}
