/**
 * The job queue (and mail outbox): jobs are written in the transaction of the
 * change that causes them, so a rolled-back write never sends anything, and
 * picked with `for update skip locked`, so several instances share the work
 * without taking the same job twice.
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobs } from '../schema.ts';

export type JobRow = typeof jobs.$inferSelect;

export async function enqueueJob(
  db: Db,
  type: string,
  payload: Record<string, unknown>,
  runAt: Date,
  maxAttempts = 8,
): Promise<void> {
  await enqueueJobs(db, type, [payload], runAt, maxAttempts);
}

/** Several jobs of one type in one statement (a team's e-mails). */
export async function enqueueJobs(
  db: Db,
  type: string,
  payloads: readonly Record<string, unknown>[],
  runAt: Date,
  maxAttempts = 8,
): Promise<void> {
  if (payloads.length === 0) return;
  // One short statement whatever the number of jobs (a team's e-mails): the payloads travel as one
  // JSON array. Written as text: drizzle's insert builder cost ten times more to build, per fail.
  await db.execute(sql`
    insert into jobs (type, payload, run_at, max_attempts, created_at)
    select ${type}::text, payload, ${runAt.toISOString()}::timestamptz, ${maxAttempts}::int,
           ${runAt.toISOString()}::timestamptz
    from jsonb_array_elements(${JSON.stringify(payloads)}::jsonb) as payload`);
}

/** Claims up to `limit` due jobs for `leaseSeconds`; a crashed worker's jobs come back after the lease. */
export async function claimDueJobs(db: Db, now: Date, limit: number, leaseSeconds = 120): Promise<JobRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        sql`${jobs.runAt} <= ${now.toISOString()}::timestamptz and (${jobs.status} = 'queued' or (${jobs.status} = 'running' and ${jobs.lockedUntil} <= ${now.toISOString()}::timestamptz))`,
      )
      .orderBy(jobs.runAt, jobs.id)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(jobs)
      .set({
        status: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + leaseSeconds * 1000),
      })
      .where(
        inArray(
          jobs.id,
          due.map((job) => job.id),
        ),
      )
      .returning();
  });
}

/**
 * Gives a claimed job back untouched (its attempt not counted), for a runner
 * that could not start it early enough to finish within its lease.
 */
export async function releaseJob(db: Db, id: number): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'queued', attempts: sql`greatest(${jobs.attempts} - 1, 0)`, lockedUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

export async function completeJob(db: Db, id: number, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'done', finishedAt: now, lockedUntil: null, lastError: null })
    .where(eq(jobs.id, id));
}

/** Schedules another attempt, or gives up after the last one. */
export async function failJob(
  db: Db,
  job: JobRow,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  const finalAttempt = retryAt === null || job.attempts >= job.maxAttempts;
  await db
    .update(jobs)
    .set(
      finalAttempt
        ? { status: 'failed', finishedAt: now, lockedUntil: null, lastError: error.slice(0, 1000) }
        : { status: 'queued', runAt: retryAt, lockedUntil: null, lastError: error.slice(0, 1000) },
    )
    .where(eq(jobs.id, job.id));
}

export function listJobs(db: Db, type: string) {
  return db.select().from(jobs).where(eq(jobs.type, type)).orderBy(jobs.id);
}

/** Deletes finished jobs older than the cut-off so the table stays small. */
export async function deleteFinishedJobs(db: Db, before: Date): Promise<void> {
  await db.delete(jobs).where(and(inArray(jobs.status, ['done', 'failed']), lte(jobs.finishedAt, before)));
}
