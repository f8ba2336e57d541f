/**
 * Runs due jobs: e-mails from the outbox, password-reset links and webhook deliveries. Failures are
 * retried with exponential backoff until the job's last attempt. Called by a
 * timer in the server (src/server/boot.ts) and directly by tests.
 */
import type { Db } from '../../db/client.ts';
import { claimDueJobs, completeJob, failJob } from '../../db/queries/jobs.ts';
import { retryDelaySeconds } from '../domain/webhooks.ts';
import { PASSWORD_RESET_JOB, sendPasswordResetLink } from './commands/accounts.ts';
import type { Mailer } from './mail.ts';
import { deliverWebhook } from './webhook-delivery.ts';

export interface JobRunnerDeps {
  db: Db;
  mailer: Mailer;
  now: Date;
  allowPrivateWebhookTargets: boolean;
  /** Origin for links in mails the jobs write (password resets). */
  siteUrl: string;
}

export async function runDueJobs(deps: JobRunnerDeps, limit = 20): Promise<{ done: number; failed: number }> {
  const jobs = await claimDueJobs(deps.db, deps.now, limit);
  let done = 0;
  let failed = 0;
  for (const job of jobs) {
    const retryAt = new Date(deps.now.getTime() + retryDelaySeconds(job.attempts) * 1000);
    try {
      if (job.type === 'email') {
        const { to, subject, text } = job.payload as { to: string; subject: string; text: string };
        await deps.mailer.send({ to, subject, text });
      } else if (job.type === PASSWORD_RESET_JOB) {
        const meta = { userAgent: null, ipAddress: null };
        await sendPasswordResetLink({ ...deps, meta }, String(job.payload['email']));
      } else if (job.type === 'webhook') {
        const outcome = await deliverWebhook(deps.db, Number(job.payload['deliveryId']), {
          now: deps.now,
          allowPrivateTargets: deps.allowPrivateWebhookTargets,
        });
        if (!outcome.ok) {
          await failJob(deps.db, job, outcome.error, outcome.retry ? retryAt : null, deps.now);
          failed++;
          continue;
        }
      } else {
        throw new Error(`Unknown job type ${job.type}`);
      }
      await completeJob(deps.db, job.id, deps.now);
      done++;
    } catch (error) {
      await failJob(deps.db, job, (error as Error).message, retryAt, deps.now);
      failed++;
    }
  }
  return { done, failed };
}
