import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAttempt } from '../../db/queries/rate-limits.ts';
import { insertUser } from '../../db/queries/users.ts';
import { brandMembers, sessions } from '../../db/schema.ts';
import { RATE_LIMITS } from '../../src/domain/rate-limits.ts';
import { createSession, validateSessionToken } from '../../src/server/auth/session.ts';
import { runMaintenance } from '../../src/server/maintenance.ts';
import { attempt } from '../../src/server/rate-limit.ts';
import { createBrand } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const start = new Date('2026-06-15T12:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const meta = { userAgent: 'vitest', ipAddress: '203.0.113.1' };

async function newSession() {
  const user = await insertUser(database.db, { email: `u${Math.random()}@test.example`, displayName: 'U' });
  return { user, ...(await createSession(database.db, user.id, meta, start)) };
}

describe('sessions in the database', () => {
  it('keep only the hash of the secret', async () => {
    const { token, session } = await newSession();
    const [row] = await database.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(JSON.stringify(row)).not.toContain(token.split('.')[1]);
  });

  it('validate the token and refuse a wrong secret for the same id', async () => {
    const { token, user } = await newSession();
    expect((await validateSessionToken(database.db, token, at(10))).user?.id).toBe(user.id);
    const [id] = token.split('.');
    expect((await validateSessionToken(database.db, `${id}.${'a'.repeat(24)}`, at(10))).user).toBeNull();
  });

  it('come with the account and its brand memberships in one read', async () => {
    const { token, user } = await newSession();
    expect((await validateSessionToken(database.db, token, at(10))).memberships).toEqual([]);
    const brand = await createBrand(database.db, `Session Brand ${Math.random()}`);
    await database.db.insert(brandMembers).values({ brandId: brand.id, userId: user.id, role: 'owner' });
    const validated = await validateSessionToken(database.db, token, at(20));
    expect(validated.memberships).toEqual([
      { brandId: brand.id, role: 'owner', brandSlug: brand.slug, brandName: brand.name },
    ]);
  });

  it('write activity back after an hour, not before', async () => {
    const { token, session } = await newSession();
    expect((await validateSessionToken(database.db, token, at(600))).refreshed).toBe(false);
    const refreshed = await validateSessionToken(database.db, token, at(3600));
    expect(refreshed.refreshed).toBe(true);
    const [row] = await database.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row?.lastActiveAt).toEqual(at(3600));
  });

  it('end after 30 days without use, and delete the row', async () => {
    const { token, session } = await newSession();
    expect((await validateSessionToken(database.db, token, at(30 * 86_400))).user).toBeNull();
    expect(await database.db.$count(sessions, eq(sessions.id, session.id))).toBe(0);
  });

  it('are swept by maintenance once expired, even when their cookie never comes back', async () => {
    const forgotten = await newSession();
    const inUse = await newSession();
    await validateSessionToken(database.db, inUse.token, at(2 * 86_400)); // used again two days later
    const report = await runMaintenance(database.db, at(30 * 86_400));
    expect(report.ran).toBe(true);
    expect(await database.db.$count(sessions, eq(sessions.id, forgotten.session.id))).toBe(0);
    expect(await database.db.$count(sessions, eq(sessions.id, inUse.session.id))).toBe(1);
  });
});

describe('rate limits in the database', () => {
  it('count concurrent attempts exactly, so parallel requests cannot slip under the limit', async () => {
    const limit = RATE_LIMITS.signupPerIp;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => attempt(database.db, limit, '198.51.100.7', start)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(limit.limit);
  });

  it('start a new window once the old one is over', async () => {
    const limit = RATE_LIMITS.resetPerIp;
    await countAttempt(database.db, limit, 'x', start);
    expect((await countAttempt(database.db, limit, 'x', at(10))).count).toBe(2);
    expect((await countAttempt(database.db, limit, 'x', at(limit.windowSeconds))).count).toBe(1);
  });
});
