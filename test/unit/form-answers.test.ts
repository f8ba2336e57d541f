/**
 * The form module's rules: every refusal a command can return has an answer
 * (by construction: leaving one out does not compile, `npm run check`), flash
 * messages come from a closed list, and `paths.done` builds the URL a page
 * redirects to after a successful form.
 */
import { describe, expect, it } from 'vitest';
import {
  FLASHES,
  flashMessage,
  isSentFor,
  respond,
  type Answers,
  type FormResult,
  type FormState,
} from '../../src/domain/forms.ts';
import { paths } from '../../src/paths.ts';

type ClaimResult =
  | { ok: true; brandSlug: string }
  | { ok: false; reason: 'invalid_token' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

const answers: Answers<ClaimResult> = {
  invalid_token: { ok: false, formError: 'This link is invalid.' },
  rate_limited: ({ retryAfterSeconds }) => ({
    ok: false,
    formError: `Wait ${retryAfterSeconds} s.`,
    status: 429,
  }),
};

const claim = (result: ClaimResult): FormResult =>
  respond(result, (done) => ({ ok: true, brandSlug: done.brandSlug }), answers);

describe('a command result answered by respond()', () => {
  it('is the success the action gives, built from the result when it needs it', () => {
    expect(claim({ ok: true, brandSlug: 'northwind' })).toEqual({ ok: true, brandSlug: 'northwind' });
  });

  it('is the answer to its reason, given the refusal’s own fields', () => {
    expect(claim({ ok: false, reason: 'invalid_token' })).toEqual({
      ok: false,
      formError: 'This link is invalid.',
    });
    expect(claim({ ok: false, reason: 'rate_limited', retryAfterSeconds: 30 })).toEqual({
      ok: false,
      formError: 'Wait 30 s.',
      status: 429,
    });
  });

  it('cannot leave a reason unanswered: the adapter does not compile', () => {
    // @ts-expect-error — `rate_limited` has no answer: a command's new reason breaks the build, not the page.
    const incomplete: Answers<ClaimResult> = { invalid_token: { ok: false } };
    // What the type prevents: at run time the refusal would fall through to nothing.
    expect(
      respond({ ok: false, reason: 'rate_limited', retryAfterSeconds: 1 }, { ok: true }, incomplete),
    ).toBe(undefined);
  });

  it('cannot answer a reason the command never gives', () => {
    const answered: Answers<ClaimResult> = {
      ...answers,
      // @ts-expect-error — `expired` is no reason of this command: a misspelt or stale answer is caught.
      expired: { ok: false },
    };
    expect(Object.keys(answered)).toContain('expired');
  });
});

describe('flash messages after a redirect', () => {
  it('are said for the names of the closed list', () => {
    expect(flashMessage('me-too')).toBe('Counted: this happened to you too.');
  });

  it.each([null, '', 'nope', '<script>alert(1)</script>', 'constructor', '__proto__', 'toString'])(
    'say nothing for %j: nothing typed in the URL is shown',
    (done) => {
      expect(flashMessage(done)).toBeNull();
    },
  );

  it('are all sentences', () => {
    for (const { message } of Object.values(FLASHES)) expect(message).toMatch(/^[A-Z].*[.!]$/);
  });
});

describe('paths.done', () => {
  it('names the message and scrolls to where it matters', () => {
    expect(paths.done(paths.post(12), 'follow-up')).toBe('/posts/12?done=follow-up#thread-title');
    expect(paths.done(paths.post(12), 'posted')).toBe('/posts/12?done=posted');
  });

  it('keeps the query the page already had', () => {
    expect(paths.done(paths.moderationAccounts('a@b.example'), 'suspended')).toBe(
      '/moderation/accounts?email=a%40b.example&done=suspended',
    );
  });

  it('is the page itself when the form has nothing to say', () => {
    expect(paths.done(paths.post(12), null)).toBe('/posts/12');
  });
});

describe('a form repeated once per item', () => {
  const refused = (values: Record<string, string>): FormState => ({
    submitted: true,
    result: { ok: false, formError: 'No.' },
    succeeded: false,
    message: null,
    flash: null,
    formError: 'No.',
    fieldErrors: {},
    values,
  });

  it('is the one sent when every field naming the item matches, an empty one included', () => {
    const sent = refused({ postId: '7', messageId: '', reason: 'spam' });
    expect(isSentFor(sent, { postId: '7', messageId: '' })).toBe(true);
    expect(isSentFor(sent, { postId: '7', messageId: '3' })).toBe(false);
    expect(isSentFor(sent, { postId: '8', messageId: '' })).toBe(false);
  });

  it('is none of them when nothing was sent, or when it went through', () => {
    expect(isSentFor({ ...refused({}), submitted: false }, {})).toBe(false);
    expect(isSentFor({ ...refused({ postId: '7' }), succeeded: true }, { postId: '7' })).toBe(false);
  });
});
