/**
 * The demo board: fictional brands whose threads re-enact classic service
 * failures and successes (db/seed/content.ts), plus a few hundred generated
 * posts over the last 14 months, so every page and figure has something
 * true-to-life to show. Deterministic: the same day gives the same data.
 */
import { brandNameKey } from '../../src/domain/brand-identity.ts';
import { openingStatus } from '../../src/domain/lifecycle.ts';
import type { Category, Channel, Sector } from '../../src/domain/vocabulary.ts';
import {
  AUTHOR_FOLLOW_UPS,
  CANNED_BRAND_REPLIES,
  CLASSIC_STORIES,
  DEMO_BRANDS,
  FIRST_NAMES,
  LAST_INITIALS,
  PERSONAL_BRAND_REPLIES,
  PRODUCTS_BY_SECTOR,
  RESOLUTION_PROPOSALS,
  STORY_TEMPLATES,
  THANK_YOU_REPLIES,
  type DemoBrand,
} from './content.ts';
import { createRandom, type Random } from './random.ts';
import { SeedStore } from './store.ts';
import type { Agent, ThreadStep } from './threads.ts';

export const DEMO_PASSWORD = 'likes-and-fails-demo';
export const DEMO_ACCOUNTS = {
  customer: 'customer@demo.example',
  brandOwner: 'brand@demo.example',
  moderator: 'moderator@demo.example',
} as const;
export const DEMO_BRAND_SLUG = 'northwind-telecom';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const HISTORY_DAYS = 425; // a little over 14 months

export interface DemoOptions {
  now: Date;
  passwordHash: string;
  /** Generated posts on top of the classic stories. */
  generatedPosts?: number;
  seed?: number;
}

interface BrandContext {
  id: number;
  brand: DemoBrand;
  agents: Agent[];
}

/** Follow-ups that still chase the brand: the only ones that fit before an answer or without a fix. */
const CHASING_FOLLOW_UPS = AUTHOR_FOLLOW_UPS.filter((text) =>
  /still|no reply|nobody|in progress|came and went|again|never received|no call back|same fault|from the start/i.test(
    text,
  ),
);

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const hoursAfter = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR_MS);
const firstName = (displayName: string) => displayName.split(' ')[0] ?? '';

