/**
 * The server's background work: every few seconds, send due e-mails and
 * webhook deliveries; every minute, settle what time changes (broken promises,
 * unconfirmed resolutions); every hour, roll the statistics windows. Runs in
 * every instance; the job queue and an advisory lock keep them from doubling up.
 */
import type { Database } from '../../db/client.ts';
import { runDueJobs } from './job-runner.ts';
import { runMaintenance } from './maintenance.ts';
import type { Mailer } from './mail.ts';

const JOB_INTERVAL_MS = 5_000;
const MAINTENANCE_EVERY_MS = 60_000;
const WINDOW_REFRESH_EVERY_MS = 60 * 60_000;

export function startBackgroundWork(
  db: Database,
  mailer: Mailer,
  allowPrivateWebhookTargets: boolean,
): () => void {
  let busy = false;
  let lastMaintenance = 0;
  let lastRefresh = 0;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = new Date();
      await runDueJobs({ db, mailer, now, allowPrivateWebhookTargets });
      if (now.getTime() - lastMaintenance >= MAINTENANCE_EVERY_MS) {
        const refreshWindows = now.getTime() - lastRefresh >= WINDOW_REFRESH_EVERY_MS;
        const report = await runMaintenance(db, now, { refreshWindows });
        lastMaintenance = now.getTime();
        if (report.ran && refreshWindows) lastRefresh = now.getTime();
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
  return () => clearInterval(timer);
}
