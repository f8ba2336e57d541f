/**
 * Webhook deliveries to a real HTTP server on this machine: signed correctly,
 * retried with backoff when the endpoint fails, refused for private targets
 * (however the address is spelt, and however DNS answers the second time)
 * unless the operator allows them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listJobs } from '../../db/queries/jobs.ts';
import { webhookDeliveries, webhooks } from '../../db/schema.ts';
import { signWebhook } from '../../src/domain/webhooks.ts';
import * as admin from '../../src/server/commands/brand-admin.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { runDueJobs } from '../../src/server/job-runner.ts';
import { deliverWebhook, type Resolver } from '../../src/server/webhook-delivery.ts';
import { createBrand, createPerson, joinTeam, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer } from '../helpers/mailer.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let database: TestDatabase;
let server: http.Server;
let baseUrl: string;
let port: number;
let received: Received[] = [];
let answers: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(answers.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.destroy();
});
beforeEach(async () => {
  received = [];
  answers = [];
  await database.db.execute(
    sql`truncate users, brands, posts, jobs, rate_limit_buckets restart identity cascade`,
  );
});

const now = new Date('2026-06-15T12:00:00Z');
const deps = (): CommandDeps => commandDeps(database.db, { now, ipAddress: '203.0.113.7' });
const run = (at: Date, allowPrivateWebhookTargets = true) =>
  runDueJobs({
    db: database.db,
    mailer: createCapturingMailer(),
    now: at,
    allowPrivateWebhookTargets,
    siteUrl: 'https://board.example',
  });

async function brandWithWebhook(path = '/hook', base = baseUrl) {
  await createBrand(database.db, 'Northwind');
  const owner = await joinTeam(database.db, await createPerson(database.db), 1, 'owner');
  const added = await admin.addWebhook(deps(), owner, {
    brandSlug: 'northwind',
    url: `${base}${path}`,
    events: ['post.created'],
  });
  if (!added.ok) throw new Error('webhook not added');
  const customer = await createPerson(database.db);
  const post = await createPost(deps(), customer, {
    kind: 'like',
    brandSlug: 'northwind',
    newBrandName: null,
    newBrandWebsite: null,
    newBrandSector: null,
    title: 'Replacement shipped overnight',
    story: 'One public message and a new router arrived the next morning.',
    category: 'delivery',
    channel: 'social',
    experiencedOn: '2026-06-14',
    country: null,
    waitMinutes: null,
    personalData: null,
    loginEmail: null,
    loginPassword: null,
  });
  if (!post.ok) throw new Error('post failed');
  return { secret: added.secret, postId: post.postId };
}

describe('webhook deliveries', () => {
  it('arrive signed with HMAC-SHA256 over "<timestamp>.<body>"', async () => {
    const { secret, postId } = await brandWithWebhook();
    await run(now);
    expect(received).toHaveLength(1);
    const [delivery] = received;
    const timestamp = Number(delivery!.headers['x-likes-and-fails-timestamp']);
    expect(delivery!.headers['x-likes-and-fails-signature']).toBe(
      signWebhook(secret, timestamp, delivery!.body),
    );
    expect(delivery!.headers['x-likes-and-fails-event']).toBe('post.created');
    expect(JSON.parse(delivery!.body)).toMatchObject({
      event: 'post.created',
      data: { postId, kind: 'like' },
    });
    expect((await database.db.select().from(webhookDeliveries))[0]).toMatchObject({
      attempts: 1,
      responseStatus: 200,
    });
  });

  it('are retried with backoff when the endpoint fails, until it answers', async () => {
    await brandWithWebhook();
    answers = [500, 503];
    expect(await run(now)).toMatchObject({ failed: 1 });
    const [job] = await listJobs(database.db, 'webhook');
    expect(job).toMatchObject({ status: 'queued', attempts: 1, runAt: new Date(now.getTime() + 60_000) });
    expect(await run(new Date(now.getTime() + 30_000))).toEqual({ done: 0, failed: 0, released: 0 }); // not due yet
    expect(await run(new Date(now.getTime() + 61_000))).toMatchObject({ failed: 1 });
    expect((await listJobs(database.db, 'webhook'))[0]?.runAt).toEqual(
      new Date(now.getTime() + 61_000 + 120_000),
    );
    expect(await run(new Date(now.getTime() + 200_000))).toMatchObject({ done: 1 });
    expect(received).toHaveLength(3);
    const [delivery] = await database.db.select().from(webhookDeliveries);
    expect(delivery).toMatchObject({ attempts: 3, responseStatus: 200 });
    expect(delivery?.deliveredAt).not.toBeNull();
  });

  it('are refused for loopback and private targets unless allowed', async () => {
    await brandWithWebhook();
    expect(await run(now, false)).toMatchObject({ failed: 1 });
    expect(received).toHaveLength(0);
    expect((await listJobs(database.db, 'webhook'))[0]?.status).toBe('failed');
    expect((await database.db.select().from(webhookDeliveries))[0]?.error).toContain('private network');
  });

  it.each([
    '[::ffff:127.0.0.1]', // IPv4-mapped
    '[::ffff:7f00:1]',
    '[::127.0.0.1]', // IPv4-compatible
    '0x7f.1', // 127.0.0.1 in the URL parser's hex shorthand
  ])('are refused for loopback written as %s', async (host) => {
    await brandWithWebhook('/hook', `http://${host}:${port}`);
    const outcome = await deliverWebhook(database.db, 1, {
      now,
      allowPrivateTargets: false,
      timeoutMs: 2000,
    });
    expect(outcome).toEqual({ ok: false, retry: false, error: expect.stringContaining('private network') });
    expect(received).toHaveLength(0);
  });

  it('go to the address that was checked, not to a second DNS answer (rebinding)', async () => {
    await brandWithWebhook('/hook', `http://hooks.rebinding.example:${port}`);
    // Public when checked, this machine for anyone who asks again.
    const asked: string[] = [];
    const rebinding: Resolver = async (hostname) => {
      asked.push(hostname);
      return asked.length === 1 ? ['93.184.216.34'] : ['127.0.0.1'];
    };
    const outcome = await deliverWebhook(database.db, 1, {
      now,
      allowPrivateTargets: false,
      timeoutMs: 500, // the public address is not listening on the test server's port
      resolve: rebinding,
    });
    expect(outcome.ok).toBe(false);
    expect(received).toHaveLength(0);
    expect(asked).toEqual(['hooks.rebinding.example']);
  });

  it('keep the name of the URL in the Host header when connecting to the checked address', async () => {
    await brandWithWebhook('/hook', `http://hooks.brand.example:${port}`);
    const outcome = await deliverWebhook(database.db, 1, {
      now,
      allowPrivateTargets: true,
      resolve: async () => ['127.0.0.1'],
    });
    expect(outcome).toEqual({ ok: true });
    expect(received[0]?.headers.host).toBe(`hooks.brand.example:${port}`);
  });

  it('are not queued for a brand without webhooks or for events it did not choose', async () => {
    await brandWithWebhook();
    await database.db
      .update(webhooks)
      .set({ events: ['post.verdict'] })
      .where(eq(webhooks.id, 1));
    const customer = await createPerson(database.db);
    await createPost(deps(), customer, {
      kind: 'like',
      brandSlug: 'northwind',
      newBrandName: null,
      newBrandWebsite: null,
      newBrandSector: null,
      title: 'Another kind agent',
      story: 'The agent called back exactly when she said she would.',
      category: 'attitude',
      channel: 'phone',
      experiencedOn: '2026-06-14',
      country: null,
      waitMinutes: null,
      personalData: null,
      loginEmail: null,
      loginPassword: null,
    });
    expect(await database.db.$count(webhookDeliveries)).toBe(1);
  });
});
