/**
 * When a session is still valid and when its activity is written back
 * (lucia-auth.com's inactivity timeout): a session dies after 30 days without
 * use; while in use its last-activity time is refreshed at most once an hour,
 * so a busy reader does not write to the database on every page.
 */
export const SESSION_INACTIVITY_TIMEOUT_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_ACTIVITY_CHECK_INTERVAL_SECONDS = 60 * 60;

export type SessionCheck = 'expired' | 'valid' | 'valid-refresh';

export function checkSessionActivity(lastActiveAt: Date, now: Date): SessionCheck {
  const idleSeconds = (now.getTime() - lastActiveAt.getTime()) / 1000;
  if (idleSeconds >= SESSION_INACTIVITY_TIMEOUT_SECONDS) return 'expired';
  if (idleSeconds >= SESSION_ACTIVITY_CHECK_INTERVAL_SECONDS) return 'valid-refresh';
  return 'valid';
}
