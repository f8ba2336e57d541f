/**
 * The server's one logger: pino, one JSON object per line, so a log collector
 * can parse every line (request logs, start-up, background work): errors on
 * stderr, everything else on stdout.
 * `LOG_LEVEL` sets the threshold (default `info`). Writes are synchronous: the
 * last lines before an exit (a taken port, a shutdown) are never lost.
 *
 * Under vitest, errors go to `console.error` instead, so the tests' guard
 * against unexpected errors (test/helpers/fail-on-console-error.ts) still sees
 * them, and the rest is dropped to keep the test output readable.
 */
import pino from 'pino';

// Vite replaces this in the build ('production'); vitest sets 'test'. Not process.env.VITEST: a
// server a test spawns inherits that, and its log lines must still be written.
const underTest = import.meta.env?.MODE === 'test';
const ERROR_LEVEL = 50;

const testDestination = {
  write(line: string) {
    if ((JSON.parse(line) as { level: number }).level >= ERROR_LEVEL) console.error(line.trimEnd());
  },
};

const level = process.env['LOG_LEVEL'] ?? 'info';

// Errors and fatal lines (a start that fails, say why) on stderr, the rest on stdout; each line once.
const serverDestination = pino.multistream(
  [
    { level, stream: pino.destination({ dest: 1, sync: true }) },
    { level: 'error', stream: pino.destination({ dest: 2, sync: true }) },
  ],
  { dedupe: true },
);

export const logger = pino(
  { level, base: { pid: process.pid } },
  underTest ? testDestination : serverDestination,
);
