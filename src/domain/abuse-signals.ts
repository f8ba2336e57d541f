/**
 * Abuse signals (DESIGN §8), as pure rules with their thresholds in one place:
 *
 * - **Held likes**: a like from an account younger than 48 hours, arriving while
 *   its brand receives a burst of such likes (3 or more within the hour, this
 *   one included), is held for a moderator instead of being published. Bought
 *   or self-made praise comes this way: fresh accounts, one brand, minutes apart.
 * - **Brand self-flagging**: a brand whose own flags cover most of its fails gets
 *   a public notice on its page, so readers know the criticism is being contested
 *   wholesale (the flags themselves stay for moderators to decide).
 */

export const HELD_LIKES = {
  /** An account is "new" for this long after it was created. */
  youngAccountHours: 48,
  /** The burst is counted over this much time before the like… */
  burstWindowMinutes: 60,
  /** …and needs at least this many likes from new accounts, the incoming one included. */
  burstMinLikes: 3,
} as const;

const HOUR_MS = 3_600_000;

/**
 * Whether an account was new when it acted. An account "created after" the
 * moment in question does not exist outside tests with a fixed clock: not new.
 */
export function isYoungAccount(accountCreatedAt: Date, at: Date): boolean {
  const ageMs = at.getTime() - accountCreatedAt.getTime();
  return ageMs >= 0 && ageMs < HELD_LIKES.youngAccountHours * HOUR_MS;
}

/** The start of the burst window that ends at `at`. */
export function burstWindowStart(at: Date): Date {
  return new Date(at.getTime() - HELD_LIKES.burstWindowMinutes * 60_000);
}

export interface IncomingPost {
  kind: 'like' | 'fail';
  authorCreatedAt: Date;
  postedAt: Date;
  /** Likes for the same brand from new accounts since `burstWindowStart(postedAt)`, this one excluded. */
  earlierYoungLikes: number;
}

/** Whether a new post is held for review rather than published. Fails are never held. */
export function shouldHoldPost(post: IncomingPost): boolean {
  if (post.kind !== 'like') return false;
  if (!isYoungAccount(post.authorCreatedAt, post.postedAt)) return false;
  return post.earlierYoungLikes + 1 >= HELD_LIKES.burstMinLikes;
}

const SELF_FLAG_NOTICE = {
  /** Fewer flags than this by the brand never make a notice, whatever the share. */
  minBrandFlags: 5,
  /** The brand figures' 12-month window (STAT_WINDOW_DAYS['12m']). */
  windowDays: 365,
} as const;

/** Where the 12-month window of the notice starts. */
export function selfFlagWindowStart(now: Date): Date {
  return new Date(now.getTime() - SELF_FLAG_NOTICE.windowDays * 86_400_000);
}

export interface SelfFlagFacts {
  /** Flags the brand's team raised on the brand's own posts in the window. */
  brandFlags: number;
  /** Distinct published fails in the window the brand flagged. */
  flaggedFails: number;
  /** Published fails in the window. */
  fails: number;
}

/**
 * The public notice about a brand flagging its own fails, or null: at least
 * 5 flags by the brand, covering more than half of its fails in the window.
 */
export function selfFlagNotice(facts: SelfFlagFacts): { flaggedFails: number; fails: number } | null {
  if (facts.brandFlags < SELF_FLAG_NOTICE.minBrandFlags) return null;
  if (facts.fails === 0 || facts.flaggedFails * 2 <= facts.fails) return null;
  return {
    flaggedFails: facts.flaggedFails,
    fails: facts.fails,
  };
}
