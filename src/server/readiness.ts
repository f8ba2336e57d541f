/**
 * Liveness and readiness, for a load balancer or an orchestrator:
 * - live: the process answers (no database involved, so a database outage
 *   does not get every instance restarted);
 * - ready: not stopping, the database answers within READINESS_TIMEOUT_MILLISECONDS,
 *   and the newest committed migration (db/migrations/meta/_journal.json) is applied.
 * A reason is a short fixed sentence, never an error message (which could carry internals).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { defaultMigrationsFolder, type Db } from '../../db/client.ts';
import { latestAppliedMigration } from '../../db/queries/health.ts';
import { logger } from './logger.ts';
import { isShuttingDown } from './shutdown.ts';

const READINESS_TIMEOUT_MILLISECONDS = 2_000;

export type Readiness = { ready: true } | { ready: false; reason: string };

let newestCommitted: Promise<string | null> | null = null;

/** The `when` of the last migration in the journal, read once. */
function newestCommittedMigration(): Promise<string | null> {
  newestCommitted ??= fs
    .readFile(path.join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')
    .then((text) => {
      const entries = (JSON.parse(text) as { entries: { when: number }[] }).entries;
      return entries.length ? String(entries[entries.length - 1]!.when) : null;
    });
  return newestCommitted;
}

export async function checkReadiness(db: Db): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: 'shutting down' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), READINESS_TIMEOUT_MILLISECONDS);
  });
  try {
    const [applied, committed] = await Promise.race([
      Promise.all([latestAppliedMigration(db), newestCommittedMigration()]),
      timeout,
    ]);
    if (committed !== null && applied !== committed) return { ready: false, reason: 'migrations pending' };
    return { ready: true };
  } catch (error) {
    logger.warn({ err: error }, 'Readiness check: the database did not answer.');
    return { ready: false, reason: 'database unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
