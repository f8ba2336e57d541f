/**
 * Reads a form action's outcome on the page that shows the form: field errors
 * (from the zod schema or the command), a form-level error, a success message,
 * and the values the person typed so nothing is lost (passwords excepted).
 */
import { randomUUID } from 'node:crypto';
import type { AstroGlobal } from 'astro';
import { isInputError } from 'astro:actions';
import type { FormResult, FormState } from '../domain/forms.ts';
import { logger } from './logger.ts';
import { UPLOAD_TOO_LARGE } from '../domain/evidence.ts';
import { NEVER_ECHOED } from './oversized-upload.ts';
import { translateFieldErrors, translateFieldMessage } from '../i18n/field-messages.ts';
import { m } from '../i18n/messages.ts';

export type { FormState } from '../domain/forms.ts';

/** Errors the actions raise on purpose (src/actions/support.ts): their message is written for people. */
const SPOKEN_CODES = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'TOO_MANY_REQUESTS']);

/**
 * A failed action's message for the form. An unexpected error (a database
 * failure, a bug) carries internals (SQL, parameters): the person gets a
 * generic sentence with a reference, the log gets the details under it.
 */
export function describeActionError(error: unknown, where: string): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && SPOKEN_CODES.has(code) && message) return message;
  const reference = randomUUID().slice(0, 8);
  logger.error({ reference, where, err: error }, 'Unexpected error in a form action');
  return m.refusal_unexpected({ reference });
}

// Any action from `astro:actions`; typed loosely because each carries its own input type.
type AnyAction = Parameters<AstroGlobal['getActionResult']>[0];

const isTooLarge = (error: unknown) => (error as { code?: string } | null)?.code === 'CONTENT_TOO_LARGE';

export async function readFormState(astro: AstroGlobal, action: AnyAction): Promise<FormState> {
  const result = astro.getActionResult(action) as
    { data: FormResult; error: undefined } | { data: undefined; error: unknown } | undefined;
  const state: FormState = {
    submitted: Boolean(result),
    result: result?.data ?? null,
    succeeded: false,
    message: null,
    flash: null,
    formError: null,
    fieldErrors: {},
    values: {},
  };
  if (!result) return state;
  if (result.data === undefined) {
    if (isInputError(result.error)) {
      // zod wrote the domain's English (src/domain/field-messages.ts): said here in the page's language.
      for (const [field, messages] of Object.entries(result.error.fields)) {
        const first = (messages as string[] | undefined)?.[0];
        if (first) state.fieldErrors[field] = translateFieldMessage(first);
      }
    } else if (isTooLarge(result.error)) {
      // Images over the limit: the middleware kept the text (src/server/oversized-upload.ts).
      state.fieldErrors.image1 = translateFieldMessage(UPLOAD_TOO_LARGE);
      state.formError = state.fieldErrors.image1;
      state.values = { ...(astro.locals.refusedUpload ?? {}) };
      astro.response.status = 413;
      return state;
    } else {
      state.formError = describeActionError(result.error, astro.url.pathname);
    }
  } else if (result.data.ok) {
    state.succeeded = true;
    state.message = result.data.message ?? null;
    state.flash = result.data.flash ?? null;
  } else {
    // A command's field errors come from the domain in English; the action's own answers are already in the page's language.
    state.fieldErrors = translateFieldErrors(result.data.fieldErrors ?? {});
    state.formError = result.data.formError ?? null;
    astro.response.status = result.data.status ?? 400;
  }
  if (!state.succeeded) state.values = await readTypedValues(astro.request);
  return state;
}

/**
 * What a posted form carried, to show it again (passwords and tokens never
 * are); nothing for a GET or a body that is not a form. Also for a page's own
 * buttons that post the form back to it without an action (/new's brand picker).
 */
export async function readTypedValues(request: Request): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  if (request.method !== 'POST') return values;
  try {
    const data = await request.formData();
    for (const [name, value] of data) {
      if (typeof value === 'string' && !NEVER_ECHOED.test(name)) values[name] = value;
    }
  } catch {
    // Not a form body: nothing to echo.
  }
  return values;
}
