/**
 * Every request: the database and clock into `locals`, the cross-site check
 * for state-changing requests, the session (Lucia-style, src/server/auth) into
 * `locals.user`/`actor`/`session`, and the security headers on the way out.
 * Signed-out reads go through the shared page cache (src/server/public-cache.ts,
 * decision 005); signed-in reads of pages that are the same for everyone get
 * the cached copy with their own header (src/server/personal-pages.ts), and
 * their sessions come from the instance's session cache
 * (src/server/auth/session-cache.ts); other responses are compressed as they stream.
 * Language (decision 014): `/fr/…` is served by the same page as `/…` (a rewrite), inside
 * `runInLanguage` so `paths` and the messages follow it; a first visit to an English page is
 * sent to French when the `lang` cookie or Accept-Language asks for it (src/server/language-choice.ts).
 */
import { actions } from 'astro:actions';
import type { APIContext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { actorOf } from '../db/queries/users.ts';
import {
  deleteSessionCookie,
  SESSION_COOKIE,
  setSessionCookie,
  validateSessionToken,
} from './server/auth/session.ts';
import { requestIsRateLimitExempt } from './server/bench-bypass.ts';
import { getDatabase } from './server/database.ts';
import { publicReadDatabase } from './server/read-database.ts';
import { personalRegions, readerOf } from './markup/personal-header.ts';
import { paths } from './paths.ts';
import { parseToken } from './server/auth/tokens.ts';
import {
  cacheKey,
  compressStreaming,
  isPublicRead,
  renderShared,
  servePublicRead,
  shareablePages,
} from './server/public-cache.ts';
import { personalResponse } from './server/personal-pages.ts';
import { keepSessionCacheFresh, sessionCache } from './server/shared-session-cache.ts';
import { requestIdFor } from './server/request-id.ts';
import { isOversizedFormUpload, readRefusedUpload } from './server/oversized-upload.ts';
import { refuseUnreadableRequest, scrubActionError, statusOfRefusedAction } from './server/request-guards.ts';
import { isSameOriginRequest, SECURITY_HEADERS } from './server/security-headers.ts';
import { benchBypassSecret, secureCookies, siteUrl } from './server/services.ts';
import { keepPageCacheFresh, pageCache } from './server/shared-page-cache.ts';
import {
  languageRedirect,
  plainLanguage,
  requestLanguage,
  varyByLanguage,
} from './server/language-choice.ts';
import { runInLanguage } from './i18n/request-language.ts';
import { limitApiRequest } from './server/api.ts';
// Installs zod's messages in the request's language before any action parses a form.
import './i18n/field-messages.ts';
import { m } from './i18n/messages.ts';

const cookieOptions = { secure: secureCookies };

export const onRequest = defineMiddleware((context, next) => {
  const { locale, rewrite, pagePath } = requestLanguage(context.url);
  context.locals.locale = locale;
  const redirect = languageRedirect(context.request, context.url, context.cookies, cookieOptions);
  if (redirect) return redirect;
  // `/fr/about` renders src/pages/about.astro: `next(path)` rewrites without running this again.
  const render = () => (rewrite === null ? next() : next(rewrite));
  return runInLanguage(locale, async () => {
    const response = await serve(context, render);
    return pagePath && rewrite === null ? varyByLanguage(response) : response;
  });
});

async function serve(context: APIContext, next: () => Promise<Response>): Promise<Response> {
  const handle = await getDatabase();
  // A request that changes data reads its session and runs its command on the commands' connections,
  // whose point reads keep a generic plan (db/plan-cache-mode.ts); pages read through `db`.
  const reading = context.request.method === 'GET' || context.request.method === 'HEAD';
  const db = reading ? handle.db : handle.commands;
  const now = new Date();
  context.locals.db = db;
  context.locals.now = now;
  context.locals.user = null;
  context.locals.actor = null;
  context.locals.session = null;
  // The built server has already put a safe id in the header (src/server/http-lifecycle.ts).
  context.locals.requestId = requestIdFor(context.request.headers.get('x-request-id'));
  context.locals.rateLimitExempt = requestIsRateLimitExempt(benchBypassSecret, context);

  const unreadable = await refuseUnreadableRequest(context.request, SECURITY_HEADERS);
  if (unreadable) return unreadable;

  if (!isSameOriginRequest(context.request, [context.url.origin, new URL(siteUrl).origin])) {
    return new Response(m.limit_cross_site({}, { locale: plainLanguage(context.request) }), {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
    });
  }

  // Images over the limit: keep what was typed for the form's page to show again with a 413.
  if (isOversizedFormUpload(context.request, context.url)) {
    context.locals.refusedUpload = await readRefusedUpload(context.request);
  }

  const withSecurityHeaders = (response: Response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  };
  if (isPublicRead(context.request)) {
    // The API's limit counts every request, the ones the cache answers too.
    if (context.url.pathname.startsWith('/api/')) {
      const refused = await limitApiRequest(context);
      if (refused) return withSecurityHeaders(refused);
    }
    keepPageCacheFresh(handle);
    return servePublicRead(pageCache, context.request, {
      render: async () => {
        // Signed-out pages may read the replica once it has replayed every change heard of (decision 010).
        context.locals.readDb = await publicReadDatabase(handle);
        return withSecurityHeaders(await next());
      },
      tags: () => context.locals.cacheTags,
      setsCookies: () => !context.cookies.headers().next().done,
      shareable: () => context.locals.sameForEveryone === true,
    });
  }

  const token = context.cookies.get(SESSION_COOKIE)?.value ?? null;
  // Reads may use the instance's session cache; anything that changes data checks the database.
  if (token) {
    keepSessionCacheFresh(handle);
    const parts = reading ? parseToken(token) : null;
    const cached = parts ? sessionCache.get(parts.id, parts.secret, now) : null;
    if (cached) {
      context.locals.session = { id: cached.session.id };
      context.locals.user = cached.user;
      context.locals.actor = cached.actor;
    } else {
      const { session, user, memberships, refreshed } = await validateSessionToken(db, token, now);
      if (session && user) {
        const actor = actorOf(user, memberships);
        context.locals.session = { id: session.id };
        context.locals.user = user;
        context.locals.actor = actor;
        if (refreshed) setSessionCookie(context.cookies, token, cookieOptions);
        else if (reading) sessionCache.set({ session, user, actor }, now);
      } else {
        deleteSessionCookie(context.cookies, cookieOptions);
      }
    }
  }

  // A signed-in reader of a page that is the same for everyone: the shared copy, with their header.
  if (reading && context.locals.user && context.cookies.headers().next().done) {
    keepPageCacheFresh(handle);
    const key = cacheKey(context.url);
    const regions = personalRegions(readerOf(context.locals.user, context.locals.actor?.memberships ?? []), {
      here: `${context.url.pathname}${context.url.search}`,
      logoutAction: paths.logout() + actions.logout,
      accountIsCurrent: false,
    });
    const shared = pageCache.get(key);
    if (shared) {
      const personal = await personalResponse(context.request, shared, regions);
      if (personal) return withSecurityHeaders(personal);
    } else if (shareablePages.has(key)) {
      // Evicted by a change: rendered again as everyone sees it, stored, then given this reader's header.
      const reader = {
        user: context.locals.user,
        actor: context.locals.actor,
        session: context.locals.session,
      };
      context.locals.user = null;
      context.locals.actor = null;
      context.locals.session = null;
      const rendered = await renderShared(pageCache, context.request, {
        render: async () => withSecurityHeaders(await next()),
        tags: () => context.locals.cacheTags,
        setsCookies: () => !context.cookies.headers().next().done,
        shareable: () => context.locals.sameForEveryone === true,
      });
      Object.assign(context.locals, reader);
      if ('response' in rendered) return compressStreaming(context.request, rendered.response);
      const personal = await personalResponse(context.request, rendered.page, regions);
      // A page that lost its personal regions is still the one everyone sees; never someone else's.
      return withSecurityHeaders(
        personal ??
          new Response(rendered.page.body as Uint8Array<ArrayBuffer>, { headers: rendered.page.headers }),
      );
    }
  }

  const response = withSecurityHeaders(
    await statusOfRefusedAction(context.url.pathname, scrubActionError(context.url.pathname, await next())),
  );
  // Pages that depend on who is signed in must never be cached by a shared cache.
  if (context.locals.user && !response.headers.has('Cache-Control')) {
    response.headers.set('Cache-Control', 'private, no-store');
  }
  return compressStreaming(context.request, response);
}
