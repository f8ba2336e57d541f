/**
 * The job runner under slow endpoints and several runners: deliveries run
 * concurrently with a per-brand limit and a timeout, a claim is never held past
 * its lease, and no job is sent twice.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueJob, listJobs } from '../../db/queries/jobs.ts';
import { insertDelivery, insertWebhook } from '../../db/queries/webhooks.ts';
import { runDueJobs, type JobRunnerLimits } from '../../src/server/job-runner.ts';
import type { Mailer, MailMessage } from '../../src/server/mail.ts';
import { createBrand } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let server: http.Server;
let baseUrl: string;
/** Requests received per path; `/hang` never answers, anything else answers 200 at once. */
let received: string[] = [];
let openHangs = 0;
let mostHangsAtOnce = 0;
const hanging = new Set<http.ServerResponse>();

beforeAll(async () => {
  database = await createTestDatabase();
  server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(request.url ?? '');
      if (request.url?.startsWith('/hang')) {
        hanging.add(response);
        let counted = false;
        response.on('close', () => {
          if (counted) openHangs--;
        });
        // Counted once the I/O already received is handled: a request the runner aborted before
        // sending this one has closed by then, however late a loaded machine reads it.
        setImmediate(() => {
          if (response.destroyed) return;
          counted = true;
          openHangs++;
          mostHangsAtOnce = Math.max(mostHangsAtOnce, openHangs);
        });
      } else {
        response.writeHead(200).end('ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await database.destroy();
});
beforeEach(async () => {
  for (const response of hanging) response.destroy();
  hanging.clear();
  received = [];
  mostHangsAtOnce = 0;
  await database.db.execute(sql`truncate users, brands, posts, jobs restart identity cascade`);
});

const now = new Date('2026-06-15T12:00:00Z');

/** A mailer that notes when each message left, and can take its time. */
function timedMailer(delayMs = 0): Mailer & { sent: { message: MailMessage; atMs: number }[] } {
  const sent: { message: MailMessage; atMs: number }[] = [];
  return {
    sent,
    async send(message) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      sent.push({ message, atMs: performance.now() });
    },
  };
}

async function queueDeliveries(brandName: string, path: string, count: number, runAt = now) {
  const brand = await createBrand(database.db, brandName);
  const webhook = await insertWebhook(database.db, {
    brandId: brand.id,
    url: `${baseUrl}${path}`,
    secret: 'test-secret',
    events: ['post.created'],
  });
  for (let i = 0; i < count; i++) {
    const delivery = await insertDelivery(database.db, {
      webhookId: webhook.id,
      event: 'post.created',
      payload: { n: i },
    });
    await enqueueJob(database.db, 'webhook', { deliveryId: delivery.id }, runAt);
  }
}

const queueMail = (to: string, runAt = now) =>
  enqueueJob(database.db, 'email', { to, subject: 'Hello', text: 'A reply to your fail.' }, runAt);

const run = (mailer: Mailer, limits: Partial<JobRunnerLimits> = {}, at = now, stopping = () => false) =>
  runDueJobs(
    {
      db: database.db,
      mailer,
      now: at,
      allowPrivateWebhookTargets: true,
      siteUrl: 'https://board.example',
      stopping,
    },
    limits,
  );

describe('the job runner', () => {
  it('sends a mail at once while a webhook endpoint hangs', async () => {
    // Queued before the mail: a runner taking jobs one by one would wait for each timeout first.
    await queueDeliveries('Slowpoke Telecom', '/hang', 3, new Date(now.getTime() - 60_000));
    await queueMail('customer@example.com');
    const mailer = timedMailer();

    const startedAt = performance.now();
    const result = await run(mailer, { jobTimeoutMs: 1_500 });

    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.atMs - startedAt).toBeLessThan(1_000);
    expect(result).toEqual({ done: 1, failed: 3, released: 0 });
    // The timeout bounds the round: three hung deliveries, two at a time, not three times one after another.
    expect(performance.now() - startedAt).toBeLessThan(1_500 * 2 + 1_000);
    const webhookJobs = await listJobs(database.db, 'webhook');
    expect(webhookJobs.map((job) => job.status)).toEqual(['queued', 'queued', 'queued']);
    expect(webhookJobs.every((job) => job.lastError !== null)).toBe(true);
  });

  it('runs at most the per-brand limit of one brand’s deliveries at once', async () => {
    await queueDeliveries('Slowpoke Telecom', '/hang', 5);
    await run(timedMailer(), { jobTimeoutMs: 600, perBrand: 2 });
    expect(received.filter((path) => path === '/hang')).toHaveLength(5);
    expect(mostHangsAtOnce).toBe(2);
  });

  it('never delivers a job twice when two runners run at once', async () => {
    await queueDeliveries('Northwind', '/a', 12);
    await queueDeliveries('Larkspire', '/b', 12);
    for (let i = 0; i < 10; i++) await queueMail(`reader${i}@example.com`);
    const mailer = timedMailer(5);

    const [first, second] = await Promise.all([
      run(mailer, { limit: 15 }),
      run(mailer, { limit: 15 }),
      run(mailer, { limit: 15 }, new Date(now.getTime() + 1)),
    ]);

    expect(first!.done + second!.done).toBeGreaterThan(0);
    expect(received.filter((path) => path === '/a')).toHaveLength(12);
    expect(received.filter((path) => path === '/b')).toHaveLength(12);
    expect(new Set(mailer.sent.map((sent) => sent.message.to)).size).toBe(10);
    expect(mailer.sent).toHaveLength(10);
    const statuses = [...(await listJobs(database.db, 'webhook')), ...(await listJobs(database.db, 'email'))];
    expect(statuses.every((job) => job.status === 'done' && job.attempts === 1)).toBe(true);
  });

  it('gives back the jobs it could not finish within its lease, so they run once, later', async () => {
    for (let i = 0; i < 5; i++) await queueMail(`reader${i}@example.com`);
    const mailer = timedMailer(400);
    // Lease 3 s, timeout 1 s, margin 1 s: nothing may start later than 1 s after the claim.
    const limits = { concurrency: 1, leaseSeconds: 3, jobTimeoutMs: 1_000, leaseMarginMs: 1_000 };

    const first = await run(mailer, limits);
    expect(first.done).toBeGreaterThanOrEqual(2);
    expect(first.released).toBeGreaterThanOrEqual(1);
    expect(first.done + first.released).toBe(5);
    const givenBack = (await listJobs(database.db, 'email')).filter((job) => job.status === 'queued');
    expect(givenBack).toHaveLength(first.released);
    expect(givenBack.every((job) => job.attempts === 0 && job.lockedUntil === null)).toBe(true);

    // Another runner, after the first one's lease: only what was given back is sent.
    await run(mailer, { concurrency: 8 }, new Date(now.getTime() + 4_000));
    expect(mailer.sent.map((sent) => sent.message.to).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `reader${i}@example.com`),
    );
  });

  it('gives back the jobs it has not started once the process is stopping', async () => {
    for (let i = 0; i < 3; i++) await queueMail(`reader${i}@example.com`);
    const mailer = timedMailer(100);
    const result = await run(mailer, { concurrency: 1 }, now, () => mailer.sent.length > 0);
    expect(result).toEqual({ done: 1, failed: 0, released: 2 });
    const statuses = (await listJobs(database.db, 'email')).map((job) => [job.status, job.attempts]);
    expect(statuses).toEqual([
      ['done', 1],
      ['queued', 0],
      ['queued', 0],
    ]);
  });

  it('starts its jobs at least startEveryMs apart when paced, all of them sent', async () => {
    for (let i = 0; i < 4; i++) await queueMail(`reader${i}@example.com`);
    const mailer = timedMailer();
    const result = await run(mailer, { startEveryMs: 120 });
    expect(result).toEqual({ done: 4, failed: 0, released: 0 });
    const times = mailer.sent.map((sent) => sent.atMs);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(110);
  });

  it('does not wait for its pace once the process is stopping: the rest is given back at once', async () => {
    for (let i = 0; i < 3; i++) await queueMail(`reader${i}@example.com`);
    const mailer = timedMailer();
    const startedAt = performance.now();
    const result = await run(mailer, { startEveryMs: 5_000 }, now, () => mailer.sent.length > 0);
    expect(result).toEqual({ done: 1, failed: 0, released: 2 });
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });
});
