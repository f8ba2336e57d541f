/** What every action adapter shares: the command dependencies and the result shapes. */
import { ActionError, type ActionAPIContext } from 'astro:actions';
import { describeRefusal, type Actor, type Refusal } from '../domain/policy.ts';
import { describeRetry } from '../domain/rate-limits.ts';
import type { AccountDeps } from '../server/commands/accounts.ts';
import { getMailer, siteUrl } from '../server/services.ts';
import type { FormResult } from '../domain/forms.ts';

export type { FormResult } from '../domain/forms.ts';

export function commandDeps(context: ActionAPIContext): AccountDeps {
  let ipAddress: string | null;
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
    rateLimitExempt: context.locals.rateLimitExempt === true,
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

/** A policy refusal as a form result: 401 to sign in, 403 otherwise, with the reason in words. */
export function refusedResult(refusal: Refusal): FormResult {
  return { ok: false, formError: describeRefusal(refusal), status: refusal === 'sign_in' ? 401 : 403 };
}

export const NOT_FOUND_RESULT: FormResult = {
  ok: false,
  formError: 'This post is no longer open for that: it was withdrawn, removed or never existed.',
  status: 404,
};
