/**
 * Tells an author what a moderator decided about their post or message. Queued
 * as an e-mail job in the decision's transaction (like every notification,
 * src/server/notifications.ts), so a rolled-back decision sends nothing. It is
 * a service message about the person's own content: notification settings do
 * not turn it off. Written in the author's language (decision 014).
 */
import type { Db } from '../../db/client.ts';
import { enqueueJob } from '../../db/queries/jobs.ts';
import { findUserById } from '../../db/queries/users.ts';
import {
  APPEALS_ADDRESS,
  isRemovalReason,
  removalReasonLabel,
  type ModerationDecision,
  type RemovalReason,
} from '../domain/moderation.ts';
import { reasonLabel } from '../i18n/labels.ts';
import { m } from '../i18n/messages.ts';
import { runInLanguage } from '../i18n/request-language.ts';
import { paths } from '../paths.ts';

export interface DecisionNotice {
  authorId: number;
  postId: number;
  postTitle: string;
  /**
   * The message of the thread decided on (its link shows it, even in a long thread's folded middle);
   * null when the decision is about the post itself.
   */
  messageId: number | null;
  decision: ModerationDecision;
  reason: string | null;
  explanation: string;
}

function subjectOf(notice: DecisionNotice): string {
  const what =
    notice.messageId === null
      ? m.mail_moderation_your_post({ title: notice.postTitle })
      : m.mail_moderation_your_message({ title: notice.postTitle });
  switch (notice.decision) {
    case 'keep':
      return m.mail_moderation_kept_subject({ what });
    case 'remove':
      return m.mail_moderation_removed_subject({ what });
    case 'restore':
      return m.mail_moderation_restored_subject({ what });
  }
}

function bodyOf(notice: DecisionNotice, siteUrl: string): string {
  const path =
    notice.messageId === null
      ? paths.post(notice.postId)
      : paths.postMessage(notice.postId, notice.messageId);
  const link = new URL(path, siteUrl).toString();
  const what = notice.messageId === null ? m.mail_moderation_item_post() : m.mail_moderation_item_message();
  switch (notice.decision) {
    case 'keep':
      return m.mail_moderation_kept_text({ what, link });
    case 'remove':
      return m.mail_moderation_removed_text({
        what,
        reason: isRemovalReason(notice.reason ?? 'other')
          ? reasonLabel((notice.reason ?? 'other') as RemovalReason)
          : removalReasonLabel(notice.reason ?? 'other'),
        explanation: notice.explanation,
        link,
        guidelines: new URL(paths.guidelines(notice.reason ?? undefined), siteUrl).toString(),
        appeals: APPEALS_ADDRESS,
      });
    case 'restore':
      return m.mail_moderation_restored_text({ what, explanation: notice.explanation, link });
  }
}

export async function queueDecisionNotice(
  context: { db: Db; now: Date; siteUrl: string },
  notice: DecisionNotice,
): Promise<void> {
  const author = await findUserById(context.db, notice.authorId);
  if (!author?.email || author.deletedAt) return;
  const email = author.email;
  const mail = runInLanguage(author.language, () => ({
    to: email,
    subject: subjectOf(notice),
    text: bodyOf(notice, context.siteUrl),
  }));
  await enqueueJob(context.db, 'email', mail, context.now);
}
