import { FLASHES, type Flash } from './domain/forms.ts';
import { localizePath } from './domain/languages.ts';
import type { Language } from './domain/vocabulary.ts';
import { currentLanguage } from './i18n/request-language.ts';

/** A page's or feed's address in the request's language (`/fr/…` in French); the API and assets keep theirs. */
const page = (path: string) => localizePath(path, currentLanguage());

/**
 * Every URL of the board, built in one place (never by hand in a page), so a
 * route can move without hunting for string templates. Pages get the request's
 * language prefix here (decision 014), so no caller builds a French address.
 */
export const paths = {
  home: () => page('/'),
  about: () => page('/about'),
  methodology: () => page('/methodology'),
  transparency: () => page('/transparency'),
  /** The content policy, at a reason's explanation when one is given. */
  guidelines: (reason?: string) => page(reason ? `/guidelines#${encodeURIComponent(reason)}` : '/guidelines'),
  rankings: () => page('/rankings'),
  /**
   * Brands side by side, in the order picked (the shareable address): their
   * slugs stay readable, separated by commas; the window when not the default.
   */
  compare: (slugs?: readonly string[], window?: string | null) => {
    const brands = slugs && slugs.length > 0 ? `brands=${slugs.map(encodeURIComponent).join(',')}` : null;
    const windowPart = window && window !== '12m' ? `window=${encodeURIComponent(window)}` : null;
    const query = [brands, windowPart].filter(Boolean).join('&');
    return page(query ? `/compare?${query}` : '/compare');
  },
  search: (query?: string) => page(query ? `/search?q=${encodeURIComponent(query)}` : '/search'),
  newPost: (brandSlug?: string) => page(brandSlug ? `/new?brand=${encodeURIComponent(brandSlug)}` : '/new'),
  brand: (slug: string, query?: Record<string, string | null | undefined>) =>
    page(withQuery(`/brands/${encodeURIComponent(slug)}`, query)),
  /** Atom feeds answer in both languages too (`/fr/feed.xml`, decision 014). */
  brandFeed: (slug: string) => page(`/brands/${encodeURIComponent(slug)}/feed.xml`),
  brandInbox: (slug: string, filter?: string) =>
    page(
      withQuery(`/brand/${encodeURIComponent(slug)}/inbox`, {
        filter: filter && filter !== 'all' ? filter : null,
      }),
    ),
  brandSettings: (slug: string, section?: string) =>
    page(`/brand/${encodeURIComponent(slug)}/settings${section ? `#${section}` : ''}`),
  brandClaim: (slug: string) => page(`/brands/${encodeURIComponent(slug)}/claim`),
  confirmClaim: (token: string) => page(withQuery('/claim/confirm', { token })),
  acceptInvite: (token: string) => page(withQuery('/team/join', { token })),
  replyEdit: (postId: number, messageId: number) => page(`/posts/${postId}/replies/${messageId}/edit`),
  replyRevisions: (postId: number, messageId: number) =>
    page(`/posts/${postId}/replies/${messageId}/revisions`),
  post: (id: number) => page(`/posts/${id}`),
  /**
   * One message of a thread: the view of the post page that holds it (a long thread folds its
   * middle, src/domain/thread-window.ts), scrolled to it.
   */
  postMessage: (postId: number, messageId: number) =>
    `${page(withQuery(`/posts/${postId}`, { message: String(messageId) }))}#message-${messageId}`,
  /** A part of a long thread's folded middle (`null`: the default view, its latest entries). */
  postThreadPart: (postId: number, part: number | null) =>
    page(withQuery(`/posts/${postId}`, { part: part === null ? null : String(part) })),
  postRevisions: (id: number) => page(`/posts/${id}/revisions`),
  postEdit: (id: number) => page(`/posts/${id}/edit`),
  postWithdraw: (id: number) => page(`/posts/${id}/withdraw`),
  login: (next?: string) => page(withQuery('/login', { next: next && next !== '/' ? next : null })),
  signup: () => page('/signup'),
  logout: () => page('/logout'),
  verifyEmail: (token?: string) => page(withQuery('/verify-email', { token })),
  resetPassword: (token?: string) => page(withQuery('/reset-password', { token })),
  confirmEmailChange: (token: string) => page(withQuery('/account/confirm-email', { token })),
  account: (section?: string) => page(section ? `/account#${section}` : '/account'),
  moderation: (query?: Record<string, string | null | undefined>) => page(withQuery('/moderation', query)),
  moderationHeld: () => page('/moderation/held'),
  moderationAccounts: (email?: string) => page(withQuery('/moderation/accounts', { email })),
  moderationBrands: (query?: Record<string, string | null | undefined>) =>
    page(withQuery('/moderation/brands', query)),
  /** The signed-in person's data, as one JSON file (DESIGN §8, privacy). */
  accountExport: () => '/account/export.json',
  /** The embeddable badge; `?lang=fr` writes it in French (an image has no page address to prefix). */
  brandBadge: (slug: string, language: Language = 'en') =>
    withQuery(`/brands/${encodeURIComponent(slug)}/badge.svg`, { lang: language === 'en' ? null : language }),
  apiBrand: (slug: string) => `/api/v1/brands/${encodeURIComponent(slug)}`,
  apiBrandPosts: (slug: string, query?: Record<string, string | null | undefined>) =>
    withQuery(`/api/v1/brands/${encodeURIComponent(slug)}/posts`, query),
  apiBrands: (query?: Record<string, string | null | undefined>) => withQuery('/api/v1/brands', query),
  apiRankings: (query?: Record<string, string | null | undefined>) => withQuery('/api/v1/rankings', query),
  /** The open data behind every figure (DESIGN §7). */
  exportCsv: (table: 'brands' | 'posts') => `/api/v1/export/${table}.csv`,
  feed: () => page('/feed.xml'),
  /** Exceptional stories (src/domain/stories.ts), most helpful first, 20 a page. */
  stories: (pageNumber?: number) =>
    page(withQuery('/stories', { page: pageNumber && pageNumber > 1 ? String(pageNumber) : null })),
  storiesFeed: () => page('/stories/feed.xml'),
  favicon: () => '/favicon.svg',
  /** An image of the evidence, by the SHA-256 of its re-encoded bytes (display size or thumbnail). */
  image: (sha256: string) => `/images/${encodeURIComponent(sha256)}.webp`,
  /** Live updates (server-sent events) of the home feed, a brand page, a post page or a brand's inbox. */
  live: (page?: { brand: string } | { post: number } | { inbox: string }) =>
    withQuery(
      '/live',
      page && Object.fromEntries(Object.entries(page).map(([key, value]) => [key, String(value)])),
    ),
  /** The page being served (`Astro.url`, which is the address without a language prefix), in its language. */
  here: (url: URL) => page(`${url.pathname}${url.search}`),
  /** A page address without a language prefix (`paths.here`'s input), in the given language: the switch, hreflang. */
  inLanguage: (path: string, language: Language) => localizePath(path, language),
  /**
   * Where a page redirects after a successful form (a reload must not post
   * twice): `path` with `?done=` naming the message to show (src/domain/forms.ts)
   * and its anchor; `path` itself when there is nothing to say.
   */
  done: (path: string, flash: Flash | null) => {
    if (flash === null) return path;
    const url = new URL(path, 'http://board.invalid');
    url.searchParams.set('done', flash);
    const entry: { message: string; anchor?: string } = FLASHES[flash];
    return `${url.pathname}${url.search}${entry.anchor ? `#${entry.anchor}` : ''}`;
  },
};

/** Appends the non-empty entries of `query` as a query string. */
export function withQuery(path: string, query?: Record<string, string | null | undefined>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}
