/**
 * Reads a form action's outcome on the page that shows the form: field errors
 * (from the zod schema or the command), a form-level error, a success message,
 * and the values the person typed so nothing is lost (passwords excepted).
 */
import type { AstroGlobal } from 'astro';
import { isInputError } from 'astro:actions';
import type { FormResult } from '../actions/support.ts';

export interface FormState {
  submitted: boolean;
  /** The action's own result, for forms that ask follow-up questions (log in, personal data…). */
  result: FormResult | null;
  succeeded: boolean;
  message: string | null;
  formError: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

const NEVER_ECHOED = /password|token/i;

// Any action from `astro:actions`; typed loosely because each carries its own input type.
type AnyAction = Parameters<AstroGlobal['getActionResult']>[0];

export async function readFormState(astro: AstroGlobal, action: AnyAction): Promise<FormState> {
  const result = astro.getActionResult(action) as
    { data: FormResult; error: undefined } | { data: undefined; error: unknown } | undefined;
  const state: FormState = {
    submitted: Boolean(result),
    result: result?.data ?? null,
    succeeded: false,
    message: null,
    formError: null,
    fieldErrors: {},
    values: {},
  };
  if (!result) return state;
  if (result.data === undefined) {
    if (isInputError(result.error)) {
      for (const [field, messages] of Object.entries(result.error.fields)) {
        const first = (messages as string[] | undefined)?.[0];
        if (first) state.fieldErrors[field] = first;
      }
    } else {
      state.formError = (result.error as { message?: string }).message ?? 'Something went wrong.';
    }
  } else if (result.data.ok) {
    state.succeeded = true;
    state.message = result.data.message ?? null;
  } else {
    state.fieldErrors = result.data.fieldErrors ?? {};
    state.formError = result.data.formError ?? null;
    astro.response.status = result.data.status ?? 400;
  }
  if (!state.succeeded && astro.request.method === 'POST') {
    try {
      const data = await astro.request.formData();
      for (const [name, value] of data) {
        if (typeof value === 'string' && !NEVER_ECHOED.test(name)) state.values[name] = value;
      }
    } catch {
      // Not a form body: nothing to echo.
    }
  }
  return state;
}
