/**
 * The 404 page in place of the page asked for. A form's POST has had its body read by its action
 * before the page runs, and Astro refuses to copy a used body into the rewritten request (it threw,
 * and the reader got a 500): the 404 is rendered from a bodiless GET that keeps the request's headers
 * (session cookie, language), which is all the 404 page reads.
 */
import type { AstroGlobal } from 'astro';

export function renderNotFound(astro: AstroGlobal): Promise<Response> {
  return astro.rewrite(new Request(new URL('/404', astro.url), { headers: astro.request.headers }));
}
