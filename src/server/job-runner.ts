/**
 * Runs due jobs: e-mails from the outbox, password-reset links and webhook
 * deliveries. Failures are retried with exponential backoff until the job's
 * last attempt. Called by a timer in the server (src/server/background.ts) and
 * directly by tests.
 *
 * Jobs run concurrently (at most `concurrency` at once, and at most
 * `perBrand` deliveries of one brand's webhooks), each bounded by
 * `jobTimeoutMs`, so one slow webhook endpoint cannot hold up every mail.
 * A claim is a lease (`leaseSeconds`, jobs.locked_until) after which another
 * runner may take the job again: a job is started only while it can still
 * finish, timeout included, well before its lease ends; the ones that cannot
 * are given back untouched. So a lease never expires while its job runs, and
 * no job is delivered twice by two runners. A runner told to stop gives back
 * what it has not started, so stopping waits only for the jobs in progress.
 *
 * The server paces the starts (`startEveryMs`): a round's twenty mails
 * started at once cost its one thread about 40 ms of work within 200 ms,
 * which every request in flight then waited for — under 50 authors publishing
 * back to back, the slowest writes of `npm run bench:http` came every five
 * seconds, with the mails. Started 50 ms apart, the same work is spread over a
 * second of the five.
 */
import type { Db } from '../../db/client.ts';
import { claimDueJobs, completeJob, failJob, releaseJob, type JobRow } from '../../db/queries/jobs.ts';
import { brandsOfDeliveries } from '../../db/queries/webhooks.ts';
import { retryDelaySeconds } from '../domain/webhooks.ts';
import { PASSWORD_RESET_JOB, sendPasswordResetLink } from './commands/accounts.ts';
import { logger } from './logger.ts';
import type { Mailer } from './mail.ts';
import { deliverWebhook } from './webhook-delivery.ts';

export interface JobRunnerDeps {
  db: Db;
  mailer: Mailer;
  now: Date;
  allowPrivateWebhookTargets: boolean;
  /** Origin for links in mails the jobs write (password resets). */
  siteUrl: string;
  /** True once the process is stopping: jobs not yet started are given back instead. */
  stopping?: () => boolean;
}

export interface JobRunnerLimits {
  /** Jobs claimed per round. */
  limit: number;
  concurrency: number;
  /** Webhook deliveries of one brand running at once. */
  perBrand: number;
  /** One job's time, after which it counts as failed (and is retried). */
  jobTimeoutMs: number;
  leaseSeconds: number;
  /** Kept free at the end of a lease: a job never starts later than lease − timeout − this. */
  leaseMarginMs: number;
  /** At least this long between two jobs' starts (0: start every job that fits at once). */
  startEveryMs: number;
}

const DEFAULT_LIMITS: JobRunnerLimits = {
  limit: 20,
  concurrency: 8,
  perBrand: 2,
  jobTimeoutMs: 15_000,
  leaseSeconds: 120,
  leaseMarginMs: 10_000,
  startEveryMs: 0,
};

const WEBHOOK_TIMEOUT_MS = 10_000;

type Outcome = { ok: true } | { ok: false; retry: boolean; error: string };