export function buildDemo(options: DemoOptions): SeedStore {
  const random = createRandom(options.seed ?? 20_260_614);
  const { now, passwordHash } = options;
  const store = new SeedStore(now);
  const start = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);

  const addUser = (email: string, displayName: string, role: 'customer' | 'moderator' = 'customer') => {
    const id = store.nextId('users');
    store.users.push({
      id,
      email,
      displayName,
      passwordHash,
      role,
      emailVerifiedAt: start,
      createdAt: start,
    });
    return id;
  };

  // ── people ────────────────────────────────────────────────────────────
  const demoCustomerId = addUser(DEMO_ACCOUNTS.customer, 'Camille R.');
  const brandOwnerId = addUser(DEMO_ACCOUNTS.brandOwner, 'Alex');
  const moderatorId = addUser(DEMO_ACCOUNTS.moderator, 'Morgan (moderator)', 'moderator');
  const customerIds = [demoCustomerId];
  for (let i = 0; i < 70; i++) {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_INITIALS[(i * 7) % LAST_INITIALS.length]}.`;
    customerIds.push(addUser(`customer${i + 1}@demo.example`, name));
  }

  // ── brands and their teams ────────────────────────────────────────────
  const brands = new Map<string, BrandContext>();
  for (const brand of DEMO_BRANDS) {
    const id = store.nextId('brands');
    store.brands.push({
      id,
      slug: brand.slug,
      name: brand.name,
      nameKey: brandNameKey(brand.name),
      domain: brand.domain,
      websiteUrl: `https://${brand.domain}/`,
      sector: brand.sector,
      country: brand.country,
      description: brand.description,
      contact: brand.contact,
      verifiedAt: brand.verified ? start : null,
      createdAt: start,
      updatedAt: start,
    });
    const agents: Agent[] = [];
    if (brand.verified) {
      const names =
        brand.slug === DEMO_BRAND_SLUG
          ? ['Alex', 'Marie']
          : random.sample(FIRST_NAMES, random.int(2, 3)).map((name) => String(name));
      names.forEach((name, index) => {
        const userId =
          brand.slug === DEMO_BRAND_SLUG && index === 0
            ? brandOwnerId
            : addUser(`${name.toLowerCase()}.${index}@${brand.domain}`, name);
        agents.push({ userId, name });
        store.members.push({ brandId: id, userId, role: index === 0 ? 'owner' : 'member', createdAt: start });
      });
    } else {
      // Unverified brands still answer sometimes, through an unofficial account that is not shown as verified.
      agents.push({
        userId: addUser(`support@${brand.domain}`, `${brand.name} support`),
        name: `${brand.name} support`,
      });
    }
    brands.set(brand.slug, { id, brand, agents });
  }

  const addPost = (input: {
    brand: BrandContext;
    kind: 'like' | 'fail';
    title: string;
    story: string;
    category: Category;
    channel: Channel;
    waitMinutes: number | null;
    country: string | null;
    createdAt: Date;
    authorId: number;
    steps: (postId: number, createdAt: Date) => ThreadStep[];
  }) => {
    const id = store.nextId('posts');
    const steps = input.steps(id, input.createdAt);
    const experienced = new Date(input.createdAt.getTime() - random.int(0, 4) * DAY_MS);
    // The post as it is published; its thread is played later through the live writer (db/seed/threads.ts).
    store.posts.push({
      id,
      brandId: input.brand.id,
      authorId: input.authorId,
      kind: input.kind,
      title: input.title.slice(0, 120),
      story: input.story.slice(0, 5000),
      category: input.category,
      channel: input.channel,
      experiencedOn: isoDay(experienced),
      country: input.country,
      waitMinutes: input.waitMinutes,
      status: openingStatus(input.kind),
      lastActivityAt: input.createdAt,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    });
    store.threads.push({
      post: { id, kind: input.kind, brandId: input.brand.id, authorId: input.authorId },
      authorFirstName: firstName(userName(input.authorId)),
      steps,
    });
    return id;
  };

  const authorFor = (brand: BrandContext) => {
    const memberIds = new Set(brand.agents.map((agent) => agent.userId));
    let authorId = random.pick(customerIds);
    while (memberIds.has(authorId)) authorId = random.pick(customerIds);
    return authorId;
  };

  const personalise = (text: string, brand: BrandContext, agent: Agent, authorName: string) =>
    text
      .replaceAll('{name}', authorName.split(' ')[0] ?? 'there')
      .replaceAll('{agent}', agent.name)
      .replaceAll('{brand}', brand.brand.name);

  const userName = (userId: number) => String(store.users[userId - 1]?.displayName ?? 'there');

  // ── the classic stories ───────────────────────────────────────────────
  CLASSIC_STORIES.forEach((classic, index) => {
    const brand = brands.get(classic.brandSlug);
    if (!brand) throw new Error(`Classic story for unknown brand ${classic.brandSlug}`);
    const createdAt = new Date(
      now.getTime() - classic.daysAgo * DAY_MS + random.int(8, 20) * HOUR_MS - 12 * HOUR_MS,
    );
    // The demo customer tells the first stories, so /account has something to show.
    const authorId = index < 3 && brand.brand.slug !== DEMO_BRAND_SLUG ? demoCustomerId : authorFor(brand);
    addPost({
      brand,
      kind: classic.kind,
      title: classic.title,
      story: classic.story,
      category: classic.category,
      channel: classic.channel,
      waitMinutes: classic.waitMinutes,
      country: classic.country,
      createdAt,
      authorId,
      steps: (_postId, postedAt) => {
        let agentIndex = 0;
        const steps: ThreadStep[] = classic.thread.map((step) => {
          const at = hoursAfter(postedAt, step.afterHours);
          if (step.by === 'author') return { type: 'author', at, body: step.body };
          // A new agent after a long gap: the handover the design wants shown.
          if (step.afterHours > 24 * 7 && brand.agents.length > 1)
            agentIndex = (agentIndex + 1) % brand.agents.length;
          const agent = brand.agents[agentIndex]!;
          return {
            type: 'brand',
            at,
            agent,
            body: personalise(step.body, brand, agent, userName(authorId)),
            promiseDueOn: step.promiseInDays
              ? isoDay(new Date(at.getTime() + step.promiseInDays * DAY_MS))
              : null,
            proposeResolution: step.proposeResolution ?? false,
          };
        });
        const last = classic.thread.at(-1);
        if (classic.verdict && last) {
          steps.push({
            type: 'verdict',
            at: hoursAfter(postedAt, last.afterHours + 20),
            resolved: classic.verdict.resolved,
            wouldBuyAgain: classic.verdict.wouldBuyAgain,
          });
        }
        return steps;
      },
    });
  });

  // ── generated posts ───────────────────────────────────────────────────
  const brandList = [...brands.values()];
  const generated = options.generatedPosts ?? 320;
  for (let i = 0; i < generated; i++) {
    // Bigger, worse brands get more posts, as they do in life.
    const brand = random.chance(0.3) ? brands.get(DEMO_BRAND_SLUG)! : random.pick(brandList);
    const quality = brand.brand.quality;
    const kind = random.chance(0.2 + 0.55 * quality) ? 'like' : 'fail';
    const sector = brand.brand.sector;
    const templates = STORY_TEMPLATES.filter(
      (template) =>
        template.kind === kind && (template.sectors === 'any' || template.sectors.includes(sector)),
    );
    const template = random.pick(
      templates.length > 0 ? templates : STORY_TEMPLATES.filter((t) => t.kind === kind),
    );
    const waitMinutes = template.waitMinutes
      ? random.int(template.waitMinutes[0], template.waitMinutes[1])
      : null;
    const fill = (text: string) =>
      text
        .replaceAll('{brand}', brand.brand.name)
        .replaceAll('{product}', random.pick(PRODUCTS_BY_SECTOR[sector as Sector]))
        .replaceAll('{days}', String(random.int(3, 21)))
        .replaceAll('{minutes}', String(waitMinutes ?? random.int(10, 90)));
    // Skewed towards recent months so the 30-day window is lively.
    const ageDays = random.chance(0.25) ? random.next() * 30 : random.next() * HISTORY_DAYS;
    const createdAt = new Date(now.getTime() - ageDays * DAY_MS);
    const authorId = authorFor(brand);
    addPost({
      brand,
      kind,
      title: fill(template.title),
      story: fill(template.story),
      category: template.category,
      channel: template.channel,
      waitMinutes,
      country: brand.brand.country && random.chance(0.7) ? brand.brand.country : null,
      createdAt,
      authorId,
      steps: (_postId, postedAt) =>
        kind === 'like'
          ? likeSteps(random, brand, postedAt)
          : failSteps(random, brand, postedAt, userName(authorId), now, personalise),
    });
  }

  addMeToos(random, store, customerIds, now);
  addHistory(random, store, moderatorId, customerIds, brands, now);
  // Last, so the rest of the board draws the same numbers as before marks existed.
  addHelpfulMarks(random, store, customerIds, now);
  return store;
}

