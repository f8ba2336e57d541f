/**
 * Plain-HTTP helpers for the hostile-input suite (issue #11): form posts the
 * way a browser sends them (same Origin, url-encoded), sessions obtained
 * through the real log-in form, and the checks that a response leaks nothing.
 *
 * The rate limits count per IP address across the whole e2e run (log-ins,
 * sign-ups, API calls), and the other e2e files use 127.0.0.1's share. The
 * suite connects from another loopback address, as a separate client would,
 * so neither side eats the other's allowance; its sessions are cached in the
 * run's data directory and shared by the suite's files.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, inject } from 'vitest';
import { buildDemo } from '../../db/seed/demo.ts';
import { DEMO_PASSWORD } from './browser.ts';

export const baseUrl = inject('baseUrl');
export const dataDir = inject('dataDir');

const CLIENT_ADDRESS = '127.0.0.2';

export type Fields = Record<string, string | readonly string[]>;

export function formBody(fields: Fields): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === 'string' ? [value] : value) body.append(name, item);
  }
  return body;
}

/** An HTTP request from the suite's own loopback address; redirects are never followed. */
export function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | URLSearchParams } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method: init.method ?? 'GET', headers: init.headers ?? {}, localAddress: CLIENT_ADDRESS },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            for (const item of Array.isArray(value) ? value : [value ?? '']) headers.append(name, item);
          }
          const status = incoming.statusCode ?? 500;
          const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(body, { status, headers }));
        });
      },
    );
    outgoing.on('error', reject);
    if (init.body !== undefined) {
      const body = String(init.body);
      if (init.body instanceof URLSearchParams && !init.headers?.['Content-Type'])
        outgoing.setHeader('Content-Type', 'application/x-www-form-urlencoded');
      outgoing.setHeader('Content-Length', Buffer.byteLength(body));
      outgoing.end(body);
    } else {
      outgoing.end();
    }
  });
}

/** A form post to `pagePath?_action=name`, as the page's own form sends it. */
export function postForm(
  pagePath: string,
  action: string,
  fields: Fields,
  options: { cookie?: string | null; origin?: string } = {},
): Promise<Response> {
  const separator = pagePath.includes('?') ? '&' : '?';
  return request(`${baseUrl}${pagePath}${separator}_action=${action}`, {
    method: 'POST',
    headers: {
      Origin: options.origin ?? baseUrl,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(options.cookie ? { Cookie: options.cookie } : {}),
    },
    body: formBody(fields),
  });
}

export function get(pathAndQuery: string, cookie?: string | null): Promise<Response> {
  return request(`${baseUrl}${pathAndQuery}`, { headers: cookie ? { Cookie: cookie } : {} });
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

/** The e-mail of a seeded brand's owner or first member (the seed is deterministic). */
export function seededTeamEmail(slug: string, role: 'owner' | 'member'): string {
  const demo = buildDemo({ now: new Date(), passwordHash: 'unused' });
  const brand = demo.brands.find((candidate) => candidate.slug === slug)!;
  const seat = demo.members.find((row) => row.brandId === brand.id && row.role === role)!;
  const email = demo.users.find((user) => user.id === seat.userId)?.email;
  if (!email) throw new Error(`The seed has no ${role} for ${slug}.`);
  return email;
}

/** The mails written to the outbox for `to`, oldest first, as raw .eml text. */
function mailsTo(to: string): string[] {
  const outbox = path.join(dataDir, 'outbox');
  const marker = to.replace(/[^a-z0-9@.-]/gi, '_');
  if (!fs.existsSync(outbox)) return [];
  return fs
    .readdirSync(outbox)
    .filter((file) => file.includes(marker))
    .sort()
    .map((file) => fs.readFileSync(path.join(outbox, file), 'utf8'));
}

/** The newest mail to `to` that `matches`; mails are sent by a background job, so it waits up to 10 s. */
export async function waitForMail(to: string, matches: (eml: string) => boolean): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = mailsTo(to).filter(matches).at(-1);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No matching mail reached ${to}.`);
}

const unfoldQuotedPrintable = (eml: string) => eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

/** The link with a token in the newest mail to `to` that has one. */
export async function newestMailLink(to: string): Promise<string> {
  const eml = await waitForMail(to, (text) => /token=/.test(unfoldQuotedPrintable(text)));
  return /https?:\/\/\S+?token=[a-z2-7]+\.[a-z2-7]+/.exec(unfoldQuotedPrintable(eml))![0];
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
