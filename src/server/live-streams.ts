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
}

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
  if (isShuttingDown()) return unavailable(hub, 'This server is stopping. Live updates resume shortly.');
  if (hub.full) return unavailable(hub, busyMessage);
  const asked = parseLiveTopic(request.query);
  if (!asked) return plain(400, 'Ask for live updates of one page: /live, ?brand=, ?post= or ?inbox=.');
  const limited = await attempt(
    handle.db,
    RATE_LIMITS.liveStreamsPerIp,
    request.clientAddress,
    request.now,
    request.rateLimitExempt,
  );
  if (!limited.ok) {
    return plain(429, `Too many live connections. Try again in ${limited.retryAfterSeconds} seconds.`, {
      'Retry-After': String(limited.retryAfterSeconds),
    });
  }
  const access = authorizeLiveTopic(request.actor, await subjectOf(handle, asked));
  if (!access.ok) return plain(access.status, access.reason);

  await connectLiveHub(handle, hub);
  const backlog = await catchUp(handle, access.topic, parseLastEventId(request.lastEventId));
  const body = hub.open(access.topic, backlog);
  if (!body) return unavailable(hub, busyMessage);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      // nginx: pass events on as they come instead of buffering them.
      'X-Accel-Buffering': 'no',
    },
  });
}

const busyMessage =
  'Too many people are following live updates on this server right now. The page still works: reload it to see what is new.';

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