function likeSteps(random: Random, brand: BrandContext, postedAt: Date): ThreadStep[] {
  if (!random.chance(0.2 + 0.6 * brand.brand.quality)) return [];
  const agent = random.pick(brand.agents);
  return [
    {
      type: 'brand',
      at: hoursAfter(postedAt, random.logUniform(0.5, 72)),
      agent,
      body: random
        .pick(THANK_YOU_REPLIES)
        .replaceAll('{brand}', brand.brand.name)
        .replaceAll('{agent}', agent.name)
        .replaceAll('{name}', 'there'),
    },
  ];
}

function failSteps(
  random: Random,
  brand: BrandContext,
  postedAt: Date,
  authorName: string,
  now: Date,
  personalise: (text: string, brand: BrandContext, agent: Agent, authorName: string) => string,
): ThreadStep[] {
  const quality = brand.brand.quality;
  const steps: ThreadStep[] = [];
  if (random.chance(0.35)) {
    steps.push({
      type: 'author',
      at: hoursAfter(postedAt, random.logUniform(2, 96)),
      body: random.pick(CHASING_FOLLOW_UPS),
    });
  }
  if (!random.chance(0.25 + 0.7 * quality)) return steps; // the brand never answers

  // Good brands answer within hours, poor ones within days.
  const firstReplyHours =
    quality > 0.7 ? random.logUniform(0.3, 12) : random.logUniform(2, 24 * (2 + 10 * (1 - quality)));
  let at = hoursAfter(postedAt, firstReplyHours);
  let agent = random.pick(brand.agents);
  const canned = random.chance(brand.brand.cannedness);
  const body = personalise(
    random.pick(canned ? CANNED_BRAND_REPLIES : PERSONAL_BRAND_REPLIES),
    brand,
    agent,
    authorName,
  );
  const promises = random.chance(0.55);
  const dueInDays = random.int(2, 14);
  steps.push({
    type: 'brand',
    at,
    agent,
    body,
    promiseDueOn: promises ? isoDay(new Date(at.getTime() + dueInDays * DAY_MS)) : null,
    escalateTo: random.chance(0.12)
      ? random.pick(['Technical team', 'Billing department', 'Complaints desk', 'Field engineers'])
      : null,
  });

  // Sometimes the first agent goes on holiday and a colleague takes over.
  if (brand.agents.length > 1 && random.chance(0.15)) {
    const next = brand.agents.find((candidate) => candidate.userId !== agent.userId)!;
    agent = next;
    at = hoursAfter(at, random.logUniform(24, 24 * 8));
    steps.push({
      type: 'brand',
      at,
      agent,
      body: personalise(random.pick(PERSONAL_BRAND_REPLIES), brand, agent, authorName),
    });
  }

  // Whether the brand follows through: on time, late, or never.
  const followsThrough = random.chance(0.2 + 0.75 * quality);
  if (followsThrough) {
    const proposalDays =
      promises && random.chance(0.3 + 0.65 * quality) ? random.next() * dueInDays : random.int(1, 21);
    at = hoursAfter(at, proposalDays * 24);
    steps.push({
      type: 'brand',
      at,
      agent,
      body: personalise(random.pick(RESOLUTION_PROPOSALS), brand, agent, authorName),
      proposeResolution: true,
    });
    // Most customers answer; some never come back (the case then closes as unconfirmed).
    if (random.chance(0.8)) {
      const resolved = random.chance(0.35 + 0.6 * quality);
      steps.push({
        type: 'verdict',
        at: hoursAfter(at, random.logUniform(2, 24 * 10)),
        resolved,
        wouldBuyAgain: resolved ? random.chance(0.4 + 0.5 * quality) : random.chance(0.1),
      });
    }
  } else if (random.chance(0.5)) {
    steps.push({
      type: 'author',
      at: hoursAfter(at, random.int(3, 20) * 24),
      body: random.pick(CHASING_FOLLOW_UPS),
    });
    if (random.chance(0.6) && hoursAfter(at, 24 * 21) < now) {
      steps.push({
        type: 'verdict',
        at: hoursAfter(at, random.int(21, 40) * 24),
        resolved: false,
        wouldBuyAgain: false,
      });
    }
  }
  return steps;
}

