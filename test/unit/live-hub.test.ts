/**
 * The instance's live hub (src/server/live-hub.ts): bounded, writes each page
 * only what it shows, keeps idle streams alive and ends them all on shutdown
 * with a retry hint.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatEvent, LiveHub } from '../../src/server/live-hub.ts';

const decoder = new TextDecoder();

/** A read that lost its race is kept for the next call, so no chunk is dropped between calls. */
const pendingReads = new WeakMap<
  ReadableStreamDefaultReader<Uint8Array>,
  Promise<ReadableStreamReadResult<Uint8Array>>
>();

/** Reads what the stream has queued so far, without waiting for more. */
async function readQueued(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  let text = '';
  for (;;) {
    const read = pendingReads.get(reader) ?? reader.read();
    pendingReads.set(reader, read);
    const next = await Promise.race([
      read,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10)),
    ]);
    if (next === null) return text;
    pendingReads.delete(reader);
    if (next.done) return `${text}<end>`;
    text += decoder.decode(next.value);
  }
}

afterEach(() => vi.useRealTimers());

describe('the live hub', () => {
  it('opens streams up to its bound, then none until one closes', async () => {
    const hub = new LiveHub({ maxStreams: 2 });
    const first = hub.open({ page: 'home' })!;
    expect(hub.open({ page: 'home' })).not.toBeNull();
    expect(hub.full).toBe(true);
    expect(hub.open({ page: 'home' })).toBeNull();
    await first.cancel();
    expect(hub.openStreams).toBe(1);
    expect(hub.open({ page: 'home' })).not.toBeNull();
  });

  it('starts each stream with the retry hint, then the replayed events', async () => {
    const hub = new LiveHub({ maxStreams: 5, retryMilliseconds: 3000 });
    const reader = hub.open({ page: 'home' }, [formatEvent('posts', 4, { postId: 9 })])!.getReader();
    expect(await readQueued(reader)).toBe(
      'retry: 3000\n: connected\n\nid: 4\nevent: posts\ndata: {"postId":9}\n\n',
    );
  });

  it("writes a brand's new post to its page and the home feed, not to another brand's page", async () => {
    const hub = new LiveHub({ maxStreams: 5 });
    const home = hub.open({ page: 'home' })!.getReader();
    const brand = hub.open({ page: 'brand', brandId: 1 })!.getReader();
    const other = hub.open({ page: 'brand', brandId: 2 })!.getReader();
    for (const reader of [home, brand, other]) await readQueued(reader);

    hub.dispatch({ id: 31, kind: 'post', brandId: 1, postId: 8 });

    const event = 'id: 31\nevent: posts\ndata: {"postId":8}\n\n';
    expect(await readQueued(home)).toBe(event);
    expect(await readQueued(brand)).toBe(event);
    expect(await readQueued(other)).toBe('');
  });

  it('writes a comment line to every stream at each heartbeat', async () => {
    vi.useFakeTimers();
    const hub = new LiveHub({ maxStreams: 5, heartbeatMilliseconds: 20_000 });
    const stream = hub.open({ page: 'home' })!;
    vi.advanceTimersByTime(20_000);
    vi.useRealTimers();
    const text = await readQueued(stream.getReader());
    expect(text.endsWith(': keep-alive\n\n')).toBe(true);
  });

  it('tells every page to reload after changes may have been missed', async () => {
    const hub = new LiveHub({ maxStreams: 5 });
    const reader = hub.open({ page: 'post', postId: 3 })!.getReader();
    await readQueued(reader);
    hub.reloadAll();
    expect(await readQueued(reader)).toBe('event: reload\ndata: {}\n\n');
  });

  it('ends every stream on shutdown with a retry hint, and forgets them', async () => {
    const hub = new LiveHub({ maxStreams: 5, retryMilliseconds: 2000 });
    const reader = hub.open({ page: 'home' })!.getReader();
    await readQueued(reader);
    hub.closeAll();
    expect(await readQueued(reader)).toBe('retry: 2000\n: this server is stopping\n\n<end>');
    expect(hub.openStreams).toBe(0);
  });

  it('closes a stream whose reader stopped reading instead of queueing without end', () => {
    const hub = new LiveHub({ maxStreams: 5 });
    hub.open({ page: 'home' });
    for (let id = 1; id <= 100; id++) hub.dispatch({ id, kind: 'post', brandId: 1, postId: id });
    expect(hub.openStreams).toBe(0);
  });
});
