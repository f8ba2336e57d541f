/**
 * One maintenance round per minute for the whole board, however many
 * instances run. Each instance's background loop asks for the round when its
 * own minute is up; the first to ask holds the `maintenance-round` lease for a
 * minute and runs it, the others are refused and ask again on their next tick,
 * so when the holder stops another instance takes over within a minute. The
 * `maintenance` lease inside the run (src/server/maintenance.ts) keeps two
 * runs from overlapping; this one keeps two instances from each running every
 * minute (without it two instances roll the windows twice a minute).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { takeLease } from '../../db/queries/leases.ts';

/** This process, as the round's holder. */
const HOLDER = `${process.pid}-${randomBytes(6).toString('hex')}`;

/** True when this instance should run the maintenance round that is due now. */
export function claimMaintenanceRound(
  db: Db,
  now: Date,
  roundMilliseconds: number,
  holder: string = HOLDER,
): Promise<boolean> {
  return takeLease(db, 'maintenance-round', holder, now, new Date(now.getTime() + roundMilliseconds));
}