/** Other customers say "me too"; fails at weaker brands gather more. */
function addMeToos(random: Random, store: SeedStore, customerIds: number[], now: Date): void {
  for (const post of store.posts) {
    if (post.kind !== 'fail') continue;
    const count = random.chance(0.45) ? Math.floor(random.logUniform(1, 24)) : 0;
    const people = random.sample(
      customerIds.filter((id) => id !== post.authorId),
      count,
    );
    const postedAt = post.createdAt as Date;
    for (const userId of people) {
      const at = new Date(postedAt.getTime() + random.logUniform(1, 24 * 20) * HOUR_MS);
      if (at > now) continue;
      store.meToos.push({ postId: post.id!, userId, createdAt: at });
      post.meTooCount = (post.meTooCount ?? 0) + 1;
    }
  }
}

/** Readers mark posts helpful; likes the brand answered gather most, so the demo has stories to feature. */
function addHelpfulMarks(random: Random, store: SeedStore, customerIds: number[], now: Date): void {
  // A like takes any reply, so the brand answered it when its thread has a brand step before now.
  const answered = new Set(
    store.threads
      .filter((thread) => thread.steps.some((step) => step.type === 'brand' && step.at <= now))
      .map((thread) => thread.post.id),
  );
  for (const post of store.posts) {
    if ((post.visibility ?? 'published') !== 'published') continue;
    const answeredLike = post.kind === 'like' && answered.has(post.id!);
    if (!random.chance(answeredLike ? 0.6 : 0.3)) continue;
    const people = random.sample(
      customerIds.filter((id) => id !== post.authorId),
      Math.floor(random.logUniform(1, answeredLike ? 16 : 8)),
    );
    const postedAt = post.createdAt as Date;
    for (const userId of people) {
      const at = new Date(postedAt.getTime() + random.logUniform(1, 24 * 20) * HOUR_MS);
      if (at > now) continue;
      store.helpfulMarks.push({ postId: post.id!, userId, createdAt: at });
      post.helpfulCount = (post.helpfulCount ?? 0) + 1;
    }
  }
}

