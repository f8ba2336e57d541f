/**
 * Counts an attempt against a limit and says whether it may go ahead. An
 * `exempt` request (the load benchmark's bypass, src/server/bench-bypass.ts)
 * goes ahead without being counted.
 */
import type { Db } from '../../db/client.ts';
import { countAttempt } from '../../db/queries/rate-limits.ts';
import { judgeAttempt, type RateLimit, type RateLimitResult } from '../domain/rate-limits.ts';

export async function attempt(
  db: Db,
  limit: RateLimit,
  subject: string,
  now: Date,
  exempt: boolean = false,
): Promise<RateLimitResult> {
  if (exempt) return { ok: true, remaining: limit.limit };
  const { count, resetsAt } = await countAttempt(db, limit, subject.toLowerCase(), now);
  return judgeAttempt(limit, count, resetsAt, now);
}
