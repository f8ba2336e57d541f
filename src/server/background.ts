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

const JOB_INTERVAL_MS = 5_000;
const MAINTENANCE_EVERY_MS = 60_000;
const FIGURES_REFRESH_INTERVAL_MS = 1_000;

export function startBackgroundWork(
  db: Database,
  mailer: Mailer,
  allowPrivateWebhookTargets: boolean,
  siteUrl: string,
): () => void {
  let busy = false;
  let lastMaintenance = 0;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = new Date();
      await runDueJobs({ db, mailer, now, allowPrivateWebhookTargets, siteUrl });
      if (
        now.getTime() - lastMaintenance >= MAINTENANCE_EVERY_MS &&
        (await claimMaintenanceRound(db, now, MAINTENANCE_EVERY_MS))
      ) {
        await runMaintenance(db, now);
        lastMaintenance = now.getTime();
      }
    } catch (error) {
      console.error('Background work failed (retrying on the next tick):', error);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), JOB_INTERVAL_MS);
  timer.unref();
  void tick();

  // Scores and percentiles follow writes within a second (decision 004).
  let refreshing = false;
  const refresh = async () => {
    if (refreshing) return;
    refreshing = true;
    try {
      await refreshRequestedFigures(db, new Date());
    } catch (error) {
      console.error('Refreshing figures failed (retrying in a second):', error);
    } finally {
      refreshing = false;
    }
  };
  const refreshTimer = setInterval(() => void refresh(), FIGURES_REFRESH_INTERVAL_MS);
  refreshTimer.unref();
  return () => {
    clearInterval(timer);
    clearInterval(refreshTimer);
  };
}