export async function runDueJobs(
  deps: JobRunnerDeps,
  limits: Partial<JobRunnerLimits> = {},
): Promise<{ done: number; failed: number; released: number }> {
  const settings = { ...DEFAULT_LIMITS, ...limits };
  const claimedAt = performance.now();
  const jobs = await claimDueJobs(deps.db, deps.now, settings.limit, settings.leaseSeconds);
  const startBy = claimedAt + settings.leaseSeconds * 1000 - settings.jobTimeoutMs - settings.leaseMarginMs;
  const groups = await groupsOf(deps.db, jobs);
  const counts = { done: 0, failed: 0, released: 0 };
  const running = new Map<string, number>();
  let active = 0;
  const waiting = [...jobs];
  let nextStartAt = 0;
  let paced: NodeJS.Timeout | null = null;

  await new Promise<void>((resolve) => {
    const startWhatFits = () => {
      for (let index = 0; index < waiting.length && active < settings.concurrency;) {
        const job = waiting[index]!;
        const group = groups.get(job.id) ?? null;
        if (group !== null && (running.get(group) ?? 0) >= settings.perBrand) {
          index++;
          continue;
        }
        // Paced: the next start waits for its time (not when stopping: what is left is given back).
        const waitMs = nextStartAt - performance.now();
        if (waitMs > 0 && !deps.stopping?.()) {
          paced ??= setTimeout(() => {
            paced = null;
            startWhatFits();
          }, waitMs);
          return;
        }
        nextStartAt = performance.now() + settings.startEveryMs;
        waiting.splice(index, 1);
        active++;
        if (group !== null) running.set(group, (running.get(group) ?? 0) + 1);
        void settle(job).finally(() => {
          active--;
          if (group !== null) running.set(group, running.get(group)! - 1);
          startWhatFits();
        });
      }
      if (active === 0 && waiting.length === 0) {
        if (paced) clearTimeout(paced);
        resolve();
      }
    };
    startWhatFits();
  });
  return counts;

  async function settle(job: JobRow): Promise<void> {
    try {
      if (performance.now() > startBy || deps.stopping?.()) {
        await releaseJob(deps.db, job.id);
        counts.released++;
        return;
      }
      // The request's own timeout ends it first, so its attempt is recorded before the job's runs out.
      const webhookTimeoutMs = Math.min(WEBHOOK_TIMEOUT_MS, Math.floor(settings.jobTimeoutMs * 0.75));
      const outcome = await withTimeout(runJob(deps, job, webhookTimeoutMs), settings.jobTimeoutMs);
      if (outcome.ok) {
        await completeJob(deps.db, job.id, deps.now);
        counts.done++;
      } else {
        const retryAt = new Date(deps.now.getTime() + retryDelaySeconds(job.attempts) * 1000);
        await failJob(deps.db, job, outcome.error, outcome.retry ? retryAt : null, deps.now);
        counts.failed++;
      }
    } catch (error) {
      logger.error(
        { err: error, jobId: job.id },
        'Recording a job failed; it comes back when its lease ends.',
      );
      counts.failed++;
    }
  }
}

/** Webhook jobs are grouped by brand; other jobs (mails) by nothing. */
async function groupsOf(db: Db, jobs: JobRow[]): Promise<Map<number, string>> {
  const deliveryOf = (job: JobRow) => Number(job.payload['deliveryId']);
  const webhookJobs = jobs.filter((job) => job.type === 'webhook');
  const brands = await brandsOfDeliveries(db, webhookJobs.map(deliveryOf));
  return new Map(
    webhookJobs.map((job) => [
      job.id,
      `brand:${brands.get(deliveryOf(job)) ?? `delivery:${deliveryOf(job)}`}`,
    ]),
  );
}

async function runJob(deps: JobRunnerDeps, job: JobRow, webhookTimeoutMs: number): Promise<Outcome> {
  try {
    if (job.type === 'email') {
      const { to, subject, text } = job.payload as { to: string; subject: string; text: string };
      await deps.mailer.send({ to, subject, text });
      return { ok: true };
    }
    if (job.type === PASSWORD_RESET_JOB) {
      const meta = { userAgent: null, ipAddress: null };
      await sendPasswordResetLink({ ...deps, meta }, String(job.payload['email']));
      return { ok: true };
    }
    if (job.type === 'webhook') {
      return await deliverWebhook(deps.db, Number(job.payload['deliveryId']), {
        now: deps.now,
        allowPrivateTargets: deps.allowPrivateWebhookTargets,
        timeoutMs: webhookTimeoutMs,
      });
    }
    return { ok: false, retry: false, error: `Unknown job type ${job.type}` };
  } catch (error) {
    return { ok: false, retry: true, error: (error as Error).message };
  }
}

function withTimeout(work: Promise<Outcome>, timeoutMs: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Outcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, retry: true, error: `timed out after ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
}
