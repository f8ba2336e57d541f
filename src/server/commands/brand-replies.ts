/**
 * The brand's side of a thread (issue #5): public replies (with an optional
 * promised date, escalation or proposed resolution), taking a case, and
 * editing a reply. Every command asks the policy for the post's brand, so a
 * non-member cannot act, and a member of one brand cannot act for another.
 */
import type { Db } from '../../../db/client.ts';
import { announceChange } from '../../../db/queries/changes.ts';
import { findMessage, latestBrandReplies, lockMessage, reviseMessage } from '../../../db/queries/messages.ts';
import { lockPost } from '../../../db/queries/post-writes.ts';
import { insertImages } from '../../../db/queries/images.ts';
import { applyThreadPlan, loadThreadState } from '../../../db/queries/thread-writes.ts';
import { findUserById } from '../../../db/queries/users.ts';
import { earlierReply, findTemplateSource, replyToCheck } from '../../domain/canned.ts';
import { can, type Actor } from '../../domain/policy.ts';
import { checkPromiseDate } from '../../domain/promises.ts';
import { planBrandReply, planTakeCase, type BrandReplyRefusal } from '../../domain/thread-planners.ts';
import { countWords } from '../../domain/text.ts';
import type { EvidenceUpload } from '../../domain/evidence.ts';
import { notifyAuthor } from '../notifications.ts';
import { readFactsBeforeChange, recordPostChange } from '../statistics.ts';
import type { CommandDeps, RateLimited } from './deps.ts';
import { beforeThreadMessage } from './evidence.ts';
import {
  goAhead,
  invalid,
  notFound,
  refused,
  writeToPublishedPost,
  type FieldProblem,
  type NotFound,
  type Refused,
} from './thread-guards.ts';
import { fieldMessage } from '../../domain/field-messages.ts';

/** How many of the brand's latest replies a new one is compared with for the template check. */
export const TEMPLATE_LOOKBACK_REPLIES = 500;

async function displayName(tx: Db, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  return (await findUserById(tx, userId))?.displayName ?? null;
}

/** The earlier reply this one copies (same brand, another post), by DESIGN §5's rule. */
async function detectTemplate(
  tx: Db,
  brandId: number,
  postId: number,
  body: string,
  authorName: string,
  customerName: string,
  before: { createdAt: Date; id: number } | null = null,
) {
  const earlier = await latestBrandReplies(tx, brandId, TEMPLATE_LOOKBACK_REPLIES, before);
  const candidates = earlier.reverse().map(earlierReply);
  return findTemplateSource(
    replyToCheck(postId, body, { agent: authorName, customerFirstName: customerName }),
    candidates,
  );
}

export type ReplyResult = { ok: true; messageId: number } | Refused | NotFound | FieldProblem | RateLimited;

export async function replyAsBrand(
  deps: CommandDeps,
  actor: Actor | null,
  input: {
    postId: number;
    body: string;
    promiseDueOn: string | null;
    escalatedTo: string | null;
    proposeResolution: boolean;
    evidence?: readonly EvidenceUpload[];
  },
): Promise<ReplyResult> {
  if (input.promiseDueOn) {
    const problem = checkPromiseDate(input.promiseDueOn, deps.now);
    if (problem) return invalid({ promiseDueOn: problem });
  }
  const evidence = await beforeThreadMessage(
    deps,
    actor,
    { action: 'reply_as_brand', postId: input.postId },
    input.evidence,
  );
  if (!evidence.ok) return evidence;
  return writeToPublishedPost(deps, actor, input.postId, 'reply_as_brand', async (tx, post, agent) => {
    const state = await loadThreadState(tx, post);
    const [agentName, customerName] = await Promise.all([
      displayName(tx, agent.id),
      displayName(tx, post.authorId),
    ]);
    const templateOf = await detectTemplate(
      tx,
      post.brandId,
      post.id,
      input.body,
      agentName ?? '',
      (customerName ?? '').split(' ')[0] ?? '',
    );
    const planned = planBrandReply(
      state,
      { ...input, agent: { id: agent.id, name: agentName }, templateOfId: templateOf },
      deps.now,
    );
    if (!planned.ok) return invalid(REPLY_REFUSALS[planned.reason]);
    const { plan } = planned;
    return goAhead(async () => {
      const { messageId } = await applyThreadPlan(tx, post, plan);
      await insertImages(
        tx,
        { postId: post.id, messageId: messageId!, uploaderId: agent.id, createdAt: deps.now },
        evidence.images,
      );
      const notify = { db: tx, now: deps.now, siteUrl: deps.siteUrl };
      const proposed = input.proposeResolution && plan.post.status === 'resolution_proposed';
      await notifyAuthor(notify, post, proposed ? 'resolution_proposed' : 'brand_reply');
      return { ok: true, messageId: messageId! } as const;
    });
  });
}

