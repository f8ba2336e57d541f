import type { FormState } from '../../domain/forms.ts';

/** The aria-describedby of a control framed by FieldFrame: its hint and its error, when present. */
export function describedBy(
  id: string,
  hint: string | undefined,
  error: string | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return ids || undefined;
}

/**
 * A field bound to its form by name: what the person typed when the form comes
 * back (else `value`, the default the page gives), and the error for that name
 * (else `error`, one the page gives).
 */
export function bindField(
  form: FormState | null | undefined,
  name: string,
  value: string | null | undefined,
  error: string | undefined,
): { value: string | undefined; error: string | undefined } {
  return {
    value: form?.values[name] ?? value ?? undefined,
    error: form?.fieldErrors[name] ?? error,
  };
}
