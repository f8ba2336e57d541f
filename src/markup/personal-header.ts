/**
 * The only parts of a shared page that depend on who reads it: the account
 * links in the header and the "confirm your e-mail" banner. They are written
 * here once, as escaped HTML between markers, so the layout renders them and
 * the middleware can put a signed-in reader's own version into a page the
 * shared cache holds (src/server/personal-pages.ts) without rendering it again.
 * Every piece of user text goes through `escapeHtml`. They are written in the request's language,
 * and the shared cache keys pages by their address, which names the language (decision 014).
 */
import { delocalizePath } from '../domain/languages.ts';
import { m } from '../i18n/messages.ts';
import { paths } from '../paths.ts';
import { escapeHtml } from './escape.ts';

export const PERSONAL_REGIONS = ['account', 'banner'] as const;
export type PersonalRegion = (typeof PERSONAL_REGIONS)[number];

export const regionStart = (region: PersonalRegion) => `<!--lf:${region}-->`;
export const regionEnd = (region: PersonalRegion) => `<!--/lf:${region}-->`;

export interface Reader {
  displayName: string;
  email: string | null;
  emailVerified: boolean;
  moderator: boolean;
  /** The brands whose team the reader is on: their inbox is one click away. */
  brands: readonly { slug: string; name: string }[];
}

/** The reader as the header shows them, from the signed-in account and its brand memberships. */
export function readerOf(
  user: { displayName: string; email: string | null; emailVerifiedAt: Date | null; role: string } | null,
  memberships: readonly { brandSlug?: string | undefined; brandName?: string | undefined }[],
): Reader | null {
  if (!user) return null;
  return {
    displayName: user.displayName,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    moderator: user.role === 'moderator',
    brands: memberships.flatMap((m) =>
      m.brandSlug ? [{ slug: m.brandSlug, name: m.brandName ?? m.brandSlug }] : [],
    ),
  };
}

const item = (html: string) => `<li>${html}</li>`;
const link = (href: string, label: string, current = false) =>
  `<a href="${escapeHtml(href)}"${current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;

/**
 * Each region's HTML for `reader` (null: signed out) on the page at `here`.
 * `logoutAction` is the log-out form's action URL; `current` marks the account link.
 */
export function personalRegions(
  reader: Reader | null,
  options: { here: string; logoutAction: string; accountIsCurrent: boolean },
): Record<PersonalRegion, string> {
  let account: string;
  if (!reader) {
    const next = /^\/(login|signup|logout)/.test(delocalizePath(options.here).path)
      ? undefined
      : options.here;
    account =
      item(link(paths.login(next), m.header_log_in())) + item(link(paths.signup(), m.header_sign_up()));
  } else {
    account =
      reader.brands
        .map((brand) => item(link(paths.brandInbox(brand.slug), m.header_inbox({ brand: brand.name }))))
        .join('') +
      (reader.moderator ? item(link(paths.moderation(), m.header_moderation())) : '') +
      item(link(paths.account(), reader.displayName, options.accountIsCurrent)) +
      item(
        `<form method="POST" action="${escapeHtml(options.logoutAction)}" class="form--inline">` +
          `<button type="submit" class="link-button">${escapeHtml(m.header_log_out())}</button></form>`,
      );
  }
  const banner =
    reader && !reader.emailVerified
      ? `<div class="banner" role="region" aria-label="${escapeHtml(m.header_banner_label())}"><div class="banner__inner">` +
        `<p>${escapeHtml(m.header_banner_text({ email: reader.email ?? m.header_banner_your_address() }))}</p>` +
        `${link(paths.verifyEmail(), m.header_banner_resend())}</div></div>`
      : '';
  return { account, banner };
}

/** A region with its markers, as the layout writes it. */
export function markedRegion(region: PersonalRegion, html: string): string {
  return `${regionStart(region)}${html}${regionEnd(region)}`;
}
