/**
 * The customer's side of the board: publish a like or a fail, follow up,
 * say "me too", give the verdict, edit and withdraw. Each command authorizes
 * (src/domain/policy.ts), checks the domain rules, then writes in one
 * transaction that also refreshes the brand's aggregates, so a failed write
 * leaves nothing half-done and the figures never lag the posts.
 */
import { teamToNotify } from '../../../db/queries/brand-team.ts';
import { takeTurnOrQueue } from '../../../db/queries/figure-turns.ts';
import { announceChange } from '../../../db/queries/changes.ts';
import {
  findSameBrand,
  freeBrandSlug,
  insertBrand,
  insertMeToo,
  insertPost,
  lastEventAt,
  lockAuthorPosting,
  lockAuthorPostingAbout,
  lockBrandCreation,
  nextPostId,
} from '../../../db/queries/post-writes.ts';
import { insertImages } from '../../../db/queries/images.ts';
import { applyPostChange } from '../../../db/queries/post-changes.ts';
import { applyThreadPlan, loadThreadState } from '../../../db/queries/thread-writes.ts';
import { loadActor } from '../../../db/queries/users.ts';
import { brandNameKey, brandSlug, normalizeDomain } from '../../domain/brand-identity.ts';
import { openingStatus } from '../../domain/lifecycle.ts';
import { planEdit, planWithdrawal } from '../../domain/post-changes.ts';
import { can, type Actor } from '../../domain/policy.ts';
import { findPostingBrandId, forgetBrandSlug } from '../brand-ids.ts';
import {
  checkExperienceDate,
  DUPLICATE_WINDOW_HOURS,
  findPersonalData,
  hasPersonalData,
  isDuplicatePost,
  maskPersonalData,
  type NewPostInput,
  type PersonalDataFound,
} from '../../domain/posting.ts';
import { RATE_LIMITS } from '../../domain/rate-limits.ts';
import { normalizeText } from '../../domain/text.ts';
import { planFollowUp, planVerdict } from '../../domain/thread-planners.ts';
import type { Category, Channel } from '../../domain/vocabulary.ts';
import type { EvidenceUpload } from '../../domain/evidence.ts';
import { deleteSessionOfToken, validateSessionToken } from '../auth/session.ts';
import { notifyTeam, notifyTeamOf, queueWebhookEvent, webhookPostData } from '../notifications.ts';
import { attempt } from '../rate-limit.ts';
import { addOnOurTurn, newPostDelta } from '../statistics.ts';
import { logIn } from './accounts.ts';
import { shouldHoldNewPost } from './held-posts.ts';
import type { CommandDeps, RateLimited } from './deps.ts';
import { beforeThreadMessage, prepareEvidence } from './evidence.ts';
import {
  goAhead,
  invalid,
  refused,
  writeToPublishedPost,
  type FieldProblem,
  type NotFound,
  type Refused,
} from './thread-guards.ts';
import { fieldMessage } from '../../domain/field-messages.ts';

export type { FieldProblem, NotFound, Refused } from './thread-guards.ts';

export type CreatePostResult =
  | { ok: true; postId: number; sessionToken: string | null; held: boolean }
  | Refused
  | FieldProblem
  | RateLimited
  | { ok: false; reason: 'needs_login' | 'login_failed' }
  | { ok: false; reason: 'existing_brand'; brand: { slug: string; name: string } }
  | { ok: false; reason: 'personal_data'; found: PersonalDataFound };

/**
 * Publishes a like or a fail. When the session ended while the form was open,
 * the form carries log-in fields: the person logs in and publishes in one go,
 * and nothing they typed is lost. The session that log-in opens lives only
 * with the post: refused, the post takes it along (no cookie carries it, so no
 * row may stay behind), and the next attempt logs in again.
 */
/** A new post's input: the form's fields and the images it carries. */
export type NewPostCommandInput = NewPostInput & { evidence?: readonly EvidenceUpload[] };

export async function createPost(
  deps: CommandDeps,
  signedIn: Actor | null,
  input: NewPostCommandInput,
): Promise<CreatePostResult> {
  const opened = { sessionToken: null as string | null };
  let result: CreatePostResult | null = null;
  try {
    result = await publishPost(deps, signedIn, input, opened);
    return result;
  } finally {
    // Refused, or failed on the way: nobody gets the cookie, so the row goes too.
    if (!result?.ok && opened.sessionToken) await deleteSessionOfToken(deps.db, opened.sessionToken);
  }
}

