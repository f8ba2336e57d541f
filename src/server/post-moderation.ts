/**
 * What the post page shows about flags and removals (issue #11): the brand's
 * public flags with their outcome, the viewer's own flags (so the form says
 * "you flagged this" instead of asking again), whether the viewer may flag
 * the post and each message, and the reason codes behind removal notices.
 */
import type { Db } from '../../db/client.ts';
import { listBrandFlagsOnPost, listViewerFlags } from '../../db/queries/flags.ts';
import { listRemovalReasons } from '../../db/queries/moderation.ts';
import type { PostPage } from '../domain/views.ts';
import { isRemovalReason, type FlagStatus } from '../domain/moderation.ts';
import { can, type Actor } from '../domain/policy.ts';

type ViewerFlag = { reason: string; status: FlagStatus };

export async function loadPostModeration(db: Db, page: PostPage, actor: Actor | null) {
  const { post, brand } = page;
  const removedMessageIds = page.messages.filter((m) => m.removedAt !== null).map((m) => m.id);
  const needsReasons = post.visibility === 'removed' || removedMessageIds.length > 0;
  const [brandFlags, viewerFlags, reasons] = await Promise.all([
    listBrandFlagsOnPost(db, post.id),
    actor && post.visibility === 'published' ? listViewerFlags(db, post.id, actor.id) : [],
    needsReasons ? listRemovalReasons(db, post.id, removedMessageIds) : new Map<string, string>(),
  ]);
  const knownReason = (code: string | undefined) => (code && isRemovalReason(code) ? code : null);

  const messageFlags = new Map<number, ViewerFlag>();
  let postFlag: ViewerFlag | null = null;
  for (const flag of viewerFlags) {
    if (flag.messageId === null) postFlag = flag;
    else messageFlags.set(flag.messageId, flag);
  }
  const messageRemovalReasons = new Map<number, string>();
  for (const id of removedMessageIds) {
    const code = knownReason(reasons.get(`message:${id}`));
    if (code) messageRemovalReasons.set(id, code);
  }
  const published = post.visibility === 'published';
  const mayFlag = (authorId: number) =>
    published && can(actor, 'flag', { brandId: brand.id, authorId, postKind: post.kind }).ok;
  return {
    brandFlags,
    postFlag,
    messageFlags,
    mayFlagPost: mayFlag(post.authorId),
    mayFlag,
    postRemovalReason: knownReason(reasons.get('post')),
    messageRemovalReasons,
  };
}
