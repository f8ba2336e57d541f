/**
 * Every request: the database and clock into `locals`, the cross-site check
 * for state-changing requests, the session (Lucia-style, src/server/auth) into
 * `locals.user`/`actor`/`session`, and the security headers on the way out.
 */
import { defineMiddleware } from 'astro:middleware';
import { loadActor } from '../db/queries/users.ts';
import {
  deleteSessionCookie,
  SESSION_COOKIE,
  setSessionCookie,
  validateSessionToken,
} from './server/auth/session.ts';
import { getDatabase } from './server/database.ts';
import { isSameOriginRequest, SECURITY_HEADERS } from './server/security-headers.ts';
import { secureCookies, siteUrl } from './server/services.ts';

const cookieOptions = { secure: secureCookies };

export const onRequest = defineMiddleware(async (context, next) => {
  const db = (await getDatabase()).db;
  const now = new Date();
  context.locals.db = db;
  context.locals.now = now;
  context.locals.user = null;
  context.locals.actor = null;
  context.locals.session = null;

  if (!isSameOriginRequest(context.request, [context.url.origin, new URL(siteUrl).origin])) {
    return new Response('Cross-site requests that change data are refused.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
    });
  }

  const token = context.cookies.get(SESSION_COOKIE)?.value ?? null;
  if (token) {
    const { session, user, refreshed } = await validateSessionToken(db, token, now);
    if (session && user) {
      context.locals.session = { id: session.id };
      context.locals.user = user;
      context.locals.actor = await loadActor(db, user);
      if (refreshed) setSessionCookie(context.cookies, token, cookieOptions);
    } else {
      deleteSessionCookie(context.cookies, cookieOptions);
    }
  }

  const response = await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  // Pages that depend on who is signed in must never be cached by a shared cache.
  if (context.locals.user && !response.headers.has('Cache-Control')) {
    response.headers.set('Cache-Control', 'private, no-store');
  }
  return response;
});