async function publishPost(
  deps: CommandDeps,
  signedIn: Actor | null,
  input: NewPostCommandInput,
  opened: { sessionToken: string | null },
): Promise<CreatePostResult> {
  let actor = signedIn;
  if (!actor) {
    if (!input.loginEmail || !input.loginPassword) return { ok: false, reason: 'needs_login' };
    const login = await logIn(deps, { email: input.loginEmail.toLowerCase(), password: input.loginPassword });
    if (!login.ok && login.reason === 'suspended') return refused('suspended');
    if (!login.ok) return login.reason === 'rate_limited' ? login : { ok: false, reason: 'login_failed' };
    opened.sessionToken = login.sessionToken;
    const user = (await validateSessionToken(deps.db, login.sessionToken, deps.now)).user;
    if (!user) return { ok: false, reason: 'login_failed' };
    actor = await loadActor(deps.db, user);
  }

  // Which brand: an existing one, or a new one that must not duplicate another.
  let brandId: number | null = null;
  let newBrand: {
    name: string;
    nameKey: string;
    domain: string;
    sector: NonNullable<NewPostInput['newBrandSector']>;
  } | null = null;
  if (input.brandSlug) {
    brandId = await findPostingBrandId(deps.db, input.brandSlug);
    if (brandId === null) return invalid({ brandSlug: fieldMessage('brand_gone') });
  } else {
    const name = input.newBrandName!;
    const domain = normalizeDomain(input.newBrandWebsite ?? '')!;
    const same = await findSameBrand(deps.db, brandNameKey(name), domain);
    if (same) return { ok: false, reason: 'existing_brand', brand: { slug: same.slug, name: same.name } };
    newBrand = { name, nameKey: brandNameKey(name), domain, sector: input.newBrandSector! };
  }

  const decision = can(actor, 'post', brandId === null ? {} : { brandId });
  if (!decision.ok) return refused(decision.reason);

  const dateProblem = checkExperienceDate(input.experiencedOn, deps.now);
  if (dateProblem) return invalid({ experiencedOn: dateProblem });

  let { title, story } = input;
  const found = findPersonalData(`${title}\n${story}`);
  if (hasPersonalData(found)) {
    if (!input.personalData) return { ok: false, reason: 'personal_data', found };
    if (input.personalData === 'mask') {
      title = maskPersonalData(title);
      story = maskPersonalData(story);
    }
  }

  const limited = await attempt(
    deps.db,
    RATE_LIMITS.postsPerAccount,
    String(actor.id),
    deps.now,
    deps.rateLimitExempt,
  );
  if (!limited.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };

  const evidence = await prepareEvidence(deps.db, actor, input.evidence);
  if (!evidence.ok) return evidence;

  const author = actor;
  const since = new Date(deps.now.getTime() - DUPLICATE_WINDOW_HOURS * 3_600_000);
  const written = await deps.db.transaction(async (tx) => {
    const notify = { db: tx, now: deps.now, siteUrl: deps.siteUrl };
    // Statements sent together travel in one round trip and run in the order given (decision 017).
    // One author's posts are checked and written one at a time, so parallel submissions cannot all
    // pass the 24-hour duplicate guard; new brands likewise, so two posts cannot create one brand twice.
    let targetBrandId: number;
    let team: Awaited<ReturnType<typeof teamToNotify>>;
    let postId: number;
    if (brandId !== null) {
      const [guard, teamRead, id] = await Promise.all([
        lockAuthorPostingAbout(tx, author.id, { id: brandId, slug: input.brandSlug! }, since),
        teamToNotify(tx, brandId, null),
        nextPostId(tx),
      ]);
      if (guard.brandId === null) {
        forgetBrandSlug(input.brandSlug!);
        return invalid({ brandSlug: fieldMessage('brand_gone') });
      }
      if (isDuplicatePost(title, guard.recent, deps.now)) {
        return invalid({ title: fieldMessage('duplicate_title') });
      }
      targetBrandId = guard.brandId;
      if (targetBrandId !== brandId) {
        // Merged meanwhile (or since its slug was remembered): the post goes to the kept brand, which
        // its own team members may not post about, and the kept brand's team hears of it.
        forgetBrandSlug(input.brandSlug!);
        const kept = can(author, 'post', { brandId: targetBrandId });
        if (!kept.ok) return refused(kept.reason);
      }
      team = targetBrandId === brandId ? teamRead : await teamToNotify(tx, targetBrandId, null);
      postId = id;
    } else {
      const created = newBrand!;
      await lockAuthorPosting(tx, author.id, null);
      await lockBrandCreation(tx);
      const same = await findSameBrand(tx, created.nameKey, created.domain);
      if (same) {
        return { ok: false, reason: 'existing_brand', brand: { slug: same.slug, name: same.name } } as const;
      }
      const brand = await insertBrand(tx, {
        slug: await freeBrandSlug(tx, brandSlug(created.name)),
        name: created.name,
        nameKey: created.nameKey,
        domain: created.domain,
        websiteUrl: `https://${created.domain}/`,
        sector: created.sector,
        createdById: author.id,
        createdAt: deps.now,
        updatedAt: deps.now,
      });
      targetBrandId = brand.id;
      [team, postId] = await Promise.all([teamToNotify(tx, brand.id, null), nextPostId(tx)]);
    }
    // A like from a new account in a burst for this brand waits for a moderator (src/domain/abuse-signals.ts).
    const held = await shouldHoldNewPost(tx, {
      kind: input.kind,
      authorId: author.id,
      brandId: targetBrandId,
      now: deps.now,
    });
    const post = {
      id: postId,
      brandId: targetBrandId,
      authorId: author.id,
      kind: input.kind,
      title,
      story,
      language: input.language ?? 'en',
      category: input.category,
      channel: input.channel,
      experiencedOn: input.experiencedOn,
      country: input.country ?? null,
      waitMinutes: input.waitMinutes ?? null,
      status: openingStatus(input.kind),
      visibility: held ? 'held' : 'published',
      lastActivityAt: deps.now,
      createdAt: deps.now,
      updatedAt: deps.now,
    } as const;
    const images = { postId, messageId: null, uploaderId: author.id, createdAt: deps.now };
    // Nothing public happened: the brand hears of it, and it counts, when a moderator releases it.
    if (held) {
      await Promise.all([insertPost(tx, post), insertImages(tx, images, evidence.images)]);
      return { ok: true, postId, held: true } as const;
    }
    // One round trip: the post (first: its images refer to it), who hears of it, and the writer's
    // turn at the brand's figures, late so the brand's statistics lock is held only until the commit.
    const delta = newPostDelta(post);
    const [, , , , turn] = await Promise.all([
      insertPost(tx, post),
      insertImages(tx, images, evidence.images),
      post.kind === 'fail' ? notifyTeamOf(notify, team, post, 'team_new_fail') : null,
      queueWebhookEvent(notify, targetBrandId, 'post.created', webhookPostData(post, deps.siteUrl)),
      delta && takeTurnOrQueue(tx, targetBrandId, delta),
      announceChange(tx, { brandId: targetBrandId, postId, kind: 'post' }),
    ]);
    // The adder adds the queue with its own change: one more round trip, then the commit.
    if (delta && turn) await addOnOurTurn(tx, targetBrandId, turn, delta, deps.now);
    return { ok: true, postId, held: false } as const;
  });
  return written.ok
    ? { ok: true, postId: written.postId, held: written.held, sessionToken: opened.sessionToken }
    : written;
}

