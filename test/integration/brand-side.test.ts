/**
 * The brand's side on a real database: authorization in the commands
 * themselves, the reply → promise → proposal → verdict lifecycle, templates,
 * takeovers, reply history, time-driven outcomes, notifications, claims and team.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listInbox } from '../../db/queries/inbox.ts';
import { listJobs } from '../../db/queries/jobs.ts';
import {
  brandMembers,
  brands,
  messageRevisions,
  posts,
  promises,
  threadEvents,
  threadMessages,
  users,
} from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import * as admin from '../../src/server/commands/brand-admin.ts';
import * as replies from '../../src/server/commands/brand-replies.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import * as postCommands from '../../src/server/commands/posts.ts';
import { runDueJobs } from '../../src/server/job-runner.ts';
import { runMaintenance } from '../../src/server/maintenance.ts';
import { createBrand, createPerson, joinTeam, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer, tokenFrom, type CapturingMailer } from '../helpers/mailer.ts';

let database: TestDatabase;
let mailer: CapturingMailer;
let now: Date;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  mailer = createCapturingMailer();
  now = new Date('2026-06-15T12:00:00Z');
  await database.db.execute(
    sql`truncate users, brands, posts, rate_limit_buckets, sessions, jobs, email_tokens restart identity cascade`,
  );
});

const deps = (overrides: Partial<CommandDeps> = {}): CommandDeps =>
  commandDeps(database.db, { mailer, now, ipAddress: '203.0.113.5', ...overrides });
const hoursLater = (hours: number) => deps({ now: new Date(now.getTime() + hours * 3_600_000) });
const reply = (overrides: Partial<Parameters<typeof replies.replyAsBrand>[2]> & { postId: number }) => ({
  body: 'I looked at your line myself and booked a technician for Thursday morning.',
  promiseDueOn: null,
  escalatedTo: null,
  proposeResolution: false,
  ...overrides,
});

async function scene() {
  const brand = await createBrand(database.db, 'Northwind');
  const other = await createBrand(database.db, 'Southwind');
  const customer = await createPerson(database.db, { name: 'Ravi P.' });
  const alex = await joinTeam(
    database.db,
    await createPerson(database.db, { name: 'Alex' }),
    brand.id,
    'owner',
  );
  const marie = await joinTeam(
    database.db,
    await createPerson(database.db, { name: 'Marie' }),
    brand.id,
    'member',
  );
  const rival = await joinTeam(
    database.db,
    await createPerson(database.db, { name: 'Rita' }),
    other.id,
    'owner',
  );
  const stranger = await createPerson(database.db);
  const created = await postCommands.createPost(deps(), customer, {
    kind: 'fail',
    brandSlug: 'northwind',
    newBrandName: null,
    newBrandWebsite: null,
    newBrandSector: null,
    title: 'TV box dead on the night of the final',
    story: 'The box went black an hour before kick-off and support offered a technician in nine days.',
    category: 'defect',
    channel: 'phone',
    experiencedOn: '2026-06-14',
    country: null,
    waitMinutes: 52,
    personalData: null,
    loginEmail: null,
    loginPassword: null,
  });
  if (!created.ok) throw new Error('fixture post failed');
  return { brand, other, customer, alex, marie, rival, stranger, postId: created.postId };
}

const postRow = async (id: number) => (await database.db.select().from(posts).where(eq(posts.id, id)))[0]!;
const eventTypes = async (postId: number) =>
  (
    await database.db
      .select({ type: threadEvents.type })
      .from(threadEvents)
      .where(eq(threadEvents.postId, postId))
      .orderBy(asc(threadEvents.id))
  ).map((event) => event.type);

describe('authorization in the commands', () => {
  it.each(['stranger', 'rival', 'customer', 'nobody'] as const)(
    'refuses a reply, a promise, a proposal and a takeover by %s',
    async (who) => {
      const people = await scene();
      const actor: Actor | null = who === 'nobody' ? null : people[who];
      const attempts = [
        replies.replyAsBrand(deps(), actor, reply({ postId: people.postId })),
        replies.replyAsBrand(deps(), actor, reply({ postId: people.postId, promiseDueOn: '2026-06-20' })),
        replies.replyAsBrand(deps(), actor, reply({ postId: people.postId, proposeResolution: true })),
        replies.takeCase(deps(), actor, { postId: people.postId }),
      ];
      for (const result of await Promise.all(attempts))
        expect(result).toMatchObject({ ok: false, reason: 'refused' });
      expect(await database.db.$count(threadMessages)).toBe(0);
      expect(await database.db.$count(promises)).toBe(0);
      expect((await postRow(people.postId)).status).toBe('waiting');
    },
  );

  it('lets an owner and a member of the brand reply', async () => {
    const { alex, marie, postId } = await scene();
    expect((await replies.replyAsBrand(deps(), marie, reply({ postId }))).ok).toBe(true);
    expect(
      (
        await replies.replyAsBrand(
          hoursLater(1),
          alex,
          reply({ postId, body: 'Alex here: the technician is confirmed for Thursday 8:00.' }),
        )
      ).ok,
    ).toBe(true);
  });

  it('keeps team management, profile and webhooks for the owner only', async () => {
    const { marie, alex } = await scene();
    expect(
      await admin.inviteMember(deps(), marie, { brandSlug: 'northwind', email: 'new@northwind.example' }),
    ).toMatchObject({ ok: false, reason: 'refused' });
    expect(
      await admin.addWebhook(deps(), marie, {
        brandSlug: 'northwind',
        url: 'https://hooks.example/x',
        events: ['post.created'],
      }),
    ).toMatchObject({ ok: false, reason: 'refused' });
    expect(
      (
        await admin.addWebhook(deps(), alex, {
          brandSlug: 'northwind',
          url: 'https://hooks.example/x',
          events: ['post.created'],
        })
      ).ok,
    ).toBe(true);
  });
});

describe('a fail answered in the open', () => {
  it('goes reply → promise → replaced promise → proposal (promise kept) → verdict, with each step recorded', async () => {
    const { alex, marie, customer, postId } = await scene();
    await replies.replyAsBrand(hoursLater(1), alex, reply({ postId, promiseDueOn: '2026-06-18' }));
    let post = await postRow(postId);
    expect(post).toMatchObject({
      status: 'promised',
      handlerId: alex.id,
      firstBrandReplyAt: new Date(now.getTime() + 3_600_000),
    });

    await replies.replyAsBrand(
      hoursLater(30),
      marie,
      reply({
        postId,
        body: 'Marie here, Alex is away: the part arrives later, new date below.',
        promiseDueOn: '2026-06-20',
      }),
    );
    const promiseRows = await database.db
      .select()
      .from(promises)
      .where(eq(promises.postId, postId))
      .orderBy(asc(promises.id));
    expect(promiseRows.map((row) => row.outcome)).toEqual(['replaced', 'pending']);

    await replies.replyAsBrand(
      hoursLater(72),
      marie,
      reply({
        postId,
        body: 'The street cabinet card was replaced this morning; your box works again.',
        proposeResolution: true,
      }),
    );
    post = await postRow(postId);
    expect(post.status).toBe('resolution_proposed');
    expect(
      (
        await database.db.select().from(promises).where(eq(promises.postId, postId)).orderBy(asc(promises.id))
      )[1]?.outcome,
    ).toBe('kept');

    expect(
      await postCommands.giveVerdict(hoursLater(80), customer, {
        postId,
        resolved: true,
        wouldBuyAgain: true,
      }),
    ).toEqual({ ok: true });
    expect((await postRow(postId)).status).toBe('resolved');
    expect(await eventTypes(postId)).toEqual([
      'case_taken',
      'promise_made',
      'case_taken',
      'promise_replaced',
      'resolution_proposed',
      'promise_kept',
      'verdict',
    ]);
    const takeover = await database.db
      .select()
      .from(threadEvents)
      .where(and(eq(threadEvents.postId, postId), eq(threadEvents.actorId, marie.id)));
    expect(takeover[0]?.data).toEqual({ previousHandlerName: 'Alex' });
  });

  it('refuses a promise in the past or beyond 90 days, beside the field', async () => {
    const { alex, postId } = await scene();
    expect(
      await replies.replyAsBrand(deps(), alex, reply({ postId, promiseDueOn: '2026-06-01' })),
    ).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: { promiseDueOn: 'A promise cannot be dated in the past.' },
    });
    expect(await database.db.$count(threadMessages)).toBe(0);
  });

  it('keeps nothing of a reply refused half-way (a promise on a resolved fail)', async () => {
    const { alex, customer, postId } = await scene();
    await replies.replyAsBrand(deps(), alex, reply({ postId }));
    await postCommands.giveVerdict(hoursLater(1), customer, { postId, resolved: true, wouldBuyAgain: true });
    const before = await database.db.$count(threadMessages);
    expect(
      await replies.replyAsBrand(hoursLater(2), alex, reply({ postId, promiseDueOn: '2026-06-20' })),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      fieldErrors: { promiseDueOn: 'This case is closed: no new promise.' },
    });
    expect(await database.db.$count(threadMessages)).toBe(before);
    expect((await postRow(postId)).messageCount).toBe(before);
  });

  it('marks a near-copy of an earlier reply on another post as a template', async () => {
    const { alex, customer, postId } = await scene();
    const second = await postCommands.createPost(deps(), customer, {
      kind: 'fail',
      brandSlug: 'northwind',
      newBrandName: null,
      newBrandWebsite: null,
      newBrandSector: null,
      title: 'Internet down for three days',
      story: 'No internet since Monday and nobody can say why or when.',
      category: 'responsiveness',
      channel: 'chat',
      experiencedOn: '2026-06-14',
      country: null,
      waitMinutes: null,
      personalData: null,
      loginEmail: null,
      loginPassword: null,
    });
    if (!second.ok) throw new Error('post failed');
    const script = (ticket: string) =>
      `We are sorry for the inconvenience. Please send your customer number and ticket ${ticket} by private message so that our team can look into it.`;
    await replies.replyAsBrand(deps(), alex, reply({ postId, body: script('4411') }));
    await replies.replyAsBrand(hoursLater(2), alex, reply({ postId: second.postId, body: script('87') }));
    const messages = await database.db.select().from(threadMessages).orderBy(asc(threadMessages.id));
    expect(messages.map((message) => message.isTemplate)).toEqual([false, true]);
    expect(messages[1]?.templateOfId).toBe(messages[0]?.id);
  });

  it('keeps the earlier text of an edited reply, and lets only its writer edit it', async () => {
    const { alex, marie, postId } = await scene();
    const result = await replies.replyAsBrand(deps(), alex, reply({ postId }));
    if (!result.ok) throw new Error('reply failed');
    expect(
      await replies.editReply(deps(), marie, {
        messageId: result.messageId,
        body: 'Changed by someone else',
      }),
    ).toMatchObject({ ok: false, reason: 'refused' });
    expect(
      await replies.editReply(hoursLater(1), alex, {
        messageId: result.messageId,
        body: 'Technician booked for Thursday 8:00–12:00.',
      }),
    ).toEqual({ ok: true, postId });
    const [revision] = await database.db.select().from(messageRevisions);
    expect(revision).toMatchObject({ revision: 1, body: reply({ postId }).body });
  });

  it('shows open fails oldest first in the inbox, with the filters', async () => {
    const { alex, postId } = await scene();
    expect((await listInbox(database.db, 1, 'unassigned', now)).map((row) => row.id)).toEqual([postId]);
    await replies.replyAsBrand(deps(), alex, reply({ postId, promiseDueOn: '2026-06-16' }));
    expect(await listInbox(database.db, 1, 'unassigned', now)).toHaveLength(0);
    expect((await listInbox(database.db, 1, 'promise_due', now))[0]).toMatchObject({
      id: postId,
      handlerName: 'Alex',
      promiseDueOn: '2026-06-16',
    });
    expect(await listInbox(database.db, 1, 'awaiting_verdict', now)).toHaveLength(0);
  });
});

describe('what time changes', () => {
  it('breaks a promise whose day passed and closes a proposal left 30 days without a verdict', async () => {
    const { alex, postId } = await scene();
    await replies.replyAsBrand(deps(), alex, reply({ postId, promiseDueOn: '2026-06-16' }));
    expect(await runMaintenance(database.db, new Date('2026-06-16T23:00:00Z'))).toMatchObject({
      promisesBroken: 0,
    });
    expect(await runMaintenance(database.db, new Date('2026-06-17T00:30:00Z'))).toMatchObject({
      ran: true,
      promisesBroken: 1,
    });
    expect((await database.db.select().from(promises))[0]?.outcome).toBe('broken');

    await replies.replyAsBrand(
      deps({ now: new Date('2026-06-18T10:00:00Z') }),
      alex,
      reply({ postId, body: 'Fixed at last, sorry for the delay.', proposeResolution: true }),
    );
    expect(await runMaintenance(database.db, new Date('2026-07-18T11:00:00Z'))).toMatchObject({
      closedUnconfirmed: 1,
    });
    expect(await postRow(postId)).toMatchObject({
      status: 'unconfirmed',
      settledAt: new Date('2026-07-18T10:00:00Z'),
    });
    expect((await eventTypes(postId)).slice(-1)).toEqual(['closed_unconfirmed']);
  });
});

describe('notifications', () => {
  it('queue an e-mail to the author on a brand reply and send it through the job runner', async () => {
    const { alex, customer, postId } = await scene();
    await runDueJobs({
      db: database.db,
      mailer,
      now,
      allowPrivateWebhookTargets: false,
      siteUrl: 'https://board.example',
    }); // the team's new-fail mails
    mailer.sent.length = 0;
    await replies.replyAsBrand(deps(), alex, reply({ postId }));
    expect(mailer.sent).toHaveLength(0); // nothing is sent inside the write
    expect(
      await runDueJobs({
        db: database.db,
        mailer,
        now,
        allowPrivateWebhookTargets: false,
        siteUrl: 'https://board.example',
      }),
    ).toEqual({
      done: 1,
      failed: 0,
      released: 0,
    });
    expect(mailer.lastTo(customer.email).subject).toBe(
      'Northwind replied to “TV box dead on the night of the final”',
    );
  });

  it('respect a person who turned a kind off', async () => {
    const { alex, customer, postId } = await scene();
    await database.db
      .update(users)
      .set({ notificationSettings: { brand_reply: false } })
      .where(eq(users.id, customer.id));
    await replies.replyAsBrand(deps(), alex, reply({ postId }));
    const emails = (await listJobs(database.db, 'email')).map((job) => job.payload['to']);
    expect(emails).not.toContain(customer.email);
  });

  it('tell the team about a new fail', async () => {
    const { alex, marie } = await scene();
    const recipients = (await listJobs(database.db, 'email')).map((job) => job.payload['to']);
    const team = await database.db
      .select({ email: users.email })
      .from(users)
      .where(sql`${users.id} in (${alex.id}, ${marie.id})`);
    expect(recipients.sort()).toEqual(team.map((member) => member.email).sort());
  });
});

describe('claims and team', () => {
  it('makes a claimant with a work address the verified owner through the e-mailed link', async () => {
    const unclaimed = await createBrand(database.db, 'Pinebyte');
    const claimant = await createPerson(database.db);
    expect(
      await admin.claimBrand(deps(), claimant, {
        brandSlug: 'pinebyte',
        workEmail: 'me@gmail.example',
        message: '',
      }),
    ).toEqual({ ok: false, reason: 'wrong_domain' });
    expect(
      await admin.claimBrand(deps(), claimant, {
        brandSlug: 'pinebyte',
        workEmail: 'care@pinebyte.example',
        message: '',
      }),
    ).toEqual({ ok: true, mode: 'email_sent' });
    const token = tokenFrom(mailer.lastTo('care@pinebyte.example'));
    const someoneElse = await createPerson(database.db);
    expect(await admin.confirmClaim(deps(), someoneElse, token)).toEqual({
      ok: false,
      reason: 'invalid_token',
    });
    const confirmed = await admin.confirmClaim(deps(), claimant, token);
    expect(confirmed).toMatchObject({ ok: true, brandSlug: 'pinebyte' });
    expect(
      (await database.db.select().from(brands).where(eq(brands.id, unclaimed.id)))[0]?.verifiedAt,
    ).toEqual(now);
    expect(
      (await database.db.select().from(brandMembers).where(eq(brandMembers.brandId, unclaimed.id)))[0],
    ).toMatchObject({ userId: claimant.id, role: 'owner' });
  });

  it('puts a claim without a work address in the moderators’ queue, decided by a moderator only', async () => {
    await createBrand(database.db, 'Pinebyte');
    const claimant = await createPerson(database.db);
    const moderator = await createPerson(database.db, { role: 'moderator' });
    expect(
      await admin.claimBrand(deps(), claimant, {
        brandSlug: 'pinebyte',
        workEmail: null,
        message: 'I run support.',
      }),
    ).toEqual({ ok: true, mode: 'pending_review' });
    expect(await admin.decidePendingClaim(deps(), claimant, { claimId: 1, approve: true })).toMatchObject({
      ok: false,
      reason: 'refused',
    });
    expect(await admin.decidePendingClaim(deps(), moderator, { claimId: 1, approve: true })).toEqual({
      ok: true,
    });
    expect(await database.db.$count(brandMembers, eq(brandMembers.userId, claimant.id))).toBe(1);
  });

  it('lets an invited person join with the invited address only, and the owner remove them', async () => {
    const { alex } = await scene();
    const invitee = await createPerson(database.db);
    const other = await createPerson(database.db);
    await admin.inviteMember(deps(), alex, { brandSlug: 'northwind', email: invitee.email });
    const token = tokenFrom(mailer.lastTo(invitee.email));
    expect(await admin.acceptInvite(deps(), other, token)).toEqual({ ok: false, reason: 'other_address' });
    expect(await admin.acceptInvite(deps(), invitee, token)).toMatchObject({
      ok: true,
      brandSlug: 'northwind',
    });
    expect(await database.db.$count(brandMembers, eq(brandMembers.userId, invitee.id))).toBe(1);
    expect(
      await admin.removeTeamMember(deps(), alex, { brandSlug: 'northwind', userId: invitee.id }),
    ).toEqual({ ok: true });
    expect(await database.db.$count(brandMembers, eq(brandMembers.userId, invitee.id))).toBe(0);
  });
});
