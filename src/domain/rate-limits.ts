/**
 * The board's rate limits (DESIGN §8): how many attempts per window, per
 * subject. Stored in the database (db/queries/rate-limits.ts) so they hold
 * across several app instances. Windows are fixed: simple to reason about,
 * and a burst at a boundary can at most double a limit briefly.
 */
export interface RateLimit {
  /** Names the bucket; the subject (an IP, an account, an address) is appended. */
  name: string;
  limit: number;
  windowSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RATE_LIMITS = {
  /** Wrong or right, every log-in attempt for one account. */
  loginPerAccount: { name: 'login:account', limit: 10, windowSeconds: 15 * MINUTE },
  /**
   * Every log-in attempt from one address, whichever account. Many people share an address (an office,
   * a campus, a mobile carrier's NAT), and guessing one password is stopped per account above: this caps
   * trying many accounts from one address (400 an hour).
   */
  loginPerIp: { name: 'login:ip', limit: 100, windowSeconds: 15 * MINUTE },
  signupPerIp: { name: 'signup:ip', limit: 5, windowSeconds: HOUR },
  /** Verification, reset and change links sent to one address. */
  emailsPerAddress: { name: 'email:address', limit: 5, windowSeconds: HOUR },
  resetPerIp: { name: 'reset:ip', limit: 10, windowSeconds: HOUR },
  /** Password checks of a signed-in account (change password or e-mail, delete): no unlimited guessing. */
  passwordChecksPerAccount: { name: 'password:account', limit: 10, windowSeconds: 15 * MINUTE },
  postsPerAccount: { name: 'post:account', limit: 10, windowSeconds: DAY },
  repliesPerAccount: { name: 'reply:account', limit: 60, windowSeconds: HOUR },
  /** Marking posts helpful (and taking the mark back). */
  helpfulMarksPerAccount: { name: 'helpful:account', limit: 60, windowSeconds: HOUR },
  flagsPerAccount: { name: 'flag:account', limit: 20, windowSeconds: DAY },
  apiPerIp: { name: 'api:ip', limit: 300, windowSeconds: 5 * MINUTE },
  /** Opening a live stream (an open stream is not counted again): a page view with its reconnections. */
  liveStreamsPerIp: { name: 'live:ip', limit: 300, windowSeconds: 5 * MINUTE },
} as const satisfies Record<string, RateLimit>;

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Decides from the bucket's count after this attempt was added. */
export function judgeAttempt(
  limit: RateLimit,
  countAfterAttempt: number,
  resetsAt: Date,
  now: Date,
): RateLimitResult {
  if (countAfterAttempt <= limit.limit) return { ok: true, remaining: limit.limit - countAfterAttempt };
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000)),
  };
}