export async function addFollowUp(
  deps: CommandDeps,
  actor: Actor | null,
  input: { postId: number; body: string; evidence?: readonly EvidenceUpload[] },
): Promise<{ ok: true } | Refused | NotFound | FieldProblem | RateLimited> {
  const body = normalizeText(input.body);
  if (body.length < 2 || body.length > 5000)
    return invalid({ body: fieldMessage('follow_up_length', { min: 2, max: 5000 }) });
  const evidence = await beforeThreadMessage(
    deps,
    actor,
    { action: 'follow_up', postId: input.postId },
    input.evidence,
  );
  if (!evidence.ok) return evidence;
  return writeToPublishedPost(deps, actor, input.postId, 'follow_up', async (tx, post, author) => {
    const { plan } = planFollowUp(await loadThreadState(tx, post), body, deps.now);
    return goAhead(async () => {
      const { messageId } = await applyThreadPlan(tx, post, plan);
      await insertImages(
        tx,
        { postId: post.id, messageId: messageId!, uploaderId: author.id, createdAt: deps.now },
        evidence.images,
      );
      const notify = { db: tx, now: deps.now, siteUrl: deps.siteUrl };
      await notifyTeam(notify, post, 'team_follow_up');
      await queueWebhookEvent(notify, post.brandId, 'post.follow_up', {
        ...webhookPostData(post, deps.siteUrl),
        followUp: body,
      });
      return { ok: true } as const;
    });
  });
}

