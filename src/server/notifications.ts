/**
 * Who hears about what (issue #5): e-mails and webhook deliveries are queued
 * as jobs inside the transaction of the change, and sent by the job runner.
 * Each person's settings (/account) decide which e-mails they get, and their account's language
 * the language they are written in (decision 014). Webhooks stay language-neutral: English keys,
 * English addresses.
 */
import type { Db } from '../../db/client.ts';
import { brandNameOf, teamToNotify } from '../../db/queries/brand-team.ts';
import { enqueueJob, enqueueJobs } from '../../db/queries/jobs.ts';
import { findUserById } from '../../db/queries/users.ts';
import { queueDeliveries } from '../../db/queries/webhooks.ts';
import { wantsNotification, type NotificationKind } from '../domain/notifications.ts';
import type { WebhookEvent } from '../domain/webhooks.ts';
import { MAX_DELIVERY_ATTEMPTS } from '../domain/webhooks.ts';
import type { Language } from '../domain/vocabulary.ts';
import { m } from '../i18n/messages.ts';
import { runInLanguage } from '../i18n/request-language.ts';
import { paths } from '../paths.ts';

export interface NotifyContext {
  db: Db;
  now: Date;
  siteUrl: string;
}

interface PostRef {
  id: number;
  title: string;
  brandId: number;
  authorId: number;
}

const SUBJECTS: Record<NotificationKind, (inputs: { brand: string; title: string }) => string> = {
  brand_reply: m.mail_notify_brand_reply_subject,
  resolution_proposed: m.mail_notify_resolution_subject,
  team_new_fail: m.mail_notify_new_fail_subject,
  team_follow_up: m.mail_notify_follow_up_subject,
  team_verdict: m.mail_notify_verdict_subject,
};

const INTRO: Record<NotificationKind, () => string> = {
  brand_reply: m.mail_notify_brand_reply_intro,
  resolution_proposed: m.mail_notify_resolution_intro,
  team_new_fail: m.mail_notify_new_fail_intro,
  team_follow_up: m.mail_notify_follow_up_intro,
  team_verdict: m.mail_notify_verdict_intro,
};

/** The e-mail job's payload: the notification, a link to the post and how to turn these off. */
function mailOf(
  context: NotifyContext,
  recipient: { email: string; language: Language },
  kind: NotificationKind,
  brand: string,
  post: PostRef,
) {
  return runInLanguage(recipient.language, () => ({
    to: recipient.email,
    subject: SUBJECTS[kind]({ brand, title: post.title }),
    text: m.mail_notify_text({
      intro: INTRO[kind](),
      link: new URL(paths.post(post.id), context.siteUrl).toString(),
      settings: new URL(paths.account('notifications'), context.siteUrl).toString(),
    }),
  }));
}

/** E-mails the post's author, when their settings allow it. */
export async function notifyAuthor(
  context: NotifyContext,
  post: PostRef,
  kind: 'brand_reply' | 'resolution_proposed',
) {
  const author = await findUserById(context.db, post.authorId);
  if (!author?.email || author.deletedAt || !wantsNotification(author.notificationSettings, kind)) return;
  const recipient = { email: author.email, language: author.language };
  const mail = mailOf(context, recipient, kind, await brandNameOf(context.db, post.brandId), post);
  await enqueueJob(context.db, 'email', mail, context.now);
}

/** E-mails the brand's team (except whoever caused it), each as their settings allow. */
export async function notifyTeam(
  context: NotifyContext,
  post: PostRef,
  kind: 'team_new_fail' | 'team_follow_up' | 'team_verdict',
  exceptUserId: number | null = null,
) {
  // One read (the brand's name with its team) and one insert, whatever the team's size.
  await notifyTeamOf(context, await teamToNotify(context.db, post.brandId, exceptUserId), post, kind);
}

/**
 * `notifyTeam` with the team already read (`teamToNotify`), for a write that reads it with other
 * statements: one insert, or none when nobody wants this e-mail.
 */
export async function notifyTeamOf(
  context: NotifyContext,
  team: Awaited<ReturnType<typeof teamToNotify>>,
  post: PostRef,
  kind: 'team_new_fail' | 'team_follow_up' | 'team_verdict',
) {
  const mails = team.recipients
    .filter((member) => wantsNotification(member.settings, kind))
    .map((member) => mailOf(context, member, kind, team.brandName, post));
  await enqueueJobs(context.db, 'email', mails, context.now);
}

/** Queues one signed delivery per subscribed webhook of the brand, in one statement. */
export async function queueWebhookEvent(
  context: NotifyContext,
  brandId: number,
  event: WebhookEvent,
  data: Record<string, unknown>,
) {
  await queueDeliveries(context.db, {
    brandId,
    event,
    payload: { event, occurredAt: context.now.toISOString(), data },
    now: context.now,
    jobType: 'webhook',
    maxAttempts: MAX_DELIVERY_ATTEMPTS,
  });
}

/** The public facts of a post that webhooks receive (never the author's e-mail). */
export function webhookPostData(
  post: PostRef & { kind: string; status: string | null; createdAt: Date },
  siteUrl: string,
) {
  return {
    postId: post.id,
    kind: post.kind,
    title: post.title,
    status: post.status,
    // English addresses whatever the request's language: a webhook's payload is the same for every caller.
    url: new URL(
      runInLanguage('en', () => paths.post(post.id)),
      siteUrl,
    ).toString(),
    postedAt: post.createdAt.toISOString(),
  };
}
