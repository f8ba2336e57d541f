/**
 * The shapes a form travels in: what an action answers (`FormResult`) and
 * what the page that shows the form again reads from it (`FormState`,
 * built by src/server/forms.ts). Types only, shared by actions, pages and
 * components.
 */

export type FormResult =
  | {
      ok: true;
      message?: string;
      postId?: number;
      /** Where to go next (after logging in), already checked. */
      next?: string;
    }
  | {
      ok: false;
      fieldErrors?: Record<string, string>;
      formError?: string;
      /** HTTP status for the page that shows the form again (400 unless said). */
      status?: number;
      /** What the form needs to ask next: log in, confirm personal data, use an existing brand. */
      needsLogin?: boolean;
      personalData?: { emails: string[]; phones: string[] };
      existingBrand?: { slug: string; name: string };
    };

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
