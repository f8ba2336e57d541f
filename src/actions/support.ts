/** What every action adapter shares: the command dependencies and the result shapes. */
import { ActionError, type ActionAPIContext } from 'astro:actions';
import type { Actor } from '../domain/policy.ts';
import { describeRetry } from '../domain/rate-limits.ts';
import type { AccountDeps } from '../server/commands/accounts.ts';
import { getMailer, siteUrl } from '../server/services.ts';

export type FormResult =
  { ok: true; message?: string } | { ok: false; fieldErrors?: Record<string, string>; formError?: string };

export function commandDeps(context: ActionAPIContext): AccountDeps {
  let ipAddress: string | null = null;
  try {
    ipAddress = context.clientAddress;
  } catch {
    ipAddress = null; // not available outside a real HTTP request
  }
  return {
    db: context.locals.db,
    mailer: getMailer(),
    now: context.locals.now ?? new Date(),
    siteUrl,
    meta: { userAgent: context.request.headers.get('user-agent'), ipAddress },
  };
}

/** Answers 429 with a sentence that says when to try again. */
export function tooManyRequests(retryAfterSeconds: number): never {
  throw new ActionError({ code: 'TOO_MANY_REQUESTS', message: describeRetry(retryAfterSeconds) });
}

/** The signed-in actor, or 401: every action authorizes itself (actions are public endpoints). */
export function requireActor(context: ActionAPIContext): Actor {
  const actor = context.locals.actor;
  if (!actor) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Please log in first.' });
  return actor;
}
