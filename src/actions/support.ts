/**
 * What every action adapter shares: the command dependencies, the answers most
 * commands' refusals get, and `respond` (src/domain/forms.ts), which turns a
 * command's result into the `FormResult` the page reads with one answer per
 * refusal reason.
 */
import { ActionError, type ActionAPIContext } from 'astro:actions';
import type { Actor, Refusal } from '../domain/policy.ts';
import { respond, type Answers, type FormResult } from '../domain/forms.ts';
import type { CommandDeps } from '../server/commands/deps.ts';
import { getMailer, siteUrl } from '../server/services.ts';
import { refusalLabel } from '../i18n/labels.ts';
import { describeRetry } from '../i18n/limits.ts';
import { m } from '../i18n/messages.ts';

export { respond, type FormResult } from '../domain/forms.ts';

export function commandDeps(context: ActionAPIContext): CommandDeps {
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

/*
 * Every answer is written when the action answers, not when this module loads: the answer is in
 * the language of the request (decision 014), so answers that say something are functions.
 */

/** Answers 429 with a sentence that says when to try again. */
export function tooManyRequests(retryAfterSeconds: number): never {
  throw new ActionError({ code: 'TOO_MANY_REQUESTS', message: describeRetry(retryAfterSeconds) });
}

/** A policy refusal as a form result: 401 to sign in, 403 otherwise, with the reason in words. */
export function refusedResult(refusal: Refusal): FormResult {
  return { ok: false, formError: refusalLabel(refusal), status: refusal === 'sign_in' ? 401 : 403 };
}

export const notFoundResult = (): FormResult => ({
  ok: false,
  formError: m.refusal_post_gone(),
  status: 404,
});

/**
 * The answers most commands share: the policy's refusal, a post that is gone,
 * a rate limit (429), field errors the command found. Spread them, then add
 * the command's own reasons.
 */
export const COMMON_ANSWERS = {
  refused: ({ refusal }: { refusal: Refusal }) => refusedResult(refusal),
  not_found: notFoundResult,
  rate_limited: ({ retryAfterSeconds }: { retryAfterSeconds: number }) => tooManyRequests(retryAfterSeconds),
  invalid: ({ fieldErrors }: { fieldErrors: Record<string, string> }): FormResult => ({
    ok: false,
    fieldErrors,
  }),
};

type CommandResult = { ok: true } | { ok: false; reason: string };

/**
 * The handler of an action that is its command and nothing more: run it for
 * the signed-in actor (the command authorizes with the policy), then answer
 * with `respond`: `success`, or the answer to the refusal's reason.
 */
export function runCommand<Input, R extends CommandResult>(
  command: (deps: CommandDeps, actor: Actor | null, input: Input) => Promise<R>,
  success: FormResult | ((done: Extract<R, { ok: true }>, input: Input) => FormResult),
  answers: Answers<R>,
) {
  return async (input: Input, context: ActionAPIContext): Promise<FormResult> =>
    respond(
      await command(commandDeps(context), context.locals.actor, input),
      typeof success === 'function' ? (done) => success(done, input) : success,
      answers,
    );
}
