/**
 * What a person is told when a limit stops them (decision 014): rate limits in words, in the
 * request's language unless a language is named (plain pages answered before any page renders).
 */
import type { Language } from '../domain/vocabulary.ts';
import { m } from './messages.ts';
import { currentLanguage } from './request-language.ts';

/** "Too many attempts. Try again in 12 minutes." */
export function describeRetry(retryAfterSeconds: number, language: Language = currentLanguage()): string {
  const locale = { locale: language };
  if (retryAfterSeconds < 60) return m.limit_retry_minute({}, locale);
  const minutes = Math.ceil(retryAfterSeconds / 60);
  if (minutes < 60) return m.limit_retry_minutes({ count: minutes }, locale);
  return m.limit_retry_hours({ count: Math.ceil(minutes / 60) }, locale);
}
