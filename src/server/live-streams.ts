/**
 * Opening a live stream (`GET /live…`, decision 008), and connecting the
 * instance's hub to the change listener. The endpoint is a thin adapter over
 * `openLiveStream`: refused while the server stops or when the hub is full
 * (503 with `Retry-After`), counted against a per-address limit on opening
 * (an open stream costs nothing more), authorized like the page it serves,
 * then caught up from `Last-Event-ID` and kept open.
 */
import type { DatabaseHandle } from '../../db/client.ts';
import { getBrandBySlug } from '../../db/queries/brands.ts';
import { CHANGES_CHANNEL, parseChange } from '../../db/queries/changes.ts';
import {
  findLivePost,
  liveEventsAfter,
  oldestLiveEventId,
  pruneLiveEvents,
} from '../../db/queries/live-events.ts';
import {
  authorizeLiveTopic,
  canReplayAfter,
  liveEventFor,
  parseLastEventId,
  parseLiveTopic,
  type LiveSubject,
  type LiveTopic,
  type LiveTopicRequest,
} from '../domain/live.ts';
import type { Actor } from '../domain/policy.ts';
import type { Language } from '../domain/vocabulary.ts';
import { m } from '../i18n/messages.ts';
import { RATE_LIMITS } from '../domain/rate-limits.ts';
import { changeListenerOf } from './change-listener.ts';
import { formatEvent, type LiveHub } from './live-hub.ts';
import { attempt } from './rate-limit.ts';
import { isShuttingDown } from './shutdown.ts';
import { logger } from './logger.ts';

/** Events kept for reconnecting pages; a page away longer reloads its regions. */
export const LIVE_EVENTS_KEEP_SECONDS = 10 * 60;
/** At most this many events are replayed; a page further behind reloads its regions. */
const MAX_REPLAYED_EVENTS = 200;
const PRUNE_EVERY_MILLISECONDS = 60_000;

export interface LiveRequest {
  handle: DatabaseHandle;
  hub: LiveHub;
  actor: Actor | null;
  now: Date;
  query: Record<string, string>;
  lastEventId: string | null;
  clientAddress: string;
  rateLimitExempt: boolean;
  /** The language of a refusal's sentence (src/server/language-choice.ts `plainLanguage`); English unless said. */
  language?: Language;
}

/** The domain's refusal of a topic, by its status, in the reader's language. */
const TOPIC_REFUSALS = {
  401: m.limit_live_inbox_sign_in,
  403: m.limit_live_inbox_forbidden,
  404: m.limit_live_no_page,
} as const;

function plain(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

function unavailable(hub: LiveHub, message: string): Response {
  const retryAfterSeconds = Math.ceil(hub.retryMilliseconds / 1000) * 6;
  return plain(503, message, { 'Retry-After': String(retryAfterSeconds) });
}

export async function openLiveStream(request: LiveRequest): Promise<Response> {
  const { handle, hub } = request;
  const locale = { locale: request.language ?? 'en' };
  if (isShuttingDown()) return unavailable(hub, m.limit_live_stopping({}, locale));
  if (hub.full) return unavailable(hub, m.limit_live_busy({}, locale));
  const asked = parseLiveTopic(request.query);
  if (!asked) return plain(400, m.limit_live_bad_query({}, locale));
  const limited = await attempt(
    handle.db,
    RATE_LIMITS.liveStreamsPerIp,
    request.clientAddress,
    request.now,
    request.rateLimitExempt,
  );
  if (!limited.ok) {
    return plain(429, m.limit_live_too_many({ count: limited.retryAfterSeconds }, locale), {
      'Retry-After': String(limited.retryAfterSeconds),
    });
  }
  const access = authorizeLiveTopic(request.actor, await subjectOf(handle, asked));
  if (!access.ok) return plain(access.status, TOPIC_REFUSALS[access.status]({}, locale));

  await connectLiveHub(handle, hub);
  const backlog = await catchUp(handle, access.topic, parseLastEventId(request.lastEventId));
  const body = hub.open(access.topic, backlog);
  if (!body) return unavailable(hub, m.limit_live_busy({}, locale));
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      // nginx: pass events on as they come instead of buffering them.
      'X-Accel-Buffering': 'no',
    },
  });
}

async function subjectOf(handle: DatabaseHandle, asked: LiveTopicRequest): Promise<LiveSubject | null> {
  switch (asked.page) {
    case 'home':
      return { page: 'home' };
    case 'brand':
    case 'inbox': {
      const brand = await getBrandBySlug(handle.db, asked.slug);
      return brand ? { page: asked.page, brandId: brand.id } : null;
    }
    case 'post': {
      const post = await findLivePost(handle.db, asked.postId);
      return post ? { page: 'post', ...post } : null;
    }
  }
}

/** The events after `lastEventId` that this page shows, or one `reload` when they are no longer all kept. */
async function catchUp(
  handle: DatabaseHandle,
  topic: LiveTopic,
  lastEventId: number | null,
): Promise<string[]> {
  if (lastEventId === null) return [];
  const oldest = await oldestLiveEventId(handle.db);
  const missed = canReplayAfter(lastEventId, oldest)
    ? await liveEventsAfter(handle.db, lastEventId, MAX_REPLAYED_EVENTS + 1)
    : null;
  if (!missed || missed.length > MAX_REPLAYED_EVENTS) return [formatEvent('reload', null)];
  return missed.flatMap((change) => {
    const name = liveEventFor(topic, change);
    return name
      ? [formatEvent(name, change.id, change.postId === null ? {} : { postId: change.postId })]
      : [];
  });
}

const connected = new WeakMap<DatabaseHandle, Set<LiveHub>>();

/**
 * Subscribes `hub` to the changes channel of `handle` (once per pair) and prunes old events every
 * minute while the process runs. After the listening connection comes back, pages reload.
 */
export function connectLiveHub(handle: DatabaseHandle, hub: LiveHub): Promise<() => Promise<void>> | null {
  let hubs = connected.get(handle);
  if (!hubs) connected.set(handle, (hubs = new Set()));
  if (hubs.has(hub)) return null;
  hubs.add(hub);
  let listenedBefore = false;
  const prune = setInterval(() => {
    pruneLiveEvents(handle.db, LIVE_EVENTS_KEEP_SECONDS).catch((error: unknown) =>
      logger.error({ err: error }, 'Pruning live events failed'),
    );
  }, PRUNE_EVERY_MILLISECONDS);
  prune.unref();
  const subscription = changeListenerOf(handle).subscribe(CHANGES_CHANNEL, {
    onNotify: (payload) => {
      const change = parseChange(payload);
      if (change.id !== null) hub.dispatch({ ...change, id: change.id });
    },
    onConnected: () => {
      if (listenedBefore) hub.reloadAll();
      listenedBefore = true;
    },
  });
  subscription.catch((error: unknown) =>
    logger.error({ err: error }, 'Live updates cannot listen for changes'),
  );
  return subscription.then((unsubscribe) => async () => {
    clearInterval(prune);
    hubs.delete(hub);
    await unsubscribe();
  });
}
