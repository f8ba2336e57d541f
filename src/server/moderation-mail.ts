/**
 * Tells an author what a moderator decided about their post or message. Queued
 * as an e-mail job in the decision's transaction (like every notification,
 * src/server/notifications.ts), so a rolled-back decision sends nothing. It is
 * a service message about the person's own content: notification settings do
 * not turn it off.
 */
import type { Db } from '../../db/client.ts';
import { enqueueJob } from '../../db/queries/jobs.ts';
import { findUserById } from '../../db/queries/users.ts';
import { APPEALS_ADDRESS, removalReasonLabel, type ModerationDecision } from '../domain/moderation.ts';
import { paths } from '../paths.ts';

export interface DecisionNotice {
  authorId: number;
  postId: number;
  postTitle: string;
  /** The item decided on: the post itself, or a message of its thread. */
  item: 'post' | 'message';
  decision: ModerationDecision;
  reason: string | null;
  explanation: string;
}

const WHAT: Record<DecisionNotice['item'], string> = { post: 'your post', message: 'your message' };

function subjectOf(notice: DecisionNotice): string {
  const on = `“${notice.postTitle}”`;
  const what = notice.item === 'post' ? `your post ${on}` : `your message on ${on}`;
  switch (notice.decision) {
    case 'keep':
      return `A moderator reviewed ${what} and kept it`;
    case 'remove':
      return `A moderator removed ${what}`;
    case 'restore':
      return `A moderator restored ${what}`;
  }
}

function bodyOf(notice: DecisionNotice, siteUrl: string): string {
  const link = new URL(paths.post(notice.postId), siteUrl).toString();
  const guidelines = new URL(paths.guidelines(notice.reason ?? undefined), siteUrl).toString();
  const what = WHAT[notice.item];
  switch (notice.decision) {
    case 'keep':
      return `Readers flagged ${what}. A moderator read it against the guidelines and kept it: nothing changes.\n\n${link}`;
    case 'remove':
      return [
        `A moderator removed ${what}. A public notice with the reason stands in its place.`,
        `Reason: ${removalReasonLabel(notice.reason ?? 'other')}. ${notice.explanation}`,
        `${link}\n\nThe guidelines: ${guidelines}`,
        `If you think this is a mistake, write to ${APPEALS_ADDRESS} with the link above; another moderator will review it.`,
      ].join('\n\n');
    case 'restore':
      return `A moderator restored ${what}: it is public again. ${notice.explanation}\n\n${link}`;
  }
}

export async function queueDecisionNotice(
  context: { db: Db; now: Date; siteUrl: string },
  notice: DecisionNotice,
): Promise<void> {
  const author = await findUserById(context.db, notice.authorId);
  if (!author?.email || author.deletedAt) return;
  await enqueueJob(
    context.db,
    'email',
    { to: author.email, subject: subjectOf(notice), text: bodyOf(notice, context.siteUrl) },
    context.now,
  );
}
