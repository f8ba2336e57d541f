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

/** Opens a connection that asks for the body, then reads nothing for `milliseconds`. */
async function stallingClient(port: number, milliseconds: number): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.pause();
  socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
  await new Promise((resolve) => setTimeout(resolve, milliseconds));
  socket.destroy();
}

async function chunksProducedWhileStalled(paced: boolean): Promise<number> {
  const produced = { chunks: 0 };
  const server = endlessServer(paced, produced);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await stallingClient((server.address() as net.AddressInfo).port, 400);
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
    // The same server without the pacer keeps producing: hundreds of chunks in the same 400 ms.
    expect(await chunksProducedWhileStalled(false)).toBeGreaterThan(400);
  });
});
