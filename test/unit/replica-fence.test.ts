/**
 * The replica fence (decision 010): a signed-out render reads the replica only
 * once it has replayed the primary's position as of the last change heard of,
 * waits a bounded time for it, and otherwise reads the primary.
 */
import { describe, expect, it } from 'vitest';
import { ReplicaFence } from '../../src/server/read-database.ts';

function fakeServers(primary: bigint, replica: bigint | null, maxWaitMilliseconds = 60) {
  const servers = { primary, replica, primaryReads: 0, replicaReads: 0, primaryDown: false };
  const fence = new ReplicaFence({
    primaryPosition: async () => {
      servers.primaryReads++;
      if (servers.primaryDown) throw new Error('connection refused');
      return servers.primary;
    },
    replicaPosition: async () => {
      servers.replicaReads++;
      if (servers.replica === null) throw new Error('connection refused');
      return servers.replica;
    },
    maxWaitMilliseconds,
    pollMilliseconds: 2,
  });
  return { servers, fence };
}

describe('the replica fence', () => {
  it('lets a render read a replica that has replayed everything the primary had', async () => {
    const { fence } = fakeServers(100n, 100n);
    expect(await fence.replicaIsCurrent()).toBe(true);
  });

  it('sends a render to the primary when the replica stays behind a change longer than the wait', async () => {
    const { servers, fence } = fakeServers(100n, 100n);
    expect(await fence.replicaIsCurrent()).toBe(true);
    servers.primary = 200n;
    fence.noteChange();
    const startedAt = Date.now();
    expect(await fence.replicaIsCurrent()).toBe(false);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(55);
    expect(fence.counts.fellBack).toBe(1);
  });

  it('waits for a replica that catches up within the wait, then reads it', async () => {
    // A wait far longer than the catching up: on a loaded machine a 15 ms timer can fire after 60 ms.
    const { servers, fence } = fakeServers(100n, 100n, 5_000);
    servers.primary = 200n;
    fence.noteChange();
    setTimeout(() => (servers.replica = 200n), 15);
    expect(await fence.replicaIsCurrent()).toBe(true);
    expect(fence.counts.waited).toBe(1);
  });

  it('asks the replica nothing once it was seen past the last change', async () => {
    const { servers, fence } = fakeServers(100n, 150n);
    expect(await fence.replicaIsCurrent()).toBe(true);
    const looks = servers.replicaReads;
    expect(await fence.replicaIsCurrent()).toBe(true);
    expect(await fence.replicaIsCurrent()).toBe(true);
    expect(servers.replicaReads).toBe(looks);
    expect(fence.counts.current).toBe(2);
  });

  it('reads the primary position again for a change heard after the last read was sent', async () => {
    const { servers, fence } = fakeServers(100n, 100n);
    await fence.replicaIsCurrent();
    servers.primary = 300n;
    fence.noteChange();
    servers.replica = 300n;
    expect(await fence.replicaIsCurrent()).toBe(true);
    servers.primary = 400n;
    fence.noteChange();
    expect(await fence.replicaIsCurrent()).toBe(false);
  });

  it('reads the primary position once for changes heard before that read is sent', async () => {
    const { servers, fence } = fakeServers(100n, 100n);
    await fence.replicaIsCurrent();
    const reads = servers.primaryReads;
    fence.noteChange();
    fence.noteChange();
    fence.noteChange();
    await fence.replicaIsCurrent();
    expect(servers.primaryReads).toBe(reads + 1);
  });

  it('sends renders to the primary while the replica cannot be reached', async () => {
    const { fence } = fakeServers(100n, null);
    expect(await fence.replicaIsCurrent()).toBe(false);
  });

  it('sends a render to the primary after the wait when the replica does not answer at all', async () => {
    const fence = new ReplicaFence({
      primaryPosition: async () => 100n,
      replicaPosition: () => new Promise<bigint>(() => {}),
      maxWaitMilliseconds: 60,
      pollMilliseconds: 2,
    });
    const startedAt = Date.now();
    expect(await fence.replicaIsCurrent()).toBe(false);
    expect(Date.now() - startedAt).toBeLessThan(500);
  });

  it('sends renders to the primary when the primary position cannot be read', async () => {
    const { servers, fence } = fakeServers(100n, 100n);
    servers.primaryDown = true;
    fence.noteChange();
    expect(await fence.replicaIsCurrent()).toBe(false);
  });
});
