/**
 * Which language a request is served in, and when a visit is sent to the other one (decision 014).
 * Addresses are stable: `/fr/…` is always French and `/…` English, for readers, links and crawlers.
 * Only a visit to an English page by a browser that prefers French (the `lang` cookie set by the
 * switch, else Accept-Language) is redirected to the French address; a crawler sends no
 * Accept-Language and is never redirected. English pages therefore vary by Accept-Language and Cookie.
 */
import type { AstroCookies } from 'astro';
import {
  DEFAULT_LANGUAGE,
  delocalizePath,
  isFeedPath,
  isLanguage,
  isPagePath,
  LANGUAGE_COOKIE,
  LANGUAGE_SWITCH_PARAM,
  localizePath,
  negotiateLanguage,
} from '../domain/languages.ts';
import type { Language } from '../domain/vocabulary.ts';

const LANGUAGE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language of a short plain answer written before (or without) a page: a refused body, the
 * live stream's refusals. A page address says it (`/fr/…` French, `/…` English); any other
 * address (`/live`, `/_actions/…`) follows Accept-Language, English when it names neither.
 */
export function plainLanguage(request: Request): Language {
  const { language, path } = delocalizePath(new URL(request.url).pathname);
  if (isPagePath(path)) return language;
  return negotiateLanguage(request.headers.get('accept-language')) ?? DEFAULT_LANGUAGE;
}

/**
 * The request's language, and the unprefixed address to render when it is not English: pages, and
 * the Atom feeds (`/fr/feed.xml`), whose titles and links follow the language.
 */
export function requestLanguage(url: URL): { locale: Language; rewrite: string | null; pagePath: boolean } {
  const { language, path } = delocalizePath(url.pathname);
  const pagePath = isPagePath(path);
  if (language === DEFAULT_LANGUAGE || !(pagePath || isFeedPath(path)))
    return { locale: DEFAULT_LANGUAGE, rewrite: null, pagePath };
  return { locale: language, rewrite: `${path}${url.search}`, pagePath };
}

/**
 * A redirect, or null to serve the page: the switch's link (`?lang=fr`) remembers the choice
 * in a cookie and lands on the clean address; an English page visited by someone who prefers
 * French goes to its French address.
 */
export function languageRedirect(
  request: Request,
  url: URL,
  cookies: AstroCookies,
  cookieOptions: { secure: boolean },
): Response | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const { language, path } = delocalizePath(url.pathname);
  if (!isPagePath(path)) return null;

  const switched = url.searchParams.get(LANGUAGE_SWITCH_PARAM);
  if (isLanguage(switched)) {
    const params = new URLSearchParams(url.search);
    params.delete(LANGUAGE_SWITCH_PARAM);
    const search = params.size > 0 ? `?${params}` : '';
    const cookie = [
      `${LANGUAGE_COOKIE}=${switched}`,
      'Path=/',
      `Max-Age=${LANGUAGE_COOKIE_MAX_AGE_SECONDS}`,
      'SameSite=Lax',
      ...(cookieOptions.secure ? ['Secure'] : []),
    ].join('; ');
    return new Response(null, {
      status: 303,
      headers: {
        Location: localizePath(`${path}${search}`, switched),
        'Set-Cookie': cookie,
        'Cache-Control': 'no-store',
      },
    });
  }

  if (language !== DEFAULT_LANGUAGE) return null;
  const remembered = cookies.get(LANGUAGE_COOKIE)?.value;
  const preferred = isLanguage(remembered)
    ? remembered
    : negotiateLanguage(request.headers.get('accept-language'));
  if (preferred === null || preferred === DEFAULT_LANGUAGE) return null;
  return new Response(null, {
    status: 302,
    headers: {
      Location: localizePath(`${path}${url.search}`, preferred),
      Vary: 'Accept-Language, Cookie',
      'Cache-Control': 'private, no-store',
    },
  });
}

/** An English page's response depends on Accept-Language and the cookie (a French reader is redirected). */
export function varyByLanguage(response: Response): Response {
  const names = (response.headers.get('Vary') ?? '').split(',').map((name) => name.trim());
  const lowered = names.map((name) => name.toLowerCase());
  for (const name of ['Accept-Language', 'Cookie']) {
    if (!lowered.includes(name.toLowerCase())) names.push(name);
  }
  response.headers.set('Vary', names.filter(Boolean).join(', '));
  return response;
}
