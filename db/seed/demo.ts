/**
 * The demo board: fictional brands whose threads re-enact classic service
 * failures and successes (db/seed/content.ts), plus a few hundred generated
 * posts over the last 14 months, so every page and figure has something
 * true-to-life to show. Deterministic: the same day gives the same data.
 */
import { brandNameKey } from '../../src/domain/brand-identity.ts';
import { openingStatus } from '../../src/domain/lifecycle.ts';
import type { Category, Channel, Language, Sector } from '../../src/domain/vocabulary.ts';
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
  type ClassicStory,
  type DemoBrand,
  type StoryTemplate,
} from './content.ts';
import {
  FRENCH_CANNED_BRAND_REPLIES,
  FRENCH_CHASING_FOLLOW_UPS,
  FRENCH_CLASSIC_STORIES,
  FRENCH_DEMO_BRANDS,
  FRENCH_ESCALATION_TEAMS,
  FRENCH_FIRST_NAMES,
  FRENCH_PERSONAL_BRAND_REPLIES,
  FRENCH_PRODUCTS_BY_SECTOR,
  FRENCH_RESOLUTION_PROPOSALS,
  FRENCH_STORY_TEMPLATES,
  FRENCH_THANK_YOU_REPLIES,
} from './content-fr.ts';
import { createRandom, type Random } from './random.ts';
import { SeedStore } from './store.ts';
import type { Agent, ThreadStep } from './threads.ts';

export const DEMO_PASSWORD = 'likes-and-fails-demo';
export const DEMO_ACCOUNTS = {
  customer: 'customer@demo.example',
  brandOwner: 'brand@demo.example',
  moderator: 'moderator@demo.example',
  /** A French-speaking customer (account language fr) who tells the first French stories. */
  frenchCustomer: 'client@demo.example',
  /** Owner of the French-speaking Fibrelune. */
  frenchBrandOwner: 'marque@demo.example',
} as const;
export const DEMO_BRAND_SLUG = 'northwind-telecom';
export const FRENCH_DEMO_BRAND_SLUG = 'fibrelune';
/** Generated posts per French-speaking brand, on top of its classic stories (enough to be ranked). */
const FRENCH_POSTS_PER_BRAND = 16;

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

/** What a language's posts and replies are made of: the texts the generator draws from. */
interface Voice {
  language: Language;
  templates: StoryTemplate[];
  products: Partial<Record<Sector, string[]>>;
  thankYous: string[];
  cannedReplies: string[];
  personalReplies: string[];
  resolutionProposals: string[];
  chasingFollowUps: string[];
  escalationTeams: string[];
}

/** Follow-ups that still chase the brand: the only ones that fit before an answer or without a fix. */
const CHASING_FOLLOW_UPS = AUTHOR_FOLLOW_UPS.filter((text) =>
  /still|no reply|nobody|in progress|came and went|again|never received|no call back|same fault|from the start/i.test(
    text,
  ),
);

const ENGLISH: Voice = {
  language: 'en',
  templates: STORY_TEMPLATES,
  products: PRODUCTS_BY_SECTOR,
  thankYous: THANK_YOU_REPLIES,
  cannedReplies: CANNED_BRAND_REPLIES,
  personalReplies: PERSONAL_BRAND_REPLIES,
  resolutionProposals: RESOLUTION_PROPOSALS,
  chasingFollowUps: CHASING_FOLLOW_UPS,
  escalationTeams: ['Technical team', 'Billing department', 'Complaints desk', 'Field engineers'],
};

