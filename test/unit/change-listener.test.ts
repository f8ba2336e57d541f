/**
 * The instance's one listener (src/server/change-listener.ts): one LISTEN for
 * every channel however many subscribe, each notification to its channel's
 * subscribers, connection changes to all, and the connection released when
 * the last subscriber leaves. The database is a stand-in that records calls.
 */
import { describe, expect, it } from 'vitest';
import type { DatabaseHandle, ListenHandlers } from '../../db/client.ts';
import { CHANGES_CHANNEL, USERS_CHANNEL } from '../../db/queries/changes.ts';
import { changeListenerOf, subscribeCache } from '../../src/server/change-listener.ts';
import { LiveHub } from '../../src/server/live-hub.ts';
import { connectLiveHub } from '../../src/server/live-streams.ts';

function fakeDatabase() {
  const calls: { channels: readonly string[]; handlers: ListenHandlers }[] = [];
  let stopped = 0;
  const handle = {
    listen: async (channels: string | readonly string[], handlers: ListenHandlers) => {
      calls.push({ channels: [channels].flat(), handlers });
      handlers.onConnected?.();
      return async () => {
        stopped++;
      };
    },
  } as unknown as DatabaseHandle;
  return { handle, calls, stopped: () => stopped };
}

describe('the instance listener', () => {
  it('listens once, to every channel, for all its subscribers', async () => {
    const database = fakeDatabase();
    const listener = changeListenerOf(database.handle);
    const heard: string[] = [];
    await listener.subscribe(CHANGES_CHANNEL, { onNotify: (payload) => heard.push(`pages ${payload}`) });
    await listener.subscribe(USERS_CHANNEL, { onNotify: (payload) => heard.push(`sessions ${payload}`) });
    await listener.subscribe(CHANGES_CHANNEL, { onNotify: (payload) => heard.push(`live ${payload}`) });

    expect(database.calls).toHaveLength(1);
    expect(database.calls[0]!.channels).toEqual([CHANGES_CHANNEL, USERS_CHANNEL]);
    database.calls[0]!.handlers.onNotify('{"brandId":1}', CHANGES_CHANNEL);
    database.calls[0]!.handlers.onNotify('7', USERS_CHANNEL);
    expect(heard).toEqual(['pages {"brandId":1}', 'live {"brandId":1}', 'sessions 7']);
  });

  it('tells a subscriber that arrives after the connection that it is connected, and everyone when it drops', async () => {
    const database = fakeDatabase();
    const listener = changeListenerOf(database.handle);
    const states: string[] = [];
    const subscriber = (name: string) => ({
      onNotify: () => {},
      onConnected: () => states.push(`${name} up`),
      onDisconnected: () => states.push(`${name} down`),
    });
    await listener.subscribe(CHANGES_CHANNEL, subscriber('first'));
    await listener.subscribe(USERS_CHANNEL, subscriber('late'));
    database.calls[0]!.handlers.onDisconnected?.();
    database.calls[0]!.handlers.onConnected?.();
    expect(states).toEqual(['first up', 'late up', 'first down', 'late down', 'first up', 'late up']);
  });

  it('releases the connection when the last subscriber leaves, and listens again for the next', async () => {
    const database = fakeDatabase();
    const listener = changeListenerOf(database.handle);
    const leaveFirst = await listener.subscribe(CHANGES_CHANNEL, { onNotify: () => {} });
    const leaveSecond = await listener.subscribe(USERS_CHANNEL, { onNotify: () => {} });
    await leaveFirst();
    expect(database.stopped()).toBe(0);
    await leaveSecond();
    expect(database.stopped()).toBe(1);
    await listener.subscribe(CHANGES_CHANNEL, { onNotify: () => {} });
    expect(database.calls).toHaveLength(2);
  });
});

describe('a cache that listens', () => {
  it('is on only while heard, and empty whenever listening (re)starts', async () => {
    const database = fakeDatabase();
    const events: string[] = [];
    const cache = { enabled: false, clear: () => events.push('cleared') };
    await subscribeCache(database.handle, USERS_CHANNEL, cache, {
      name: 'test cache',
      onNotify: (payload) => events.push(`heard ${payload}`),
      onConnected: () => events.push('connected'),
    });
    expect(cache.enabled).toBe(true);
    expect(events).toEqual(['connected', 'cleared']);
    database.calls[0]!.handlers.onNotify('7', USERS_CHANNEL);
    database.calls[0]!.handlers.onDisconnected?.();
    expect(cache.enabled).toBe(false);
    expect(events.slice(2)).toEqual(['heard 7', 'cleared']);
  });
});

describe('live pages after the listening connection came back', () => {
  it('are told to reload, since changes sent meanwhile were lost', async () => {
    const database = fakeDatabase();
    const hub = new LiveHub({ maxStreams: 5 });
    const stop = (await connectLiveHub(database.handle, hub))!;
    const reader = hub.open({ page: 'home' })!.getReader();
    await reader.read(); // the retry hint

    database.calls[0]!.handlers.onDisconnected?.();
    database.calls[0]!.handlers.onConnected?.();

    expect(new TextDecoder().decode((await reader.read()).value)).toBe('event: reload\ndata: {}\n\n');
    hub.closeAll();
    await stop();
  });
});
