/**
 * Live updates, the rules (decision 008): which page a stream is for, who may
 * open it, which announced changes it hears and under what event name, and
 * whether a reconnecting page can be caught up from the kept events or must
 * reload its regions. Pure: the hub (src/server/live-hub.ts) does the I/O.
 *
 * Events carry ids and kinds only. A page hearing one fetches its own URL again
 * and takes the regions it marked, so an event is a prompt, never content: a
 * duplicate costs a fetch, and what a reader may see is decided by the page.
 */
import { z } from 'astro/zod';
import { fieldMessage } from './field-messages.ts';
import { can, type Actor, type Refusal } from './policy.ts';
import type { LiveChangeKind } from './vocabulary.ts';

/** What a stream is for, as asked in the URL (`/live`, `/live?brand=…`, `/live?post=…`, `/live?inbox=…`). */
export type LiveTopicRequest =
  | { page: 'home' }
  | { page: 'brand'; slug: string }
  | { page: 'post'; postId: number }
  | { page: 'inbox'; slug: string };

/** The same, with the database's ids. */
export type LiveTopic =
  | { page: 'home' }
  | { page: 'brand'; brandId: number }
  | { page: 'post'; postId: number }
  | { page: 'inbox'; brandId: number };

/** A change as the hub hears it (db/queries/changes.ts `AnnouncedChange` with its id). */
export interface LiveChange {
  id: number;
  kind: LiveChangeKind;
  brandId: number | null;
  postId: number | null;
}

/** Event names the page script understands. `reload`: fetch every live region again. */
export type LiveEventName = 'posts' | 'figures' | 'thread' | 'inbox' | 'reload';

const slug = z.string().trim().min(1).max(200);
const liveQuerySchema = z
  .object({
    brand: slug.optional(),
    post: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    inbox: slug.optional(),
  })
  .strict()
  .refine((query) => Object.values(query).filter((value) => value !== undefined).length <= 1, {
    message: fieldMessage('live_one_page'),
  });

/** Reads the stream's query string; null when it is not one of the four shapes. */
export function parseLiveTopic(query: Record<string, string>): LiveTopicRequest | null {
  const parsed = liveQuerySchema.safeParse(query);
  if (!parsed.success) return null;
  const { brand, post, inbox } = parsed.data;
  if (brand !== undefined) return { page: 'brand', slug: brand };
  if (post !== undefined) return { page: 'post', postId: post };
  if (inbox !== undefined) return { page: 'inbox', slug: inbox };
  return { page: 'home' };
}

/** What the stream's page needs known about its subject to authorize it. */
export type LiveSubject =
  | { page: 'home' }
  | { page: 'brand'; brandId: number }
  | { page: 'post'; postId: number; authorId: number; visibility: string }
  | { page: 'inbox'; brandId: number };

export type LiveAccess =
  { ok: true; topic: LiveTopic } | { ok: false; status: 401 | 403 | 404; reason: string };

/**
 * The stream is authorized like the page it serves: the home and brand pages are public; a post
 * held for review exists only for its author and the moderators (404 for everyone else, as its
 * page); the inbox is for the brand's team.
 */
export function authorizeLiveTopic(actor: Actor | null, subject: LiveSubject | null): LiveAccess {
  if (!subject) return { ok: false, status: 404, reason: 'No such page.' };
  switch (subject.page) {
    case 'home':
      return { ok: true, topic: { page: 'home' } };
    case 'brand':
      return { ok: true, topic: { page: 'brand', brandId: subject.brandId } };
    case 'post':
      if (subject.visibility === 'held' && !can(actor, 'view_held_post', { authorId: subject.authorId }).ok) {
        return { ok: false, status: 404, reason: 'No such page.' };
      }
      return { ok: true, topic: { page: 'post', postId: subject.postId } };
    case 'inbox': {
      const decision = can(actor, 'view_inbox', { brandId: subject.brandId });
      if (decision.ok) return { ok: true, topic: { page: 'inbox', brandId: subject.brandId } };
      return refusedInbox(decision.reason);
    }
  }
}

function refusedInbox(reason: Refusal): LiveAccess {
  if (reason === 'sign_in') return { ok: false, status: 401, reason: 'Log in to follow the inbox.' };
  return { ok: false, status: 403, reason: "The inbox is for the brand's team." };
}

/**
 * The event a stream sends for a change, or null when its page does not show it. Only recorded
 * changes reach here (a post held for review is never recorded), so nothing private is announced.
 */
export function liveEventFor(topic: LiveTopic, change: LiveChange): LiveEventName | null {
  if (change.kind === 'board') return 'reload';
  switch (topic.page) {
    case 'home':
      return change.kind === 'post' ? 'posts' : null;
    case 'brand':
      if (change.brandId !== topic.brandId) return null;
      if (change.kind === 'post') return 'posts';
      return change.kind === 'brand' ? 'figures' : null;
    case 'post':
      return change.postId === topic.postId ? 'thread' : null;
    case 'inbox':
      return change.brandId === topic.brandId && change.kind !== 'brand' ? 'inbox' : null;
  }
}

/** `Last-Event-ID` as a positive id; anything else means "no earlier event". */
export function parseLastEventId(header: string | null): number | null {
  if (header === null || !/^\d{1,15}$/.test(header.trim())) return null;
  const id = Number(header.trim());
  return id > 0 ? id : null;
}

/**
 * A page that reconnects after event `lastEventId` is caught up from the kept events when the
 * oldest kept one follows it directly or precedes it (nothing after it was pruned); otherwise —
 * too long away, or a different database — it reloads its regions.
 */
export function canReplayAfter(lastEventId: number, oldestKeptId: number | null): boolean {
  return oldestKeptId !== null && oldestKeptId <= lastEventId + 1;
}
