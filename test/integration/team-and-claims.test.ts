/**
 * Who may speak for a brand, against the ways around it an audit found: an
 * old invitation bringing a removed member back, invitations that cannot be
 * taken back, claims approved on a brand that already has an owner, and the
 * same claim filed again and again.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { brandClaims, brandMembers } from '../../db/schema.ts';
import * as admin from '../../src/server/commands/brand-admin.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createBrand, createPerson, joinTeam, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer, tokenFrom, type CapturingMailer } from '../helpers/mailer.ts';

let database: TestDatabase;
let mailer: CapturingMailer;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  mailer = createCapturingMailer();
  await database.db.execute(
    sql`truncate users, brands, rate_limit_buckets, email_tokens restart identity cascade`,
  );
});

const deps = (): CommandDeps => commandDeps(database.db, { mailer, ipAddress: '203.0.113.7' });

async function teamScene() {
  const brand = await createBrand(database.db, 'Northwind');
  const owner = await joinTeam(database.db, await createPerson(database.db), brand.id, 'owner');
  const invitee = await createPerson(database.db);
  return { brand, owner, invitee };
}

const isMember = async (brandId: number, userId: number) =>
  (await database.db.$count(
    brandMembers,
    and(eq(brandMembers.brandId, brandId), eq(brandMembers.userId, userId)),
  )) > 0;

describe('team invitations', () => {
  it('a removed member cannot come back with an invitation sent before the removal', async () => {
    const { brand, owner, invitee } = await teamScene();
    await admin.inviteMember(deps(), owner, { brandSlug: brand.slug, email: invitee.email });
    const first = tokenFrom(mailer.lastTo(invitee.email));
    await admin.inviteMember(deps(), owner, { brandSlug: brand.slug, email: invitee.email });
    const second = tokenFrom(mailer.lastTo(invitee.email));
    expect(await admin.acceptInvite(deps(), invitee, first)).toMatchObject({ ok: true });
    expect(
      await admin.removeTeamMember(deps(), owner, { brandSlug: brand.slug, userId: invitee.id }),
    ).toEqual({ ok: true });
    expect(await admin.acceptInvite(deps(), invitee, second)).toEqual({ ok: false, reason: 'invalid_token' });
    expect(await isMember(brand.id, invitee.id)).toBe(false);
  });

  it('the owner revokes an unused invitation and its link stops working; nobody else can', async () => {
    const { brand, owner, invitee } = await teamScene();
    await admin.inviteMember(deps(), owner, { brandSlug: brand.slug, email: invitee.email });
    const token = tokenFrom(mailer.lastTo(invitee.email));
    const inviteId = token.split('.')[0]!;
    const outsider = await createPerson(database.db);
    expect(await admin.revokeInvite(deps(), outsider, { brandSlug: brand.slug, inviteId })).toMatchObject({
      ok: false,
      reason: 'refused',
    });
    expect(await admin.revokeInvite(deps(), owner, { brandSlug: brand.slug, inviteId })).toEqual({
      ok: true,
    });
    expect(await admin.revokeInvite(deps(), owner, { brandSlug: brand.slug, inviteId })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await admin.acceptInvite(deps(), invitee, token)).toEqual({ ok: false, reason: 'invalid_token' });
    expect(await isMember(brand.id, invitee.id)).toBe(false);
  });
});

describe('brand claims', () => {
  async function claimScene() {
    const brand = await createBrand(database.db, 'Pinebyte');
    const moderator = await createPerson(database.db, { role: 'moderator' });
    const first = await createPerson(database.db);
    const second = await createPerson(database.db);
    const claim = (person: typeof first) =>
      admin.claimBrand(deps(), person, { brandSlug: brand.slug, workEmail: null, message: 'We run it.' });
    return { brand, moderator, first, second, claim };
  }
  const claimsOf = (brandId: number) =>
    database.db.select().from(brandClaims).where(eq(brandClaims.brandId, brandId)).orderBy(brandClaims.id);

  it('one waiting claim per person and brand', async () => {
    const { brand, first, claim } = await claimScene();
    expect(await claim(first)).toEqual({ ok: true, mode: 'pending_review' });
    expect(await claim(first)).toEqual({ ok: false, reason: 'already_pending' });
    expect(await claimsOf(brand.id)).toHaveLength(1);
  });

  it('approving one claim closes the others, and a claim on an owned brand cannot be approved', async () => {
    const { brand, moderator, first, second, claim } = await claimScene();
    await claim(first);
    await claim(second);
    const [a, b] = await claimsOf(brand.id);
    expect(await admin.decidePendingClaim(deps(), moderator, { claimId: a!.id, approve: true })).toEqual({
      ok: true,
    });
    expect((await claimsOf(brand.id)).map((row) => row.status)).toEqual(['approved', 'rejected']);
    expect(await admin.decidePendingClaim(deps(), moderator, { claimId: b!.id, approve: true })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    // A claim filed after the brand has an owner is refused at approval, and the owner stays.
    await database.db.update(brandClaims).set({ status: 'pending' }).where(eq(brandClaims.id, b!.id));
    expect(await admin.decidePendingClaim(deps(), moderator, { claimId: b!.id, approve: true })).toEqual({
      ok: false,
      reason: 'already_claimed',
    });
    expect(await isMember(brand.id, second.id)).toBe(false);
    const owners = await database.db
      .select()
      .from(brandMembers)
      .where(and(eq(brandMembers.brandId, brand.id), eq(brandMembers.role, 'owner')));
    expect(owners.map((row) => row.userId)).toEqual([first.id]);
  });

  it('a work-address link does not take a brand that got an owner meanwhile', async () => {
    const { brand, moderator, first, second, claim } = await claimScene();
    await claim(first);
    expect(
      await admin.claimBrand(deps(), second, {
        brandSlug: brand.slug,
        workEmail: `care@${brand.domain}`,
        message: '',
      }),
    ).toEqual({ ok: true, mode: 'email_sent' });
    const token = tokenFrom(mailer.lastTo(`care@${brand.domain}`));
    const [pending] = await claimsOf(brand.id);
    await admin.decidePendingClaim(deps(), moderator, { claimId: pending!.id, approve: true });
    expect(await admin.confirmClaim(deps(), second, token)).toEqual({ ok: false, reason: 'already_claimed' });
    expect(await isMember(brand.id, second.id)).toBe(false);
  });
});
