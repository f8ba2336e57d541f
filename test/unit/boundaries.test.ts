/**
 * What the boundaries refuse before anything reaches the database: ids the
 * database cannot hold, and error details a person must never see.
 */
import { describe, expect, it, vi } from 'vitest';
import { MAX_RECORD_ID, parsePostId, recordIdSchema } from '../../src/domain/ids.ts';
import { describeActionError } from '../../src/server/forms.ts';
import {
  badCharacterResponse,
  carriesNulByte,
  scrubActionError,
  statusOfRefusedAction,
} from '../../src/server/request-guards.ts';

describe('record ids in forms and URLs', () => {
  it.each([1, 42, MAX_RECORD_ID])('accepts %d', (value) => {
    expect(recordIdSchema.safeParse(value).success).toBe(true);
  });

  it.each([0, -1, 1.5, MAX_RECORD_ID + 1, 2 ** 53, Number.NaN])(
    'refuses %d with a sentence, not a crash',
    (value) => {
      const parsed = recordIdSchema.safeParse(value);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('No such item.');
    },
  );

  it.each(['2147483648', '99999999999', '0', '01', '1e3', '12a', ''])('a URL id %j is no page', (value) => {
    expect(parsePostId(value)).toBeNull();
  });
});

describe('an action’s unexpected error as the form shows it', () => {
  it('hides SQL and parameters behind a reference, which the log keeps with the details', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = {
      code: 'INTERNAL_SERVER_ERROR',
      message:
        'Failed query: insert into users (email, password_hash) values ($1, $2) params: a@b.example,$argon2id$v=19$m=19456',
    };
    const shown = describeActionError(error, '/signup');
    expect(shown).not.toMatch(/insert|argon2|params|users/i);
    const reference = /reference ([0-9a-f]{8})/.exec(shown)?.[1];
    expect(reference).toBeDefined();
    expect(String(log.mock.calls[0]?.[0])).toContain(reference!);
    expect(String(log.mock.calls[0]?.[0])).toContain('Failed query: insert into users');
    log.mockRestore();
  });

  it('keeps the sentences the actions write on purpose', () => {
    expect(
      describeActionError({ code: 'TOO_MANY_REQUESTS', message: 'Try again in 5 minutes.' }, '/new'),
    ).toBe('Try again in 5 minutes.');
    expect(describeActionError({ code: 'UNAUTHORIZED', message: 'Please log in first.' }, '/new')).toBe(
      'Please log in first.',
    );
  });
});

describe('requests carrying a NUL byte', () => {
  const form = (body: string, type = 'application/x-www-form-urlencoded') =>
    new Request('https://board.example/_actions/posts.createPost', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });

  it.each([
    'https://board.example/search?q=a%00b',
    'https://board.example/brands/%00',
    'https://board.example/compare?brands=%00',
    'https://board.example/api/v1/brands?after=a%00b',
  ])('are refused in the address %s', async (url) => {
    expect(await carriesNulByte(new Request(url))).toBe(true);
  });

  it('are refused in a URL-encoded form, and the body stays readable for the action', async () => {
    const request = form('title=a%00b&story=x');
    expect(await carriesNulByte(request)).toBe(true);
    expect(await request.text()).toBe('title=a%00b&story=x');
  });

  it('let ordinary requests through', async () => {
    expect(await carriesNulByte(new Request('https://board.example/search?q=100%25'))).toBe(false);
    expect(await carriesNulByte(form('title=R%C3%A9sum%C3%A9&story=0%2000'))).toBe(false);
  });

  it('answer a readable 400 page', async () => {
    const response = badCharacterResponse({ 'X-Content-Type-Options': 'nosniff' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('NUL character');
  });
});

describe('an action answering 500 to a direct call', () => {
  it('says nothing of the SQL behind it, keeps the status and logs the details under a reference', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const original = new Response(
      JSON.stringify({
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Failed query: select * from users params: 1',
      }),
      { status: 500, headers: { 'content-type': 'application/json' } },
    );
    const scrubbed = scrubActionError('/_actions/posts.createPost', original);
    expect(scrubbed.status).toBe(500);
    const text = await scrubbed.text();
    expect(text).not.toMatch(/select|users|params/);
    const reference = /Reference ([0-9a-f]{8})/.exec(text)?.[1];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(String(log.mock.calls[0]?.[0])).toContain(reference!);
    expect(String(log.mock.calls[0]?.[0])).toContain('Failed query');
    log.mockRestore();
  });

  it('leaves pages and answers below 500 alone', () => {
    const fine = new Response('ok', { status: 400 });
    expect(scrubActionError('/_actions/x', fine)).toBe(fine);
    const page = new Response('x', { status: 500 });
    expect(scrubActionError('/posts/1', page)).toBe(page);
  });
});

describe('an action called directly that refused', () => {
  const devalueResponse = (body: string) =>
    new Response(body, { status: 200, headers: { 'content-type': 'application/json+devalue' } });

  it('answers the status its result carries, with the same body', async () => {
    const body = '[{"ok":1,"formError":2,"status":3},false,"Please log in first.",401]';
    const response = await statusOfRefusedAction('/_actions/sayMeToo', devalueResponse(body));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe(body);
  });

  it('answers 400 for a refusal without a status, and leaves successes and pages alone', async () => {
    const refused = await statusOfRefusedAction('/_actions/x', devalueResponse('[{"ok":1},false]'));
    expect(refused.status).toBe(400);
    const done = await statusOfRefusedAction('/_actions/x', devalueResponse('[{"ok":1},true]'));
    expect(done.status).toBe(200);
    const page = devalueResponse('[{"ok":1},false]');
    expect(await statusOfRefusedAction('/posts/1', page)).toBe(page);
  });
});
