/**
 * The Container API renders pages but does not run form actions: this
 * middleware runs one action on a form post the way Astro's pipeline does,
 * and hands its result to the page through Astro's public action API.
 */
import type { MiddlewareHandler } from 'astro';
import { getActionContext } from 'astro:actions';

/** An action as `defineAction` makes it: `orThrow` runs its handler with the request's context. */
interface FormAction {
  orThrow: unknown;
}

export function runFormAction(name: string, action: FormAction): MiddlewareHandler {
  return async (context, next) => {
    const { action: called, setActionResult, serializeActionResult } = getActionContext(context);
    if (called?.calledFrom === 'form' && called.name === name) {
      const form = await context.request.clone().formData();
      const run = action.orThrow as (this: unknown, input: FormData) => Promise<unknown>;
      let result;
      try {
        result = { data: await run.call(context, form), error: undefined };
      } catch (error) {
        result = { data: undefined, error };
      }
      setActionResult(
        called.name,
        serializeActionResult(result as Parameters<typeof serializeActionResult>[0]),
      );
    }
    return next();
  };
}
