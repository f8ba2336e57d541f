/**
 * A streamed body waits for its client: with the Node response remembered per request, a producer
 * that asks `clientPacer()` before each chunk stops producing while the client does not read, even
 * though the copy loop (like Astro's Node adapter) writes without waiting for 'drain'.
 */
import http from 'node:http';
import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientPacer, trackNodeResponses } from '../../src/server/response-backpressure.ts';

const CHUNK = new Uint8Array(64 * 1024).fill(0x61);

/** Serves an endless body the way Astro's adapter copies one: write, read the next, never wait. */
function endlessServer(paced: boolean, produced: { chunks: number }): http.Server {
  return http.createServer(async (_request, response) => {
    const ready = paced ? clientPacer() : () => Promise.resolve();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await ready();
        // Like a database read: the next chunk comes after a turn of the event loop.
        await new Promise((resolve) => setImmediate(resolve));
        produced.chunks++;
        controller.enqueue(CHUNK);
      },
    });
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    const reader = body.getReader();
    response.on('close', () => void reader.cancel().catch(() => {}));
    for (let result = await reader.read(); !result.done; result = await reader.read()) {
      if (response.destroyed) break;
      response.write(result.value);
    }
  });
}

/** Opens a connection that asks for the body, then reads nothing until `stalled()` resolves. */
async function stallingClient(port: number, stalled: () => Promise<unknown>): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.pause();
  socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
  await stalled();
  socket.destroy();
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * How many chunks the server produced while its client read nothing: for `milliseconds`, or, with
 * `atLeast`, until it produced that many (at most 20 s) — on a loaded machine the producer is
 * slower, but without a pacer it never stops.
 */
async function chunksProducedWhileStalled(
  paced: boolean,
  { milliseconds = 400, atLeast = null }: { milliseconds?: number; atLeast?: number | null } = {},
): Promise<number> {
  const produced = { chunks: 0 };
  const server = endlessServer(paced, produced);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stalled = async (): Promise<void> => {
    if (atLeast === null) {
      await sleep(milliseconds);
      return;
    }
    for (const deadline = Date.now() + 20_000; produced.chunks < atLeast && Date.now() < deadline;)
      await sleep(10);
  };
  try {
    await stallingClient((server.address() as net.AddressInfo).port, stalled);
    return produced.chunks;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('a streamed body and a client that stops reading', () => {
  beforeAll(() => trackNodeResponses());

  it('stops being produced once the socket is full', async () => {
    // 64 KiB chunks: the socket and the kernel take a few MiB at most before the producer waits.
    expect(await chunksProducedWhileStalled(true)).toBeLessThan(200);
  });

  it('is produced without bound when nothing waits (what the adapter alone does)', async () => {
    // The same server without the pacer keeps producing: hundreds of chunks (tens of MiB) held for a
    // client that reads nothing, however long that takes on a loaded machine.
    expect(await chunksProducedWhileStalled(false, { atLeast: 400 })).toBeGreaterThanOrEqual(400);
  });
});
