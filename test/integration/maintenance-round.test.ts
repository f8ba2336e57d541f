/** Several instances run one maintenance round a minute between them, not one each. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimMaintenanceRound } from '../../src/server/maintenance-round.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const MINUTE = 60_000;
const t = (seconds: number) => new Date(Date.UTC(2026, 10, 30, 12, 0, 0) + seconds * 1000);

describe('the maintenance round', () => {
  it('goes to the first instance that asks, and to no other until its minute is over', async () => {
    const db = database.db;
    expect(await claimMaintenanceRound(db, t(0), MINUTE, 'instance-a')).toBe(true);
    expect(await claimMaintenanceRound(db, t(5), MINUTE, 'instance-b')).toBe(false);
    expect(await claimMaintenanceRound(db, t(55), MINUTE, 'instance-b')).toBe(false);
    expect(await claimMaintenanceRound(db, t(60), MINUTE, 'instance-b')).toBe(true);
    expect(await claimMaintenanceRound(db, t(61), MINUTE, 'instance-a')).toBe(false);
  });

  it('is run once a minute by two instances that each ask every 5 seconds once their own minute is up', async () => {
    const db = database.db;
    const lastRunAt = new Map<string, number>([
      ['instance-c', -Infinity],
      ['instance-d', -Infinity],
    ]);
    const rounds: number[] = [];
    for (let second = 1_000; second < 1_180; second += 5) {
      for (const [instance, last] of lastRunAt) {
        const now = t(second + (instance === 'instance-d' ? 2 : 0));
        if (now.getTime() - last < MINUTE) continue;
        if (await claimMaintenanceRound(db, now, MINUTE, instance)) {
          lastRunAt.set(instance, now.getTime());
          rounds.push(second);
        }
      }
    }
    expect(rounds).toEqual([1_000, 1_060, 1_120]);
  });

  it('goes to exactly one of many instances asking at once', async () => {
    const db = database.db;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => claimMaintenanceRound(db, t(5_000), MINUTE, `instance-${i}`)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
