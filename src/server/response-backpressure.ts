/**
 * Flat memory for long streamed bodies (the million-row CSV exports).
 *
 * Astro's Node adapter copies a streamed body with `res.write()` and never waits for `'drain'`
 * (astro/dist/core/app/node.js `writeResponse`), so a body produced faster than the client reads
 * piles up in the socket's buffer: about 100 MiB for `posts.csv` of a million rows read by a slow
 * client. We cannot reach the Node response from an endpoint, but Node announces every request on the
 * `http.server.request.start` diagnostics channel, synchronously and before the adapter's handler
 * runs; remembering the response there in an AsyncLocalStorage makes it the store of everything the
 * request then does. A streaming producer asks `waitForClient()` before making its next chunk.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';

const responses = new AsyncLocalStorage<ServerResponse>();
let tracking = false;

/** Starts remembering each request's Node response; called once when the server starts. */
export function trackNodeResponses(): void {
  if (tracking) return;
  tracking = true;
  diagnostics.subscribe('http.server.request.start', (message) => {
    responses.enterWith((message as { response: ServerResponse }).response);
  });
}

/**
 * For the request being handled: a wait that resolves once its client has taken what was written
 * (or has gone). Outside a Node request (tests through the Container API) it never waits.
 */
export function clientPacer(): () => Promise<void> {
  const response = responses.getStore();
  return () => {
    if (!response || response.destroyed || !response.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        response.off('drain', done);
        response.off('close', done);
        resolve();
      };
      response.on('drain', done);
      response.on('close', done);
    });
  };
}
