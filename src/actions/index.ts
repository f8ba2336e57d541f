/**
 * Astro Actions: thin adapters. Each parses its input with the domain's zod
 * schema (accept: 'form', so every form works without JavaScript), authorizes,
 * calls one command and maps the result: expected failures come back as
 * `{ ok: false, fieldErrors, formError }` for the form; rate limits and
 * missing sign-in are ActionErrors, so the page answers 429 or 401.
 */
import { accountActions } from './accounts.ts';
import { brandActions } from './brands.ts';
import { moderationActions } from './moderation.ts';
import { moderatorDeskActions } from './moderator-desk.ts';
import { postActions } from './posts.ts';

export const server = {
  ...accountActions,
  ...postActions,
  ...brandActions,
  ...moderationActions,
  ...moderatorDeskActions,
};
