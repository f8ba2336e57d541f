/** SIGKILL under 8 writers on PostgreSQL (scenario in kill-scenario.ts); skipped without TEST_DATABASE_URL. */
import { describe, it } from 'vitest';
import { killUnderWriters } from './kill-scenario.ts';
import { opsPort } from './server-process.ts';

describe.skipIf(!process.env['TEST_DATABASE_URL'])(
  'the server killed with SIGKILL under 8 writers, on PostgreSQL',
  () => {
    it(
      'keeps every acknowledged post, none twice, with figures equal to a recomputation',
      () => killUnderWriters('postgres', opsPort(1)),
      150_000,
    );
  },
);
