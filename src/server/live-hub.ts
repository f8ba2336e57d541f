/**
 * The instance's open event streams (decision 008). The one change listener
 * hands it every recorded change; it writes to each stream the event its page
 * shows (src/domain/live.ts). Bounded: past `maxStreams` it opens nothing more,
 * so the endpoint answers 503. One timer writes a comment line to every stream
 * now and then, so proxies and browsers keep idle connections open; a stream
 * that stops reading is closed (its page reconnects with `Last-Event-ID`).
 */
import { liveEventFor, type LiveChange, type LiveEventName, type LiveTopic } from '../domain/live.ts';

export interface LiveHubOptions {
  maxStreams: number;
  /** Between comment lines on every stream; 15–25 s keeps proxies from closing idle streams. */
  heartbeatMilliseconds?: number;
  /** The `retry:` hint: how long a browser waits before reconnecting. */
  retryMilliseconds?: number;
}

/** Messages a stream may have queued unread before it is closed. */
const MAX_QUEUED_MESSAGES = 64;

const encoder = new TextEncoder();

/** One server-sent event; `data` is JSON of ids, never user text. */
export function formatEvent(
  name: LiveEventName,
  id: number | null,
  data: Record<string, unknown> = {},
): string {
  return `${id === null ? '' : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

interface OpenStream {
  topic: LiveTopic;
  controller: ReadableStreamDefaultController<Uint8Array>;
}

export class LiveHub {
  readonly maxStreams: number;
  readonly retryMilliseconds: number;
  private readonly heartbeatMilliseconds: number;
  private readonly streams = new Set<OpenStream>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(options: LiveHubOptions) {
    this.maxStreams = options.maxStreams;
    this.heartbeatMilliseconds = options.heartbeatMilliseconds ?? 20_000;
    this.retryMilliseconds = options.retryMilliseconds ?? 5_000;
  }

  get openStreams(): number {
    return this.streams.size;
  }

  get full(): boolean {
    return this.streams.size >= this.maxStreams;
  }

  /**
   * A stream for `topic` that starts with the retry hint and `backlog` (replayed events), or null
   * when the hub is full.
   */
  open(topic: LiveTopic, backlog: string[] = []): ReadableStream<Uint8Array> | null {
    if (this.full) return null;
    let stream: OpenStream;
    return new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          stream = { topic, controller };
          this.streams.add(stream);
          this.startHeartbeat();
          // One chunk, however long the backlog: it counts once against the stream's queue.
          const opening = `retry: ${this.retryMilliseconds}\n: connected\n\n${backlog.join('')}`;
          controller.enqueue(encoder.encode(opening));
        },
        cancel: () => this.forget(stream),
      },
      new CountQueuingStrategy({ highWaterMark: MAX_QUEUED_MESSAGES }),
    );
  }

  /** Writes the event each stream's page shows for `change`. */
  dispatch(change: LiveChange): void {
    for (const stream of this.streams) {
      const name = liveEventFor(stream.topic, change);
      if (name) this.write(stream, formatEvent(name, change.id, dataOf(change)));
    }
  }

  /** After the listening connection dropped, changes were missed: every page fetches its regions again. */
  reloadAll(): void {
    for (const stream of this.streams) this.write(stream, formatEvent('reload', null));
  }

  /** Shutdown: every stream is told to come back (to another instance) and ended. */
  closeAll(): void {
    for (const stream of [...this.streams]) {
      this.write(stream, `retry: ${this.retryMilliseconds}\n: this server is stopping\n\n`);
      try {
        stream.controller.close();
      } catch {
        // Already closed by its reader.
      }
      this.forget(stream);
    }
  }

  private write(stream: OpenStream, message: string): void {
    // A reader that stopped reading: close it rather than queue without bound.
    if ((stream.controller.desiredSize ?? 0) <= 0) {
      try {
        stream.controller.close();
      } catch {
        // Already closed.
      }
      this.forget(stream);
      return;
    }
    try {
      stream.controller.enqueue(encoder.encode(message));
    } catch {
      this.forget(stream);
    }
  }

  private forget(stream: OpenStream | undefined): void {
    if (stream) this.streams.delete(stream);
    if (this.streams.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams) this.write(stream, ': keep-alive\n\n');
    }, this.heartbeatMilliseconds);
    this.heartbeat.unref();
  }
}

function dataOf(change: LiveChange): Record<string, unknown> {
  return change.postId === null ? {} : { postId: change.postId };
}
