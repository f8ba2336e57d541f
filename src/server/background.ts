/**
 * The server's background work: every few seconds, send due e-mails and
 * webhook deliveries; every minute, settle what time changes (broken promises,
 * unconfirmed resolutions) and roll the statistics windows. Runs in
 * every instance; the job queue and an advisory lock keep them from doubling up.
 */
import type { Database } from '../../db/client.ts';
import { runDueJobs } from './job-runner.ts';
import { runMaintenance } from './maintenance.ts';
import type { Mailer } from './mail.ts';

const JOB_INTERVAL_MS = 5_000;
const MAINTENANCE_EVERY_MS = 60_000;

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
      if (now.getTime() - lastMaintenance >= MAINTENANCE_EVERY_MS) {
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
  return () => clearInterval(timer);
}
