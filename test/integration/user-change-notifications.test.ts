/**
 * The database announces every change to an account, its sessions or its
 * brand memberships on `lf_users` (migration 0008), which the session caches
 * of every instance listen to: checked with a real LISTEN.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS_CHANNEL } from '../../db/queries/changes.ts';
import { brandMembers, sessions, users } from '../../db/schema.ts';
import { createSession } from '../../src/server/auth/session.ts';
import { createBrand, createPerson } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let stop: () => Promise<void>;
const heard: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  stop = await database.listen(USERS_CHANNEL, { onNotify: (payload) => heard.push(payload) });
});
afterAll(async () => {
  await stop();
  await database.destroy();
});

async function heardAfter(write: () => Promise<unknown>): Promise<string[]> {
  heard.length = 0;
  await write();
  // Notifications arrive after the commit, asynchronously.
  for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return [...heard];
}

describe('announcements of account changes', () => {
  it('name the account when it changes, when a session ends and when a membership moves', async () => {
    const person = await createPerson(database.db);
    const brand = await createBrand(database.db);
    const { session } = await createSession(
      database.db,
      person.id,
      { userAgent: null, ipAddress: null },
      new Date(),
    );
    const id = String(person.id);

    expect(
      await heardAfter(() =>
        database.db.update(users).set({ displayName: 'Renamed' }).where(eq(users.id, person.id)),
      ),
    ).toEqual([id]);
    expect(
      await heardAfter(() =>
        database.db.insert(brandMembers).values({ brandId: brand.id, userId: person.id, role: 'member' }),
      ),
    ).toEqual([id]);
    expect(
      await heardAfter(() =>
        database.db.update(brandMembers).set({ role: 'owner' }).where(eq(brandMembers.userId, person.id)),
      ),
    ).toEqual([id]);
    expect(
      await heardAfter(() => database.db.delete(brandMembers).where(eq(brandMembers.userId, person.id))),
    ).toEqual([id]);
    expect(await heardAfter(() => database.db.delete(sessions).where(eq(sessions.id, session.id)))).toEqual([
      id,
    ]);
  });

  it('say nothing when a session only records activity', async () => {
    const person = await createPerson(database.db);
    const { session } = await createSession(
      database.db,
      person.id,
      { userAgent: null, ipAddress: null },
      new Date(),
    );
    expect(
      await heardAfter(() =>
        database.db.update(sessions).set({ lastActiveAt: new Date() }).where(eq(sessions.id, session.id)),
      ),
    ).toEqual([]);
  });
});
