/** SIGKILL under 8 writers on the embedded database (scenario in kill-scenario.ts). */
import { describe, it } from 'vitest';
import { killUnderWriters } from './kill-scenario.ts';
import { opsPort } from './server-process.ts';

describe('the server killed with SIGKILL under 8 writers, on PGlite', () => {
  it(
    'keeps every acknowledged post, none twice, with figures equal to a recomputation',
    () => killUnderWriters('pglite', opsPort(0)),
    150_000,
  );
});
