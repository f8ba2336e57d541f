/**
 * The public API's plumbing (DESIGN §7): JSON answers with open CORS for GET,
 * a per-IP rate limit stored in the database, and 400s that say which
 * parameter is wrong. Keys stay English; error messages follow Accept-Language (decision 014).
 */
import type { APIContext } from 'astro';
import { z } from 'astro/zod';
import type { ApiErrorBody, ApiOperation, ApiResponse } from '../domain/api-schemas.ts';
import { DEFAULT_LANGUAGE } from '../domain/languages.ts';
import type { Language } from '../domain/vocabulary.ts';
import { RATE_LIMITS } from '../domain/rate-limits.ts';
import { translateFieldMessage } from '../i18n/field-messages.ts';
import { m } from '../i18n/messages.ts';
import { runInLanguage } from '../i18n/request-language.ts';
import { plainLanguage } from './language-choice.ts';
import { attempt } from './rate-limit.ts';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '86400',
};

/**
 * A JSON answer. Compact, not indented: indentation nearly doubled a page of rankings (92 KB for 50
 * brands, 49 KB without), bytes every client downloads and the server sends from its cache; browsers'
 * and `jq`'s viewers indent it for a reader.
 */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=60',
      ...CORS_HEADERS,
      ...headers,
    },
  });
}

/** A 200 of one operation: the body must be what `openapi.json` says that operation answers. */
export function answer<K extends ApiOperation>(_operation: K, body: ApiResponse<K>): Response {
  return json(body);
}

export function apiError(status: number, message: string, headers: Record<string, string> = {}): Response {
  const body: ApiErrorBody = { error: { status, message } };
  return json(body, status, { 'Cache-Control': 'no-store', Vary: 'Accept-Language', ...headers });
}

function clientIp(context: APIContext): string {
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}

/** The API's addresses are no pages, so its answers follow Accept-Language (`plainLanguage`). */
function answerLanguage(context: APIContext): Language {
  // Optional: tests call handlers with a bare context.
  return context.request ? plainLanguage(context.request) : DEFAULT_LANGUAGE;
}

/**
 * Runs an API handler: rate limit, then the handler; bad parameters become a 400 naming them. Its
 * error messages are written in the language Accept-Language prefers (English when it names none).
 */
export function handleApi(context: APIContext, handler: () => Promise<Response>): Promise<Response> {
  return runInLanguage(answerLanguage(context), () => limitedHandler(context, handler));
}

/**
 * Counts one API request against the per-IP limit, or answers its 429. The middleware calls it
 * before the shared page cache, so a cached answer is counted like any other (a load generator on
 * one address is refused whether or not the page was rendered); the handler then does not count again.
 */
export async function limitApiRequest(context: APIContext): Promise<Response | null> {
  if (context.locals.apiRequestCounted) return null;
  context.locals.apiRequestCounted = true;
  const limited = await attempt(
    context.locals.db,
    RATE_LIMITS.apiPerIp,
    clientIp(context),
    context.locals.now,
    context.locals.rateLimitExempt,
  );
  if (limited.ok) return null;
  return runInLanguage(answerLanguage(context), () =>
    apiError(429, m.api_too_many({ seconds: limited.retryAfterSeconds }), {
      'Retry-After': String(limited.retryAfterSeconds),
    }),
  );
}

async function limitedHandler(context: APIContext, handler: () => Promise<Response>): Promise<Response> {
  const refused = await limitApiRequest(context);
  if (refused) return refused;
  try {
    return await handler();
  } catch (error) {
    if (error instanceof z.ZodError) {
      // zod's own words came out in this language already (src/i18n/field-messages.ts); the domain's are translated here.
      const problems = error.issues.map(
        (issue) => `${issue.path.join('.') || 'query'}: ${translateFieldMessage(issue.message)}`,
      );
      return apiError(400, m.api_invalid({ problems: problems.join('; ') }));
    }
    throw error;
  }
}

export const preflight = () => new Response(null, { status: 204, headers: CORS_HEADERS });

/** Reads query parameters into a plain object for a zod schema. */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
