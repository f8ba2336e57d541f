/**
 * The server's background work: every few seconds, send due e-mails and
 * webhook deliveries; every minute, settle what time changes (broken promises,
 * unconfirmed resolutions) and roll the statistics windows; every second,
 * refresh the figures of brands that were written to. Runs in
 * every instance; the job queue and an advisory lock keep them from doubling up.
 */
import type { Database } from '../../db/client.ts';
import { runDueJobs } from './job-runner.ts';
import { runMaintenance } from './maintenance.ts';
import { claimMaintenanceRound } from './maintenance-round.ts';
import { refreshRequestedFigures } from './statistics.ts';
import type { Mailer } from './mail.ts';
import { logger } from './logger.ts';
import { isShuttingDown } from './shutdown.ts';

const JOB_INTERVAL_MS = 5_000;
/** A round's jobs start this far apart, so their work is spread over a second (job-runner.ts). */
const JOB_START_EVERY_MS = 50;
const MAINTENANCE_EVERY_MS = 60_000;
const FIGURES_REFRESH_INTERVAL_MS = 1_000;

export function startBackgroundWork(
  db: Database,
  mailer: Mailer,
  allowPrivateWebhookTargets: boolean,
  siteUrl: string,
): () => Promise<void> {
  let busy: Promise<void> | null = null;
  let lastMaintenance = 0;
  const round = async () => {
    try {
      const now = new Date();
      await runDueJobs(
        { db, mailer, now, allowPrivateWebhookTargets, siteUrl, stopping: isShuttingDown },
        { startEveryMs: JOB_START_EVERY_MS },
      );
      if (
        now.getTime() - lastMaintenance >= MAINTENANCE_EVERY_MS &&
        !isShuttingDown() &&
        (await claimMaintenanceRound(db, now, MAINTENANCE_EVERY_MS))
      ) {
        await runMaintenance(db, now);
        lastMaintenance = now.getTime();
      }
    } catch (error) {
      logger.error({ err: error }, 'Background work failed (retrying on the next tick).');
    }
  };
  const tick = () => {
    busy ??= round().finally(() => (busy = null));
    return busy;
  };
  const timer = setInterval(() => void tick(), JOB_INTERVAL_MS);
  timer.unref();
  void tick();

  // Scores and percentiles follow writes within a second (decision 004).
  let refreshing: Promise<void> | null = null;
  const refresh = () => {
    refreshing ??= refreshRequestedFigures(db, new Date())
      .then(
        () => {},
        (error: unknown) => logger.error({ err: error }, 'Refreshing figures failed (retrying in a second).'),
      )
      .finally(() => (refreshing = null));
    return refreshing;
  };
  const refreshTimer = setInterval(() => void refresh(), FIGURES_REFRESH_INTERVAL_MS);
  refreshTimer.unref();
  // Stopping waits for the round in progress, so no job is left half-sent when the database closes.
  return async () => {
    clearInterval(timer);
    clearInterval(refreshTimer);
    await Promise.all([busy, refreshing]);
  };
}
