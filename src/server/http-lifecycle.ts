/**
 * The built server's life around the Node adapter's HTTP server (decision 002
 * explains how this module gets in front of it): every request gets an id and
 * one log line; a port that cannot be bound stops the process with a message;
 * SIGTERM or SIGINT stops it gracefully:
 *
 * 1. stop accepting connections (readiness answers 503 from here on);
 * 2. run the registered shutdown steps (src/server/shutdown.ts: live streams
 *    end with a retry hint, background work finishes its round and stops);
 * 3. let in-flight requests finish, for at most SHUTDOWN_TIMEOUT_MILLISECONDS,
 *    then cut what is left;
 * 4. close the database, exit 0.
 */
import type http from 'node:http';
import { REQUEST_ID_HEADER, loggablePath } from '../domain/request-id.ts';
import { getDatabase } from './database.ts';
import { logger } from './logger.ts';
import { requestIdFor } from './request-id.ts';
import { siteUrl } from './services.ts';
import { isShuttingDown, runShutdownSteps } from './shutdown.ts';
import { listBuiltPaths, namesBuiltFile } from './static-files.ts';

const SHUTDOWN_TIMEOUT_MILLISECONDS = 10_000;
/** While draining, keep-alive connections that became idle are closed this often. */
const IDLE_SWEEP_MILLISECONDS = 100;

/** What `startServer()` of `@astrojs/node`'s server module returns (its standalone mode). */
interface StartedServer {
  server: { server: http.Server | import('node:https').Server };
  done: Promise<unknown>;
}

type RequestHandler = (request: http.IncomingMessage, response: http.ServerResponse) => unknown;

/** The adapter's pieces the boot plugin hands over: the app's own handler and the built client folder. */
export interface AdapterParts {
  appHandler: () => RequestHandler;
  clientDir: () => string;
}

/**
 * Starts the adapter's server and supervises it. Called by the code the boot
 * plugin appends to `@astrojs/node/dist/server.js` (astro.config.mjs).
 */
export function serveWithLifecycle(startServer: () => StartedServer, parts?: AdapterParts): void {
  // The adapter's own "listening" line is plain text; ours below is JSON like every other line.
  process.env['ASTRO_NODE_LOGGING'] ??= 'disabled';
  const started = startServer();
  const server = started.server.server;
  server.once('listening', () => {
    const address = server.address();
    const where = typeof address === 'string' ? address : `${address?.address}:${address?.port}`;
    logger.info({ address, siteUrl }, `Listening on ${where}; links in mail and feeds point to ${siteUrl}.`);
  });
  // The adapter's promise rejects on a listen error; handled below, on the server's 'error' event.
  started.done.catch(() => {});
  if (parts) sendPagesStraightToTheApp(server, parts);
  server.prependListener('request', tagAndLogRequest);
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (server.listening) logger.error({ err: error }, 'HTTP server error.');
    else void refuseToStart(error);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      // A second signal while stopping: the operator insists.
      if (isShuttingDown()) process.exit(1);
      void stopGracefully(server, signal);
    });
  }
}

/**
 * Replaces the adapter's listener (built file first, then the app) by one that asks the disk only
 * for paths that name a built file (src/server/static-files.ts).
 */
function sendPagesStraightToTheApp(server: http.Server | import('node:https').Server, parts: AdapterParts) {
  const adapterListeners = server.listeners('request') as RequestHandler[];
  if (adapterListeners.length !== 1) return; // not the adapter we know: leave it as it is
  const adapterListener = adapterListeners[0]!;
  const appHandler = parts.appHandler();
  const builtPaths = listBuiltPaths(parts.clientDir());
  server.removeListener('request', adapterListener);
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) =>
    namesBuiltFile(request.method, request.url, builtPaths)
      ? adapterListener(request, response)
      : appHandler(request, response),
  );
}

/** Gives the request its id (header in, header out) and logs one line when its response ends. */
function tagAndLogRequest(request: http.IncomingMessage, response: http.ServerResponse): void {
  const startedAt = process.hrtime.bigint();
  const incoming = request.headers[REQUEST_ID_HEADER];
  const requestId = requestIdFor(Array.isArray(incoming) ? incoming[0] : incoming);
  // The app reads the id from the request (middleware, error page); it is safe by now.
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader('X-Request-Id', requestId);
  // While draining, answer and close: the client reconnects to another instance.
  if (isShuttingDown()) response.setHeader('Connection', 'close');
  response.once('close', () => {
    const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
    logger.info({
      requestId,
      method: request.method,
      path: loggablePath(request.url ?? '/'),
      status: response.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
      ...(response.writableFinished ? {} : { aborted: true }),
    });
  });
}

async function refuseToStart(error: NodeJS.ErrnoException): Promise<void> {
  const port = process.env['PORT'] ?? '4321';
  const host = process.env['HOST'] ?? 'localhost';
  const reason =
    error.code === 'EADDRINUSE'
      ? `port ${port} on ${host} is already in use: stop the other server or set PORT to a free port.`
      : error.code === 'EACCES'
        ? `not allowed to listen on ${host}:${port}: use a port above 1023 or another HOST.`
        : `cannot listen on ${host}:${port}: ${error.message}`;
  logger.fatal({ code: error.code }, `Likes & Fails cannot start: ${reason}`);
  await runShutdownSteps((message) => logger.error(message));
  await closeDatabase();
  process.exit(1);
}

async function stopGracefully(server: http.Server | import('node:https').Server, signal: string) {
  logger.info({ signal }, 'Stopping: no new connections; finishing the requests in progress.');
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MILLISECONDS);
  await runShutdownSteps((message) => logger.error(message));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    drained.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), SHUTDOWN_TIMEOUT_MILLISECONDS);
    }),
  ]);
  clearTimeout(timer);
  clearInterval(sweep);
  if (timedOut) {
    logger.warn(`Requests still open after ${SHUTDOWN_TIMEOUT_MILLISECONDS} ms were cut.`);
    server.closeAllConnections();
  }
  await closeDatabase();
  logger.info('Stopped.');
  process.exit(0);
}

async function closeDatabase(): Promise<void> {
  try {
    await (await getDatabase()).close();
  } catch (error) {
    logger.error({ err: error }, 'Closing the database failed.');
  }
}
