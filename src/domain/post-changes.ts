/**
 * What happens to a post itself, beside its thread (DESIGN §4, §8): an edit keeps the version it
 * replaces, a withdrawal takes the post off the lists and figures, a moderator's removal hides it
 * behind a public reason and a restore brings it back. A planner answers the rows a change writes;
 * one writer applies them (`applyPostChange`, db/queries/post-changes.ts), for the commands and the
 * demo seed alike, as thread changes go through src/domain/thread-plan.ts.
 */
import type { Category, Channel } from './vocabulary.ts';

/** What an author may edit. */
export interface PostText {
  title: string;
  story: string;
  category: Category;
  channel: Channel;
}

/** The post's columns a change may set. */
export interface PostColumnChanges extends Partial<PostText> {
  revisionCount?: number;
  visibility?: 'published' | 'withdrawn' | 'removed';
  withdrawnAt?: Date;
  removedAt?: Date | null;
  removalReason?: string | null;
  updatedAt: Date;
}

/** A replaced version, readable behind "edited". */
export interface PlannedRevision extends PostText {
  revision: number;
  /** When this version was published: at the previous edit, or when the post was created. */
  publishedAt: Date;
}

export interface PostChangePlan {
  post: PostColumnChanges;
  revision: PlannedRevision | null;
  event: {
    type: 'edited' | 'withdrawn' | 'removed' | 'restored';
    actorId: number;
    data: Record<string, string>;
    at: Date;
  };
}

const sameText = (a: PostText, b: PostText) =>
  a.title === b.title && a.story === b.story && a.category === b.category && a.channel === b.channel;

/**
 * An edit: the current version becomes a revision and the post takes the new text; null when
 * nothing changed. `previousEditAt` is the last edit's instant, null when there was none.
 */
export function planEdit(
  post: PostText & { revisionCount: number; createdAt: Date },
  text: PostText,
  authorId: number,
  previousEditAt: Date | null,
  now: Date,
): PostChangePlan | null {
  if (sameText(post, text)) return null;
  const revision = post.revisionCount + 1;
  return {
    revision: {
      revision,
      title: post.title,
      story: post.story,
      category: post.category,
      channel: post.channel,
      publishedAt: previousEditAt ?? post.createdAt,
    },
    post: { ...text, revisionCount: revision, updatedAt: now },
    event: { type: 'edited', actorId: authorId, data: {}, at: now },
  };
}

/** A withdrawal: off the lists and figures; the page keeps a notice and the brand's replies. */
export function planWithdrawal(authorId: number, now: Date): PostChangePlan {
  return {
    revision: null,
    post: { visibility: 'withdrawn', withdrawnAt: now, updatedAt: now },
    event: { type: 'withdrawn', actorId: authorId, data: {}, at: now },
  };
}

/** A moderator's removal: hidden behind the public reason the notice shows. */
export function planRemoval(moderatorId: number, publicReason: string, now: Date): PostChangePlan {
  return {
    revision: null,
    post: { visibility: 'removed', removedAt: now, removalReason: publicReason, updatedAt: now },
    event: { type: 'removed', actorId: moderatorId, data: { reason: publicReason }, at: now },
  };
}

/** A moderator's restore: published again; the thread says why. */
export function planRestore(moderatorId: number, explanation: string, now: Date): PostChangePlan {
  return {
    revision: null,
    post: { visibility: 'published', removedAt: null, removalReason: null, updatedAt: now },
    event: { type: 'restored', actorId: moderatorId, data: { reason: explanation }, at: now },
  };
}
