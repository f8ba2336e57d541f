/** One instance at a time runs maintenance: the lease in the database decides. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseLease, takeLease } from '../../db/queries/leases.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const t = (seconds: number) => new Date(Date.UTC(2026, 10, 30, 12, 0, seconds));

describe('background leases', () => {
  it('go to one holder until released or expired', async () => {
    const db = database.db;
    expect(await takeLease(db, 'maintenance', 'instance-a', t(0), t(60))).toBe(true);
    expect(await takeLease(db, 'maintenance', 'instance-b', t(1), t(61))).toBe(false);
    // A holder may renew its own lease.
    expect(await takeLease(db, 'maintenance', 'instance-a', t(2), t(62))).toBe(true);
    await releaseLease(db, 'maintenance', 'instance-b'); // not b's to release
    expect(await takeLease(db, 'maintenance', 'instance-b', t(3), t(63))).toBe(false);
    await releaseLease(db, 'maintenance', 'instance-a');
    expect(await takeLease(db, 'maintenance', 'instance-b', t(4), t(64))).toBe(true);
    // A holder that died: its lease frees itself when it expires.
    expect(await takeLease(db, 'maintenance', 'instance-c', t(63), t(120))).toBe(false);
    expect(await takeLease(db, 'maintenance', 'instance-c', t(64), t(120))).toBe(true);
  });

  it('are taken by exactly one of many instances asking at once', async () => {
    const db = database.db;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => takeLease(db, 'race', `instance-${i}`, t(0), t(60))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