/** A few edits, withdrawals, a moderator removal, open flags and a pending claim. */
function addHistory(
  random: Random,
  store: SeedStore,
  moderatorId: number,
  customerIds: number[],
  brands: Map<string, BrandContext>,
  now: Date,
): void {
  const published = store.posts.filter(
    (post) => (post.createdAt as Date).getTime() < now.getTime() - 2 * DAY_MS,
  );
  const [edited1, edited2, edited3, withdrawn1, withdrawn2, removed, flagged1, flagged2] = random.sample(
    published,
    8,
  );

  for (const post of [edited1, edited2, edited3]) {
    if (!post) continue;
    const createdAt = post.createdAt as Date;
    const paragraphs = String(post.story).split('\n\n');
    store.revisions.push({
      id: store.nextId('revisions'),
      postId: post.id!,
      revision: 1,
      title: String(post.title).replace(/[.!]$/, '').slice(0, 110) + ' (first version)',
      story:
        paragraphs.length > 1
          ? paragraphs.slice(0, -1).join('\n\n')
          : `${post.story}`.slice(0, Math.max(40, String(post.story).length - 40)),
      category: post.category!,
      channel: post.channel!,
      createdAt,
    });
    post.revisionCount = 1;
    store.events.push({
      id: store.nextId('events'),
      postId: post.id!,
      type: 'edited',
      actorId: post.authorId!,
      data: {},
      createdAt: new Date(createdAt.getTime() + 3 * HOUR_MS),
    });
  }

  for (const post of [withdrawn1, withdrawn2]) {
    if (!post) continue;
    const at = new Date(Math.min(now.getTime(), (post.createdAt as Date).getTime() + 5 * DAY_MS));
    post.visibility = 'withdrawn';
    post.withdrawnAt = at;
    store.events.push({
      id: store.nextId('events'),
      postId: post.id!,
      type: 'withdrawn',
      actorId: post.authorId!,
      data: {},
      createdAt: at,
    });
  }

  if (removed) {
    const at = new Date(Math.min(now.getTime(), (removed.createdAt as Date).getTime() + DAY_MS));
    const explanation = 'the story named an employee and gave her private phone number.';
    const reason = `Personal data: ${explanation}`;
    removed.visibility = 'removed';
    removed.removedAt = at;
    removed.removalReason = reason;
    const flaggerId = customerIds.find((id) => id !== removed.authorId)!;
    store.flags.push({
      id: store.nextId('flags'),
      postId: removed.id!,
      userId: flaggerId,
      reason: 'personal_data',
      note: 'It gives a private phone number.',
      status: 'upheld',
      decidedById: moderatorId,
      decidedAt: at,
      createdAt: new Date(at.getTime() - 3 * HOUR_MS),
    });
    store.moderation.push({
      id: store.nextId('moderation'),
      moderatorId,
      action: 'remove_post',
      targetType: 'post',
      targetId: removed.id!,
      reason: 'personal_data',
      note: explanation,
      createdAt: at,
    });
    store.events.push({
      id: store.nextId('events'),
      postId: removed.id!,
      type: 'removed',
      actorId: moderatorId,
      data: { reason },
      createdAt: at,
    });
  }

  // Flagged posts stay visible until a moderator decides.
  for (const [post, reason] of [
    [flagged1, 'fake'],
    [flagged2, 'wrong_brand'],
  ] as const) {
    if (!post) continue;
    const flaggerId = customerIds.find((id) => id !== post.authorId && id > 5)!;
    store.flags.push({
      id: store.nextId('flags'),
      postId: post.id!,
      userId: flaggerId,
      reason,
      note:
        reason === 'fake'
          ? 'Reads like an advert for a competitor.'
          : 'This sounds like a different company.',
      createdAt: new Date(now.getTime() - random.int(1, 48) * HOUR_MS),
    });
  }

  const unclaimed = [...brands.values()].find((brand) => !brand.brand.verified);
  if (unclaimed) {
    store.claims.push({
      id: store.nextId('claims'),
      brandId: unclaimed.id,
      userId: customerIds[10]!,
      workEmail: null,
      message: 'I run customer care here; our mail server does not accept outside mail yet.',
      createdAt: new Date(now.getTime() - 2 * DAY_MS),
    });
  }
}