/** What the reply form shows for each refusal of the reply's plan. */
const REPLY_REFUSALS = {
  like_takes_reply_only: { body: fieldMessage('like_reply_only') },
  closed_to_promises: { promiseDueOn: fieldMessage('case_closed_to_promises') },
  already_closed: { body: fieldMessage('case_already_closed') },
} satisfies Record<BrandReplyRefusal, Record<string, string>>;

/** "Take this case": the member becomes its public handler; a takeover is shown in the thread. */
export async function takeCase(
  deps: CommandDeps,
  actor: Actor | null,
  input: { postId: number },
): Promise<{ ok: true } | Refused | NotFound> {
  return writeToPublishedPost(deps, actor, input.postId, 'take_case', async (tx, post, agent) => {
    const { plan } = planTakeCase(await loadThreadState(tx, post), { id: agent.id, name: null }, deps.now);
    return goAhead(async () => {
      await applyThreadPlan(tx, post, plan);
      return { ok: true } as const;
    });
  });
}

/** Edits a reply by its own writer; the replaced text stays readable behind "edited". */
export async function editReply(
  deps: CommandDeps,
  actor: Actor | null,
  input: { messageId: number; body: string },
): Promise<{ ok: true; postId: number } | Refused | NotFound> {
  return deps.db.transaction(async (tx) => {
    // The post first, as every thread write locks it: its figures change with the reply's length.
    const unlocked = await findMessage(tx, input.messageId);
    if (!unlocked) return notFound;
    const post = await lockPost(tx, unlocked.postId);
    // Only published posts take changes, replies included.
    if (!post || post.visibility !== 'published') return notFound;
    const before = await readFactsBeforeChange(tx, post.id);
    const message = await lockMessage(tx, input.messageId);
    if (!message || message.kind !== 'brand_reply' || message.removedAt) return notFound;
    const decision = can(actor, 'reply_as_brand', { brandId: message.brandId! });
    if (!decision.ok) return refused(decision.reason);
    // A brand's reply is signed by the member who wrote it: only they may change it.
    if (message.authorId !== actor!.id) return refused('forbidden');
    if (message.body === input.body) return { ok: true, postId: message.postId } as const;
    // An edit is checked against the replies written before this one, as a new reply would have been.
    const [agentName, customerName] = await Promise.all([
      displayName(tx, message.authorId),
      displayName(tx, post.authorId),
    ]);
    const templateOf = await detectTemplate(
      tx,
      message.brandId!,
      post.id,
      input.body,
      agentName ?? '',
      (customerName ?? '').split(' ')[0] ?? '',
      { createdAt: message.createdAt, id: message.id },
    );
    await reviseMessage(tx, message, input.body, countWords(input.body), templateOf, deps.now);
    await recordPostChange(tx, before, message.postId, deps.now);
    await announceChange(tx, { brandId: post.brandId, postId: post.id });
    return { ok: true, postId: message.postId } as const;
  });
}
