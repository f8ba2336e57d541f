/**
 * Live updates of one page as server-sent events (decision 008): `/live` for
 * the home feed, `?brand=slug`, `?post=id`, or `?inbox=slug` (the brand's team).
 */
import type { APIRoute } from 'astro';
import { getDatabase } from '../server/database.ts';
import { liveHub } from '../server/live-instance.ts';
import { plainLanguage } from '../server/language-choice.ts';
import { openLiveStream } from '../server/live-streams.ts';

export const GET: APIRoute = async (context) => {
  let clientAddress = 'unknown';
  try {
    clientAddress = context.clientAddress;
  } catch {
    // No socket address (a test's request): one shared bucket.
  }
  return openLiveStream({
    handle: await getDatabase(),
    hub: liveHub,
    actor: context.locals.actor,
    now: context.locals.now,
    query: Object.fromEntries(context.url.searchParams.entries()),
    lastEventId: context.request.headers.get('last-event-id'),
    clientAddress,
    rateLimitExempt: context.locals.rateLimitExempt === true,
    language: plainLanguage(context.request),
  });
};

/** A HEAD opens no stream (it would never be read, and would hold one of the instance's places). */
export const HEAD: APIRoute = () =>
  new Response(null, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