export async function sayMeToo(
  deps: CommandDeps,
  actor: Actor | null,
  input: { postId: number },
): Promise<{ ok: true; added: boolean } | Refused | NotFound> {
  return writeToPublishedPost(deps, actor, input.postId, 'me_too', async (tx, post, author) =>
    goAhead(async () => {
      const added = await insertMeToo(tx, post.id, author.id, deps.now);
      return { ok: true, added } as const;
    }),
  );
}

export type VerdictResult =
  | { ok: true }
  | Refused
  | NotFound
  | { ok: false; reason: 'no_brand_reply_yet' | 'already_changed' | 'unchanged' };

/** The author's final word: allowed once the brand has replied, and changeable once (DESIGN §4). */
export async function giveVerdict(
  deps: CommandDeps,
  actor: Actor | null,
  input: { postId: number; resolved: boolean; wouldBuyAgain: boolean },
): Promise<VerdictResult> {
  return writeToPublishedPost(deps, actor, input.postId, 'give_verdict', async (tx, post) => {
    const planned = planVerdict(await loadThreadState(tx, post), input, deps.now);
    if (!planned.ok) {
      // The policy lets only a fail's author give a verdict: a like never gets this far.
      return planned.reason === 'not_a_fail' ? refused('forbidden') : { ok: false, reason: planned.reason };
    }
    const { plan } = planned;
    return goAhead(async () => {
      await applyThreadPlan(tx, post, plan);
      const notify = { db: tx, now: deps.now, siteUrl: deps.siteUrl };
      await notifyTeam(notify, post, 'team_verdict');
      await queueWebhookEvent(notify, post.brandId, 'post.verdict', {
        ...webhookPostData({ ...post, status: plan.post.status ?? post.status }, deps.siteUrl),
        resolved: input.resolved,
        wouldBuyAgain: input.wouldBuyAgain,
      });
      return { ok: true } as const;
    });
  });
}

type Edited = { ok: true; changed: boolean };

export type EditResult =
  Edited | Refused | NotFound | { ok: false; reason: 'personal_data'; found: PersonalDataFound };

/** Edits keep the replaced version, readable behind "edited" (DESIGN §4). */
export async function editPost(
  deps: CommandDeps,
  actor: Actor | null,
  input: {
    postId: number;
    title: string;
    story: string;
    category: Category;
    channel: Channel;
    personalData?: 'mask' | 'publish' | null | undefined;
  },
): Promise<EditResult> {
  return writeToPublishedPost(deps, actor, input.postId, 'edit_own_post', async (tx, post, author) => {
    let { title, story } = input;
    const textChanged = title !== post.title || story !== post.story;
    const found = findPersonalData(`${title}\n${story}`);
    if (textChanged && hasPersonalData(found)) {
      if (!input.personalData) return { ok: false, reason: 'personal_data', found } as const;
      if (input.personalData === 'mask') {
        title = maskPersonalData(title);
        story = maskPersonalData(story);
      }
    }
    // The version being replaced was published at the previous edit, or when the post was created.
    const previousEdit = await lastEventAt(tx, post.id, 'edited');
    const plan = planEdit(
      post,
      { title, story, category: input.category, channel: input.channel },
      author.id,
      previousEdit,
      deps.now,
    );
    if (!plan) return goAhead(async (): Promise<Edited> => ({ ok: true, changed: false }));
    return goAhead(async (): Promise<Edited> => {
      await applyPostChange(tx, post.id, plan);
      return { ok: true, changed: true } as const;
    });
  });
}

/** Withdrawing removes the post from lists and figures; its page keeps a notice and the brand's replies. */
export async function withdrawPost(
  deps: CommandDeps,
  actor: Actor | null,
  input: { postId: number },
): Promise<{ ok: true } | Refused | NotFound> {
  return writeToPublishedPost(deps, actor, input.postId, 'withdraw_own_post', async (tx, post, author) =>
    goAhead(async () => {
      await applyPostChange(tx, post.id, planWithdrawal(author.id, deps.now));
      return { ok: true } as const;
    }),
  );
}
