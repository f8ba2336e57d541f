/**
 * `/login?next=…` through the log-in page and its form action: a same-site
 * path survives the form post (a hidden field carries it, the action hands it
 * back) and is where the person lands; anything else lands on "/", and no
 * `next` makes the page fail.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { accountActions } from '../../src/actions/accounts.ts';
import LoginPage from '../../src/pages/login.astro';
import { createPerson, FIXTURE_PASSWORD } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { runFormAction } from '../helpers/form-actions.ts';

const now = new Date('2026-06-15T12:00:00Z');
let database: TestDatabase;
let container: AstroContainer;
let email: string;
let signedInUser: typeof users.$inferSelect;

const runLoginAction = runFormAction('login', accountActions.login);

beforeAll(async () => {
  database = await createTestDatabase();
  const person = await createPerson(database.db);
  email = person.email;
  [signedInUser] = (await database.db.select().from(users).where(eq(users.id, person.id))) as [
    typeof users.$inferSelect,
  ];
  container = await AstroContainer.create({
    manifest: { middleware: () => Promise.resolve({ onRequest: runLoginAction }) },
  } as Parameters<typeof AstroContainer.create>[0]);
});
afterAll(() => database.destroy());

const locals = (signedIn = false) => ({
  db: database.db,
  now,
  user: signedIn ? signedInUser : null,
  actor: null,
  session: null,
});
const hiddenNext = (html: string) =>
  /<input type="hidden" name="next" value="([^"]*)"/.exec(html)?.[1] ?? null;

describe('logging in with a next page', () => {
  it('keeps a same-site next through the form post and lands there', async () => {
    const page = await container.renderToString(LoginPage, {
      locals: locals(),
      request: new Request('http://localhost/login?next=%2Fposts%2F1%3Fx%3D1%23a'),
    });
    const next = hiddenNext(page)!.replace(/&amp;/g, '&');
    expect(next).toBe('/posts/1?x=1#a');

    // The form posts to "?_action=login": the page's own query (and its next) is gone.
    const form = new FormData();
    form.set('next', next);
    form.set('email', email);
    form.set('password', FIXTURE_PASSWORD);
    const response = await container.renderToResponse(LoginPage, {
      locals: locals(),
      request: new Request('http://localhost/login?_action=login', { method: 'POST', body: form }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/posts/1?x=1#a');
  });

  it('keeps next in the form when the password is wrong', async () => {
    const form = new FormData();
    form.set('next', '/posts/7');
    form.set('email', email);
    form.set('password', 'not the password at all');
    const response = await container.renderToResponse(LoginPage, {
      locals: locals(),
      request: new Request('http://localhost/login?_action=login', { method: 'POST', body: form }),
    });
    expect(response.status).toBe(400);
    expect(hiddenNext(await response.text())).toBe('/posts/7');
  });

  it('never lands a forged next on the form post', async () => {
    const form = new FormData();
    form.set('next', '/\t/evil.example');
    form.set('email', email);
    form.set('password', FIXTURE_PASSWORD);
    const response = await container.renderToResponse(LoginPage, {
      locals: locals(),
      request: new Request('http://localhost/login?_action=login', { method: 'POST', body: form }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  it.each([
    '%2F%09%2Fevil.example',
    '%2F%5Cevil.example',
    '%2F%2Fevil.example',
    'https%3A%2F%2Fevil.example',
    '%2F%0D%0ASet-Cookie%3A%20a%3Db',
    '%2Fcaf%C3%A9%0A',
  ])('sends a signed-in person with next=%s home, not elsewhere and not to an error', async (next) => {
    const response = await container.renderToResponse(LoginPage, {
      locals: locals(true),
      request: new Request(`http://localhost/login?next=${next}`),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
  });

  it('sends a signed-in person to a non-ASCII same-site path, encoded', async () => {
    const response = await container.renderToResponse(LoginPage, {
      locals: locals(true),
      request: new Request('http://localhost/login?next=%2Fsearch%3Fq%3Dcaf%C3%A9'),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/search?q=caf%C3%A9');
  });
});
