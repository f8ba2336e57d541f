/**
 * Who hears about what (issue #5): e-mails and webhook deliveries are queued
 * as jobs inside the transaction of the change, and sent by the job runner.
 * Each person's settings (/account) decide which e-mails they get.
 */
import type { Db } from '../../db/client.ts';
import { brandNameOf, teamToNotify } from '../../db/queries/brand-team.ts';
import { enqueueJob, enqueueJobs } from '../../db/queries/jobs.ts';
import { findUserById } from '../../db/queries/users.ts';
import { queueDeliveries } from '../../db/queries/webhooks.ts';
import { wantsNotification, type NotificationKind } from '../domain/notifications.ts';
import type { WebhookEvent } from '../domain/webhooks.ts';
import { MAX_DELIVERY_ATTEMPTS } from '../domain/webhooks.ts';
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

const SUBJECTS: Record<NotificationKind, (brand: string, title: string) => string> = {
  brand_reply: (brand, title) => `${brand} replied to “${title}”`,
  resolution_proposed: (brand, title) => `${brand} proposes a resolution for “${title}”`,
  team_new_fail: (brand, title) => `New fail about ${brand}: “${title}”`,
  team_follow_up: (_brand, title) => `The customer followed up on “${title}”`,
  team_verdict: (_brand, title) => `The customer gave a verdict on “${title}”`,
};

const INTRO: Record<NotificationKind, string> = {
  brand_reply: 'The brand answered your post in public.',
  resolution_proposed:
    'The brand says your case is resolved. Tell readers whether it really is: give your verdict.',
  team_new_fail: 'A customer posted a new fail about your brand.',
  team_follow_up: 'The author added a follow-up to a case of your brand.',
  team_verdict: 'The author gave a verdict on a case of your brand.',
};

/** The e-mail job's payload: the notification, a link to the post and how to turn these off. */
function mailOf(context: NotifyContext, to: string, kind: NotificationKind, brand: string, post: PostRef) {
  const link = new URL(paths.post(post.id), context.siteUrl).toString();
  return {
    to,
    subject: SUBJECTS[kind](brand, post.title),
    text: `${INTRO[kind]}\n\n${link}\n\nYou can turn these e-mails off on your account page: ${new URL(paths.account('notifications'), context.siteUrl).toString()}`,
  };
}

/** E-mails the post's author, when their settings allow it. */
export async function notifyAuthor(
  context: NotifyContext,
  post: PostRef,
  kind: 'brand_reply' | 'resolution_proposed',
) {
  const author = await findUserById(context.db, post.authorId);
  if (!author?.email || author.deletedAt || !wantsNotification(author.notificationSettings, kind)) return;
  const mail = mailOf(context, author.email, kind, await brandNameOf(context.db, post.brandId), post);
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
  const { brandName, recipients } = await teamToNotify(context.db, post.brandId, exceptUserId);
  const mails = recipients
    .filter((member) => wantsNotification(member.settings, kind))
    .map((member) => mailOf(context, member.email, kind, brandName, post));
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
    url: new URL(paths.post(post.id), siteUrl).toString(),
    postedAt: post.createdAt.toISOString(),
  };
}
