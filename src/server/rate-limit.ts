/** Counts an attempt against a limit and says whether it may go ahead. */
import type { Db } from '../../db/client.ts';
import { countAttempt } from '../../db/queries/rate-limits.ts';
import { judgeAttempt, type RateLimit, type RateLimitResult } from '../domain/rate-limits.ts';

export async function attempt(
  db: Db,
  limit: RateLimit,
  subject: string,
  now: Date,
): Promise<RateLimitResult> {
  const { count, resetsAt } = await countAttempt(db, limit, subject.toLowerCase(), now);
  return judgeAttempt(limit, count, resetsAt, now);
}