const FRENCH: Voice = {
  language: 'fr',
  templates: FRENCH_STORY_TEMPLATES,
  products: FRENCH_PRODUCTS_BY_SECTOR,
  thankYous: FRENCH_THANK_YOU_REPLIES,
  cannedReplies: FRENCH_CANNED_BRAND_REPLIES,
  personalReplies: FRENCH_PERSONAL_BRAND_REPLIES,
  resolutionProposals: FRENCH_RESOLUTION_PROPOSALS,
  chasingFollowUps: FRENCH_CHASING_FOLLOW_UPS,
  escalationTeams: FRENCH_ESCALATION_TEAMS,
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** The local part of an agent's address: "Élodie" → "elodie". */
const emailName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const hoursAfter = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR_MS);
const firstName = (displayName: string) => displayName.split(' ')[0] ?? '';

export function buildDemo(options: DemoOptions): SeedStore {
  const seed = options.seed ?? 20_260_614;
  const random = createRandom(seed);
  const { now, passwordHash } = options;
  const store = new SeedStore(now);
  const start = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);

  const addUser = (
    email: string,
    displayName: string,
    role: 'customer' | 'moderator' = 'customer',
    language: Language = 'en',
  ) => {
    const id = store.nextId('users');
    store.users.push({
      id,
      email,
      displayName,
      passwordHash,
      role,
      language,
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
  const addBrand = (
    brand: DemoBrand,
    draw: Random,
    voice: Voice,
    firstNames: string[],
    owner: { slug: string; userId: number; names: string[] },
  ) => {
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
        brand.slug === owner.slug
          ? owner.names
          : draw.sample(firstNames, draw.int(2, 3)).map((name) => String(name));
      names.forEach((name, index) => {
        const userId =
          brand.slug === owner.slug && index === 0
            ? owner.userId
            : addUser(`${emailName(name)}.${index}@${brand.domain}`, name, 'customer', voice.language);
        agents.push({ userId, name });
        store.members.push({ brandId: id, userId, role: index === 0 ? 'owner' : 'member', createdAt: start });
      });
    } else {
      // Unverified brands still answer sometimes, through an unofficial account that is not shown as verified.
      const name = voice.language === 'fr' ? `Support ${brand.name}` : `${brand.name} support`;
      agents.push({ userId: addUser(`support@${brand.domain}`, name, 'customer', voice.language), name });
    }
    const context = { id, brand, agents };
    brands.set(brand.slug, context);
    return context;
  };
  for (const brand of DEMO_BRANDS) {
    addBrand(brand, random, ENGLISH, FIRST_NAMES, {
      slug: DEMO_BRAND_SLUG,
      userId: brandOwnerId,
      names: ['Alex', 'Marie'],
    });
  }

  const addPost = (input: {
    random: Random;
    language: Language;
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
    steps: ThreadStep[];
  }) => {
    const id = store.nextId('posts');
    const experienced = new Date(input.createdAt.getTime() - input.random.int(0, 4) * DAY_MS);
    // The post as it is published; its thread is played later through the live writer (db/seed/threads.ts).
    store.posts.push({
      id,
      brandId: input.brand.id,
      authorId: input.authorId,
      kind: input.kind,
      language: input.language,
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
      steps: input.steps,
    });
    return id;
  };

  const authorFor = (draw: Random, brand: BrandContext, people: number[]) => {
    const memberIds = new Set(brand.agents.map((agent) => agent.userId));
    let authorId = draw.pick(people);
    while (memberIds.has(authorId)) authorId = draw.pick(people);
    return authorId;
  };

  const userName = (userId: number) => String(store.users[userId - 1]?.displayName ?? 'there');

  /** A hand-written story and its thread, as it happened `daysAgo`. */
  const addClassic = (
    draw: Random,
    voice: Voice,
    classic: ClassicStory,
    author: (brand: BrandContext) => number,
  ) => {
    const brand = brands.get(classic.brandSlug);
    if (!brand) throw new Error(`Classic story for unknown brand ${classic.brandSlug}`);
    const createdAt = new Date(
      now.getTime() - classic.daysAgo * DAY_MS + draw.int(8, 20) * HOUR_MS - 12 * HOUR_MS,
    );
    const authorId = author(brand);
    let agentIndex = 0;
    const steps: ThreadStep[] = classic.thread.map((step) => {
      const at = hoursAfter(createdAt, step.afterHours);
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
        at: hoursAfter(createdAt, last.afterHours + 20),
        resolved: classic.verdict.resolved,
        wouldBuyAgain: classic.verdict.wouldBuyAgain,
      });
    }
    addPost({
      random: draw,
      language: voice.language,
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
      steps,
    });
  };

  /** A post drawn from the voice's templates, its thread shaped by the brand's quality. */
  const addGenerated = (draw: Random, voice: Voice, brand: BrandContext, people: number[]) => {
    const quality = brand.brand.quality;
    const kind = draw.chance(0.2 + 0.55 * quality) ? 'like' : 'fail';
    const sector = brand.brand.sector;
    const templates = voice.templates.filter(
      (template) =>
        template.kind === kind && (template.sectors === 'any' || template.sectors.includes(sector)),
    );
    const template = draw.pick(
      templates.length > 0 ? templates : voice.templates.filter((t) => t.kind === kind),
    );
    const waitMinutes = template.waitMinutes
      ? draw.int(template.waitMinutes[0], template.waitMinutes[1])
      : null;
    const fill = (text: string) =>
      text
        .replaceAll('{brand}', brand.brand.name)
        .replaceAll('{product}', draw.pick(voice.products[sector as Sector] ?? [brand.brand.name]))
        .replaceAll('{days}', String(draw.int(3, 21)))
        .replaceAll('{minutes}', String(waitMinutes ?? draw.int(10, 90)));
    // Skewed towards recent months so the 30-day window is lively.
    const ageDays = draw.chance(0.25) ? draw.next() * 30 : draw.next() * HISTORY_DAYS;
    const createdAt = new Date(now.getTime() - ageDays * DAY_MS);
    const authorId = authorFor(draw, brand, people);
    const authorName = userName(authorId);
    addPost({
      random: draw,
      language: voice.language,
      brand,
      kind,
      title: fill(template.title),
      story: fill(template.story),
      category: template.category,
      channel: template.channel,
      waitMinutes,
      country: brand.brand.country && draw.chance(0.7) ? brand.brand.country : null,
      createdAt,
      authorId,
      steps:
        kind === 'like'
          ? // English thank-yous greet "there", as they always have; French ones greet the author by name.
            likeSteps(
              draw,
              voice,
              brand,
              createdAt,
              voice.language === 'en' ? 'there' : firstName(authorName),
            )
          : failSteps(draw, voice, brand, createdAt, authorName, now),
    });
  };

  // ── the classic stories ───────────────────────────────────────────────
  CLASSIC_STORIES.forEach((classic, index) => {
    // The demo customer tells the first stories, so /account has something to show.
    addClassic(random, ENGLISH, classic, (brand) =>
      index < 3 && brand.brand.slug !== DEMO_BRAND_SLUG
        ? demoCustomerId
        : authorFor(random, brand, customerIds),
    );
  });

  // ── generated posts ───────────────────────────────────────────────────
  const brandList = [...brands.values()];
  const generated = options.generatedPosts ?? 320;
  for (let i = 0; i < generated; i++) {
    // Bigger, worse brands get more posts, as they do in life.
    const brand = random.chance(0.3) ? brands.get(DEMO_BRAND_SLUG)! : random.pick(brandList);
    addGenerated(random, ENGLISH, brand, customerIds);
  }

  addMeToos(random, store, store.posts, customerIds, now);
  addHistory(random, store, moderatorId, customerIds, brands, now);
  // Last, so the rest of the board draws the same numbers as before marks existed.
  addHelpfulMarks(random, store, store.posts, customerIds, now);

  // ── the French-speaking board (issue #14) ─────────────────────────────
  // Its own random stream, after everything else, so the English board stays as it was.
  const french = createRandom(seed + 14);
  const frenchCustomerId = addUser(DEMO_ACCOUNTS.frenchCustomer, 'Léa M.', 'customer', 'fr');
  const frenchOwnerId = addUser(DEMO_ACCOUNTS.frenchBrandOwner, 'Sandrine', 'customer', 'fr');
  const frenchCustomerIds = [frenchCustomerId];
  for (let i = 0; i < 36; i++) {
    const name = `${FRENCH_FIRST_NAMES[i % FRENCH_FIRST_NAMES.length]} ${LAST_INITIALS[(i * 5 + 3) % LAST_INITIALS.length]}.`;
    frenchCustomerIds.push(addUser(`client${i + 1}@demo.example`, name, 'customer', 'fr'));
  }
  const frenchBrands = FRENCH_DEMO_BRANDS.map((brand) =>
    addBrand(brand, french, FRENCH, FRENCH_FIRST_NAMES, {
      slug: FRENCH_DEMO_BRAND_SLUG,
      userId: frenchOwnerId,
      names: ['Sandrine', 'Karim'],
    }),
  );
  const firstFrenchPost = store.posts.length;
  FRENCH_CLASSIC_STORIES.forEach((classic, index) => {
    addClassic(french, FRENCH, classic, (brand) =>
      index < 3 && brand.brand.slug !== FRENCH_DEMO_BRAND_SLUG
        ? frenchCustomerId
        : authorFor(french, brand, frenchCustomerIds),
    );
  });
  for (const brand of frenchBrands) {
    for (let i = 0; i < FRENCH_POSTS_PER_BRAND; i++) addGenerated(french, FRENCH, brand, frenchCustomerIds);
  }
  const frenchPosts = store.posts.slice(firstFrenchPost);
  addMeToos(french, store, frenchPosts, frenchCustomerIds, now);
  addHelpfulMarks(french, store, frenchPosts, frenchCustomerIds, now);
  return store;
}

