/**
 * Which language a request is in, and the same page's address in the other one (decision 014).
 * English lives at `/`, French under `/fr/`; one page file serves both, so a French address is
 * the English one with the prefix. Pure: the middleware and `paths` use these.
 */
import { LANGUAGES, type Language } from './vocabulary.ts';

export const DEFAULT_LANGUAGE: Language = 'en';

/** The cookie that remembers the language picked with the switch. */
export const LANGUAGE_COOKIE = 'lang';

/** The query parameter the switch adds, so following it sets the cookie (then redirects it away). */
export const LANGUAGE_SWITCH_PARAM = 'lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const PREFIX: Record<Language, string> = { en: '', fr: '/fr' };

/** `/about` in French is `/fr/about`; the home page is `/fr/`. Query and anchor are kept. */
export function localizePath(path: string, language: Language): string {
  if (PREFIX[language] === '' || !path.startsWith('/') || path.startsWith('//')) return path;
  return `${PREFIX[language]}${path}`;
}

/** `/fr/about` → French, `/about`; `/about` → English, `/about`; `/france` stays English. */
export function delocalizePath(pathname: string): { language: Language; path: string } {
  for (const language of LANGUAGES) {
    const prefix = PREFIX[language];
    if (prefix === '') continue;
    if (pathname === prefix) return { language, path: '/' };
    if (pathname.startsWith(`${prefix}/`)) return { language, path: pathname.slice(prefix.length) };
  }
  return { language: DEFAULT_LANGUAGE, path: pathname };
}

/**
 * Addresses that are pages people read, so they exist in both languages; not the API, feeds,
 * badges, exports, live updates, health checks, actions or assets, whose address never changes.
 */
export function isPagePath(path: string): boolean {
  if (/^\/(api|_actions|_astro|_server-islands|_image|live|healthz|readyz)(\/|$)/.test(path)) return false;
  return !/\.[a-z0-9]+$/i.test(path);
}

/**
 * The Atom feeds (the board's, the stories' and a brand's): not pages, yet written in a language, so
 * they answer under `/fr/…` too (French titles, French links) and are never redirected.
 */
export function isFeedPath(path: string): boolean {
  return /^\/(feed\.xml|stories\/feed\.xml|brands\/[^/]+\/feed\.xml)$/.test(path);
}

/**
 * The supported language an `Accept-Language` header prefers most, or null when it names none
 * (or is absent, as it is for crawlers): `fr-CA,fr;q=0.9,en;q=0.8` → fr; `de, en;q=0.5` → en.
 */
export function negotiateLanguage(acceptLanguage: string | null): Language | null {
  if (!acceptLanguage) return null;
  let best: { language: Language; quality: number } | null = null;
  for (const part of acceptLanguage.split(',').slice(0, 32)) {
    const [tag = '', ...parameters] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (!isLanguage(primary)) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(quality) || quality <= 0) continue;
    if (best === null || quality > best.quality) best = { language: primary, quality };
  }
  return best?.language ?? null;
}
