/**
 * The instance's one listening connection (decision 008): the page cache, the
 * session cache and the live hub each subscribe to a channel here, and this
 * module asks the database for one LISTEN on every channel — on PostgreSQL
 * one connection of its own for all of them, on PGlite its only connection —
 * then hands each notification to the subscribers of its channel.
 *
 * A subscriber hears `onConnected` when listening starts (or at once, if it
 * already has) and again after a reconnection, and `onDisconnected` when the
 * connection drops: notifications sent in between are lost, so each one
 * resynchronises itself (caches empty, live streams tell pages to reload).
 */
import type { DatabaseHandle, ListenHandlers } from '../../db/client.ts';
import { CHANGES_CHANNEL, USERS_CHANNEL } from '../../db/queries/changes.ts';
import { logger } from './logger.ts';

/** Every channel an instance listens to, on its one connection. */
const LISTENED_CHANNELS = [CHANGES_CHANNEL, USERS_CHANNEL] as const;
export type ListenedChannel = (typeof LISTENED_CHANNELS)[number];

export interface ChannelSubscriber {
  onNotify(payload: string): void;
  onConnected?(): void;
  onDisconnected?(): void;
}

class ChangeListener {
  private readonly subscribers = new Map<string, Set<ChannelSubscriber>>(
    LISTENED_CHANNELS.map((channel) => [channel, new Set()]),
  );
  private connected = false;
  private started: Promise<() => Promise<void>> | null = null;

  private readonly handle: DatabaseHandle;

  constructor(handle: DatabaseHandle) {
    this.handle = handle;
  }

  /** Resolves once listening (or once the first attempt failed: it keeps retrying); the result unsubscribes. */
  async subscribe(channel: ListenedChannel, subscriber: ChannelSubscriber): Promise<() => Promise<void>> {
    this.subscribers.get(channel)!.add(subscriber);
    if (!this.started) {
      this.started = this.handle.listen(LISTENED_CHANNELS, this.dispatcher());
      this.started.catch(() => (this.started = null));
    } else if (this.connected) {
      subscriber.onConnected?.();
    }
    await this.started;
    return () => this.unsubscribe(channel, subscriber);
  }

  private async unsubscribe(channel: ListenedChannel, subscriber: ChannelSubscriber): Promise<void> {
    this.subscribers.get(channel)!.delete(subscriber);
    const anyoneLeft = [...this.subscribers.values()].some((set) => set.size > 0);
    if (anyoneLeft || !this.started) return;
    // Nobody listens any more (tests, a closing database): release the connection.
    const stop = await this.started;
    this.started = null;
    this.connected = false;
    await stop();
  }

  private dispatcher(): ListenHandlers {
    const everyone = () => [...this.subscribers.values()].flatMap((set) => [...set]);
    return {
      onNotify: (payload, channel) => {
        for (const subscriber of this.subscribers.get(channel) ?? []) subscriber.onNotify(payload);
      },
      onConnected: () => {
        this.connected = true;
        for (const subscriber of everyone()) subscriber.onConnected?.();
      },
      onDisconnected: () => {
        this.connected = false;
        for (const subscriber of everyone()) subscriber.onDisconnected?.();
      },
    };
  }
}

const listeners = new WeakMap<DatabaseHandle, ChangeListener>();

/** The one listener of `handle` (created, not yet listening, on first use). */
export function changeListenerOf(handle: DatabaseHandle): ChangeListener {
  let listener = listeners.get(handle);
  if (!listener) {
    listener = new ChangeListener(handle);
    listeners.set(handle, listener);
  }
  return listener;
}

/** A cache kept true by the notifications it hears. */
interface HeardCache {
  enabled: boolean;
  clear(): void;
}

/**
 * Subscribes a cache to `channel`: each notification goes to `onNotify`; while the connection is
 * down the cache is off and empty (a missed notification would leave it stale), and it starts
 * empty whenever listening (re)starts, after `onConnected`. A failure to listen is logged.
 */
export function subscribeCache(
  handle: DatabaseHandle,
  channel: ListenedChannel,
  cache: HeardCache,
  subscriber: ChannelSubscriber & { name: string },
): Promise<() => Promise<void>> {
  const started = changeListenerOf(handle).subscribe(channel, {
    onNotify: subscriber.onNotify,
    onConnected: () => {
      subscriber.onConnected?.();
      cache.clear();
      cache.enabled = true;
    },
    onDisconnected: () => {
      cache.enabled = false;
      cache.clear();
    },
  });
  started.catch((error: unknown) =>
    logger.error({ err: error }, `The ${subscriber.name} cannot listen for changes`),
  );
  return started;
}
