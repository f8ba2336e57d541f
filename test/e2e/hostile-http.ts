/**
 * Plain-HTTP helpers for the hostile-input suite (issue #11): form posts the
 * way a browser sends them (same Origin, url-encoded), sessions obtained
 * through the real log-in form, and the checks that a response leaks nothing.
 *
 * The log-in rate limit counts attempts per IP across the whole e2e run, so
 * the sessions are cached in the run's data directory and shared by the
 * suite's files instead of logging in again in each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, inject } from 'vitest';
import { DEMO_PASSWORD } from './browser.ts';

export const baseUrl = inject('baseUrl');
export const dataDir = inject('dataDir');

export type Fields = Record<string, string | readonly string[]>;

export function formBody(fields: Fields): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === 'string' ? [value] : value) body.append(name, item);
  }
  return body;
}

/** A form post to `pagePath?_action=name`, as the page's own form sends it; redirects are not followed. */
export function postForm(
  pagePath: string,
  action: string,
  fields: Fields,
  options: { cookie?: string | null; origin?: string } = {},
): Promise<Response> {
  const separator = pagePath.includes('?') ? '&' : '?';
  return fetch(`${baseUrl}${pagePath}${separator}_action=${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Origin: options.origin ?? baseUrl,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body: formBody(fields),
  });
}

export function get(pathAndQuery: string, cookie?: string | null): Promise<Response> {
  return fetch(`${baseUrl}${pathAndQuery}`, {
    redirect: 'manual',
    headers: cookie ? { Cookie: cookie } : {},
  });
}

/** The `session=…` cookie a response sets, or null. */
export function sessionCookieOf(response: Response): string | null {
  for (const header of response.headers.getSetCookie()) {
    const match = /^session=([^;]+)/.exec(header);
    if (match && match[1]) return `session=${match[1]}`;
  }
  return null;
}

const sessionsFile = () => path.join(dataDir, 'hostile-sessions.json');

function cachedSessions(): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(sessionsFile(), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** A cookie header for a demo account, logged in once per run through the real form. */
export async function sessionFor(email: string): Promise<string> {
  const cached = cachedSessions()[email];
  if (cached) {
    const check = await get('/account', cached);
    if (check.status === 200) return cached;
  }
  const response = await postForm('/login', 'login', { email, password: DEMO_PASSWORD, next: '/' });
  const cookie = sessionCookieOf(response);
  if (response.status !== 303 || !cookie)
    throw new Error(`Logging in as ${email} answered ${response.status}: ${await response.text()}`);
  fs.writeFileSync(sessionsFile(), JSON.stringify({ ...cachedSessions(), [email]: cookie }));
  return cookie;
}

/** The id in `/posts/{id}` of a redirect after publishing. */
export function postIdFrom(response: Response): number {
  const match = /\/posts\/(\d+)/.exec(response.headers.get('location') ?? '');
  if (!match) throw new Error(`Expected a redirect to the new post, got ${response.status}.`);
  return Number(match[1]);
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

/** Publishes a fail through /new and returns its id. */
export async function publishPost(
  cookie: string,
  fields: { brandSlug?: string; title: string; story: string } & Fields,
): Promise<number> {
  const response = await postForm(
    '/new',
    'createPost',
    { kind: 'fail', category: 'attitude', channel: 'store', experiencedOn: todayIso(), ...fields },
    { cookie },
  );
  if (response.status !== 303) {
    const text = (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    throw new Error(`Publishing answered ${response.status}: ${text.slice(0, 2000)}`);
  }
  return postIdFrom(response);
}

// What a response must never show a person: driver errors, SQL, stack frames.
const LEAKS: readonly RegExp[] = [
  /Failed query/i,
  /\b(?:select|from|into|update|where)\s+"[a-z_]+"/i,
  /syntax error at or near/i,
  /violates (?:foreign key|unique|check|not-null) constraint/i,
  /invalid input syntax for type/i,
  /^\s*at .+(?:\.(?:m?js|ts)|node:internal\S*):\d+:\d+\)?\s*$/m,
  /PGlite|postgres-js|drizzle/i,
];

export function expectNoLeak(body: string, label: string): void {
  for (const pattern of LEAKS) expect(pattern.test(body), `${label} leaks ${pattern}`).toBe(false);
}
