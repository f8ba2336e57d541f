/**
 * The form module's shared vocabulary (README "Forms"): what an action
 * answers (`FormResult`, from a command's result through `respond`), what the
 * page that shows the form again reads from it (`FormState`, built by
 * src/server/forms.ts and bound to fields by name with
 * `<Field form={state} name="…">`), and the messages a page shows after a
 * successful form has redirected to a fresh GET (`FLASHES`, `?done=`). Pure:
 * shared by actions, pages and components.
 */

/**
 * What a page says once it has redirected after a successful form, keyed by
 * the `done` parameter (built by `paths.done`): a closed list, so nothing in
 * the URL is ever shown as typed. `anchor` is where the page scrolls to.
 */
export const FLASHES = {
  posted: { message: 'Your post is published. The brand can now answer it here, in public.' },
  'follow-up': { message: 'Your follow-up is published.', anchor: 'thread-title' },
  'me-too': { message: 'Counted: this happened to you too.', anchor: 'me-too-title' },
  helpful: {
    message: 'Marked helpful. Thank you: the most helpful stories are featured.',
    anchor: 'helpful-title',
  },
  'not-helpful': { message: 'Your “helpful” mark is taken back.', anchor: 'helpful-title' },
  verdict: { message: 'Your verdict is published.', anchor: 'verdict-title' },
  reply: { message: 'Your reply is published.', anchor: 'thread-title' },
  taken: { message: 'You are now handling this case.', anchor: 'brand-panel-title' },
  flagged: { message: 'Thank you. A moderator will look at it; it stays visible until then.' },
  'already-flagged': { message: 'You already flagged this. A moderator will look at it.' },
  decision: {
    message: 'Decision recorded: the flags are closed, the author is told, and the audit log has it.',
    anchor: 'flags-title',
  },
  'image-removed': {
    message: 'The image is removed: a notice takes its place, and the audit log has it.',
  },
  'held-decided': { message: 'Decision recorded in the audit log.' },
  suspended: { message: 'Suspended: the account’s sessions are ended and it can no longer log in.' },
  lifted: { message: 'Suspension lifted: the account can log in again.' },
  welcome: { message: 'Your e-mail address is confirmed. Welcome!' },
  'password-reset': { message: 'Your new password is saved and every other device was logged out.' },
  'account-deleted': { message: 'Your account is deleted: your posts stay, signed “former customer”.' },
} as const satisfies Record<string, { message: string; anchor?: string }>;

export type Flash = keyof typeof FLASHES;

/** The message for a `?done=` value, or null when it names none (anything typed by hand). */
export function flashMessage(done: string | null): string | null {
  const flash = flashNamed(done);
  return flash === null ? null : FLASHES[flash].message;
}

/** The flash a `?done=` value names, or null (pages show it in their language: src/i18n/labels.ts). */
export function flashNamed(done: string | null): Flash | null {
  return done !== null && Object.hasOwn(FLASHES, done) ? (done as Flash) : null;
}

export type FormResult =
  | {
      ok: true;
      /** Said beside the form on the same page (forms that do not redirect). */
      message?: string;
      /** Said after the redirect to a fresh GET (forms whose page redirects). */
      flash?: Flash;
      postId?: number;
      /** The brand the form led into (a confirmed claim, an accepted invitation). */
      brandSlug?: string;
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
  /** What the page says after redirecting (`paths.done`), when the action named it. */
  flash: Flash | null;
  formError: string | null;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/**
 * Whether a form sent back refused is the one of this item, on a page that
 * repeats one form per item (flags, the moderation queue, held posts): every
 * hidden field that names the item matches. That form opens with its errors.
 */
export function isSentFor(state: FormState, itemFields: Readonly<Record<string, string>>): boolean {
  return (
    state.submitted &&
    !state.succeeded &&
    Object.entries(itemFields).every(([name, value]) => (state.values[name] ?? '') === value)
  );
}

/*
 * Every way a command can refuse must have an answer: `Answers<R>` has one key
 * per refusal reason of the command result `R`, so a reason a command adds and
 * no action maps is a type error, not a silent fall-through
 * (test/unit/form-answers.test.ts shows it).
 */
type Refused = { ok: false; reason: string };
type RefusedOf<R> = Extract<R, Refused>;

/** One answer per refusal reason of the command result `R`: a form result, or a function of the refusal. */
export type Answers<R> = {
  [Reason in RefusedOf<R>['reason']]:
    FormResult | ((refused: Extract<RefusedOf<R>, { reason: Reason }>) => FormResult);
};

/** A command's result as the form's: `success` when it went through, else the answer to its reason. */
export function respond<R extends { ok: true } | Refused>(
  result: R,
  success: FormResult | ((done: Extract<R, { ok: true }>) => FormResult),
  answers: Answers<R>,
): FormResult {
  if (result.ok) {
    return typeof success === 'function' ? success(result as Extract<R, { ok: true }>) : success;
  }
  const refused = result as RefusedOf<R>;
  const answer = answers[refused.reason as RefusedOf<R>['reason']] as
    FormResult | ((refused: RefusedOf<R>) => FormResult);
  return typeof answer === 'function' ? answer(refused) : answer;
}
