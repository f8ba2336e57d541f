/**
 * What a person is told outside a page's template, in their language (decision 014): the plain
 * 400/413 pages written before any page renders, the actions' refusals, the policy's refusals.
 */
import type { APIContext } from 'astro';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { notFoundResult, refusedResult } from '../../src/actions/support.ts';
import { refusalLabel } from '../../src/i18n/labels.ts';
import { runInLanguage } from '../../src/i18n/request-language.ts';
import { handleApi } from '../../src/server/api.ts';
import { plainLanguage } from '../../src/server/language-choice.ts';
import {
  badCharacterResponse,
  refuseUnreadableRequest,
  tooLargeResponse,
} from '../../src/server/request-guards.ts';

const request = (path: string, acceptLanguage: string | null = null, init: RequestInit = {}) =>
  new Request(`https://board.example${path}`, {
    ...init,
    headers: { ...(acceptLanguage ? { 'Accept-Language': acceptLanguage } : {}), ...(init.headers ?? {}) },
  });

describe('the language of a plain answer', () => {
  it('is the address’s for a page, whatever the browser prefers', () => {
    expect(plainLanguage(request('/fr/new'))).toBe('fr');
    expect(plainLanguage(request('/new', 'fr-FR,fr;q=0.9'))).toBe('en');
  });

  it('is Accept-Language’s for an address that is no page, English when it names neither', () => {
    expect(plainLanguage(request('/live?post=3', 'fr-CA,fr;q=0.8,en;q=0.5'))).toBe('fr');
    expect(plainLanguage(request('/_actions/posts.createPost', 'de-DE'))).toBe('en');
    expect(plainLanguage(request('/live'))).toBe('en');
  });
});

describe('the plain 400 and 413 pages', () => {
  it('speak French under /fr/, with a French way home', async () => {
    const response = tooLargeResponse({}, 'fr');
    const html = await response.text();
    expect(response.status).toBe(413);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Cette requête est trop volumineuse</h1>');
    expect(html).toContain('<a href="/fr/">Voir les derniers likes et fails</a>');
  });

  it('stay English at English addresses', async () => {
    const html = await badCharacterResponse({}).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('NUL character');
    expect(html).toContain('<a href="/">');
  });

  it('are chosen from the request: a form posted under /fr/ with a NUL is refused in French', async () => {
    const posted = request('/fr/new?_action=posts.createPost', null, {
      method: 'POST',
      body: 'title=a%00b',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const response = await refuseUnreadableRequest(posted, {});
    expect(response?.status).toBe(400);
    expect(await response!.text()).toContain('caractère NUL');
  });
});

describe('the actions’ refusals', () => {
  it('are written in the language of the request that gets them, not when the module loaded', () => {
    expect(runInLanguage('fr', notFoundResult)).toMatchObject({
      formError: expect.stringMatching(/^Ce message/),
    });
    expect(runInLanguage('en', notFoundResult)).toMatchObject({
      formError: expect.stringMatching(/^This post/),
    });
    expect(runInLanguage('fr', () => refusedResult('sign_in'))).toEqual({
      ok: false,
      formError: 'Connectez-vous d’abord.',
      status: 401,
    });
  });

  it('name every policy refusal in both languages', () => {
    const refusals = ['sign_in', 'verify_email', 'suspended', 'conflict_of_interest', 'forbidden'] as const;
    const english = refusals.map((refusal) => runInLanguage('en', () => refusalLabel(refusal)));
    const french = refusals.map((refusal) => runInLanguage('fr', () => refusalLabel(refusal)));
    expect(english[0]).toBe('Please log in first.');
    french.forEach((sentence, index) => expect(sentence).not.toBe(english[index]));
  });
});

describe('the API’s error messages', () => {
  // Counted already, so no database is asked; the handler fails its parameters' schema.
  const badParameters = (request: Request | undefined) =>
    handleApi({ request, locals: { apiRequestCounted: true } } as unknown as APIContext, async () => {
      z.object({ limit: z.number() }).parse({ limit: 'x' });
      return new Response();
    });

  it('follow Accept-Language, at any address, English when it names neither', async () => {
    const french = await badParameters(request('/api/v1/brands', 'fr-FR,fr;q=0.9'));
    expect(french.status).toBe(400);
    expect(await french.json()).toMatchObject({
      error: { message: expect.stringMatching(/^Paramètres invalides/) },
    });
    const prefixed = await badParameters(request('/fr/api/v1/brands', 'de-DE'));
    expect(await prefixed.json()).toMatchObject({
      error: { message: expect.stringMatching(/^Invalid parameters/) },
    });
  });

  it('are English for a handler called with a bare context', async () => {
    const bare = await badParameters(undefined);
    expect(await bare.json()).toMatchObject({
      error: { message: expect.stringMatching(/^Invalid parameters/) },
    });
  });
});