/** Puts the author's first name, the agent's name and the brand into a reply. */
function personalise(text: string, brand: BrandContext, agent: Agent, authorName: string): string {
  return text
    .replaceAll('{name}', authorName.split(' ')[0] ?? 'there')
    .replaceAll('{agent}', agent.name)
    .replaceAll('{brand}', brand.brand.name);
}

function likeSteps(
  random: Random,
  voice: Voice,
  brand: BrandContext,
  postedAt: Date,
  greeting: string,
): ThreadStep[] {
  if (!random.chance(0.2 + 0.6 * brand.brand.quality)) return [];
  const agent = random.pick(brand.agents);
  return [
    {
      type: 'brand',
      at: hoursAfter(postedAt, random.logUniform(0.5, 72)),
      agent,
      body: random
        .pick(voice.thankYous)
        .replaceAll('{brand}', brand.brand.name)
        .replaceAll('{agent}', agent.name)
        .replaceAll('{name}', greeting),
    },
  ];
}

function failSteps(
  random: Random,
  voice: Voice,
  brand: BrandContext,
  postedAt: Date,
  authorName: string,
  now: Date,
): ThreadStep[] {
  const quality = brand.brand.quality;
  const steps: ThreadStep[] = [];
  if (random.chance(0.35)) {
    steps.push({
      type: 'author',
      at: hoursAfter(postedAt, random.logUniform(2, 96)),
      body: random.pick(voice.chasingFollowUps),
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
    random.pick(canned ? voice.cannedReplies : voice.personalReplies),
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
    escalateTo: random.chance(0.12) ? random.pick(voice.escalationTeams) : null,
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
      body: personalise(random.pick(voice.personalReplies), brand, agent, authorName),
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
      body: personalise(random.pick(voice.resolutionProposals), brand, agent, authorName),
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
      body: random.pick(voice.chasingFollowUps),
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
function addMeToos(
  random: Random,
  store: SeedStore,
  posts: SeedStore['posts'],
  customerIds: number[],
  now: Date,
): void {
  for (const post of posts) {
    if (post.kind !== 'fail') continue;
    const count = random.chance(0.45) ? Math.floor(random.logUniform(1, 24)) : 0;
    for (const { userId, at } of readersWhoMark(random, post, customerIds, count, now)) {
      store.meToos.push({ postId: post.id!, userId, createdAt: at });
      post.meTooCount = (post.meTooCount ?? 0) + 1;
    }
  }
}

/** `count` other customers, each at a random time within 20 days of the post; none after `now`. */
function readersWhoMark(
  random: Random,
  post: SeedStore['posts'][number],
  customerIds: number[],
  count: number,
  now: Date,
): { userId: number; at: Date }[] {
  const people = random.sample(
    customerIds.filter((id) => id !== post.authorId),
    count,
  );
  const postedAt = post.createdAt as Date;
  return people.flatMap((userId) => {
    const at = new Date(postedAt.getTime() + random.logUniform(1, 24 * 20) * HOUR_MS);
    return at > now ? [] : [{ userId, at }];
  });
}

/** Readers mark posts helpful; likes the brand answered gather most, so the demo has stories to feature. */
function addHelpfulMarks(
  random: Random,
  store: SeedStore,
  posts: SeedStore['posts'],
  customerIds: number[],
  now: Date,
): void {
  // A like takes any reply, so the brand answered it when its thread has a brand step before now.
  const answered = new Set(
    store.threads
      .filter((thread) => thread.steps.some((step) => step.type === 'brand' && step.at <= now))
      .map((thread) => thread.post.id),
  );
  // Withdrawn and removed posts are off the board by the time readers would mark them.
  const leaving = new Set(
    store.postChanges.filter((change) => change.type !== 'edit').map((change) => change.postId),
  );
  for (const post of posts) {
    if (leaving.has(post.id!)) continue;
    const answeredLike = post.kind === 'like' && answered.has(post.id!);
    if (!random.chance(answeredLike ? 0.6 : 0.3)) continue;
    const count = Math.floor(random.logUniform(1, answeredLike ? 16 : 8));
    for (const { userId, at } of readersWhoMark(random, post, customerIds, count, now)) {
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

  // Published in a first version, rewritten three hours later by the author.
  for (const post of [edited1, edited2, edited3]) {
    if (!post) continue;
    const createdAt = post.createdAt as Date;
    const text = { title: post.title, story: post.story, category: post.category!, channel: post.channel! };
    const paragraphs = text.story.split('\n\n');
    post.title = text.title.replace(/[.!]$/, '').slice(0, 110) + ' (first version)';
    post.story =
      paragraphs.length > 1
        ? paragraphs.slice(0, -1).join('\n\n')
        : text.story.slice(0, Math.max(40, text.story.length - 40));
    store.postChanges.push({
      type: 'edit',
      postId: post.id!,
      at: new Date(createdAt.getTime() + 3 * HOUR_MS),
      text,
    });
  }

  for (const post of [withdrawn1, withdrawn2]) {
    if (!post) continue;
    const at = new Date(Math.min(now.getTime(), (post.createdAt as Date).getTime() + 5 * DAY_MS));
    store.postChanges.push({ type: 'withdraw', postId: post.id!, at });
  }

  if (removed) {
    const at = new Date(Math.min(now.getTime(), (removed.createdAt as Date).getTime() + DAY_MS));
    // A reader's flag, upheld by the removal.
    store.flags.push({
      id: store.nextId('flags'),
      postId: removed.id!,
      userId: customerIds.find((id) => id !== removed.authorId)!,
      reason: 'personal_data',
      note: 'It gives a private phone number.',
      createdAt: new Date(at.getTime() - 3 * HOUR_MS),
    });
    store.postChanges.push({
      type: 'remove',
      postId: removed.id!,
      at,
      moderatorId,
      reason: 'personal_data',
      explanation: 'the story named an employee and gave her private phone number.',
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
