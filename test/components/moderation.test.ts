/**
 * The public side of moderation, rendered by the Container API on the demo
 * board: a removed post leaves a notice with its reason (and not its story),
 * the brand's replies stay readable; a brand's flag is shown with its outcome;
 * the flag control is offered to readers but not to the author; /moderation
 * is for moderators only; /transparency and /guidelines show their tables and
 * anchors.
 */
import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadActor } from '../../db/queries/users.ts';
import { brandMembers, brands, posts, threadMessages, users } from '../../db/schema.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { runInLanguage } from '../../src/i18n/request-language.ts';
import InboxPage from '../../src/pages/brand/[slug]/inbox.astro';
import SettingsPage from '../../src/pages/brand/[slug]/settings.astro';
import GuidelinesPage from '../../src/pages/guidelines.astro';
import ModerationPage from '../../src/pages/moderation.astro';
import AccountsDesk from '../../src/pages/moderation/accounts.astro';
import BrandsDesk from '../../src/pages/moderation/brands.astro';
import HeldDesk from '../../src/pages/moderation/held.astro';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import TransparencyPage from '../../src/pages/transparency.astro';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { decideOnItem, flagContent } from '../../src/server/commands/moderation.ts';
import { commandDeps } from '../fixtures/board.ts';
import { englishSentencesIn } from '../e2e/french-text.ts';
import { DEMO_NOW, useDemoBoard } from '../helpers/demo-database.ts';

const demo = useDemoBoard();

const deps = (): CommandDeps => commandDeps(demo.db, { now: DEMO_NOW });

const render = (
  page: Parameters<AstroContainer['renderToString']>[0],
  url: string,
  options: { actor?: Actor | null; params?: Record<string, string>; locale?: 'en' | 'fr' } = {},
) =>
  runInLanguage(options.locale ?? 'en', () =>
    demo.container.renderToResponse(page, {
      locals: {
        db: demo.db,
        now: DEMO_NOW,
        user: null,
        actor: options.actor ?? null,
        session: null,
        locale: options.locale ?? 'en',
      },
      params: options.params ?? {},
      request: new Request(`http://localhost${url}`),
    }),
  );
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
const postPage = async (id: number, actor: Actor | null = null) =>
  (await render(PostPage, `/posts/${id}`, { actor, params: { id: String(id) } })).text();

async function actorWhere(condition: ReturnType<typeof eq>) {
  const [user] = await demo.db.select().from(users).where(condition).limit(1);
  return loadActor(demo.db, user!);
}

/** A published fail of Northwind Telecom with a brand reply, and its team's owner. */
async function northwindFailWithReply() {
  const [row] = await demo.db
    .select({ id: posts.id, brandId: posts.brandId, story: posts.story, authorId: posts.authorId })
    .from(posts)
    .innerJoin(brands, eq(brands.id, posts.brandId))
    .where(
      and(
        eq(brands.slug, 'northwind-telecom'),
        eq(posts.visibility, 'published'),
        eq(posts.kind, 'fail'),
        sql`exists (select 1 from thread_messages m where m.post_id = ${posts.id} and m.kind = 'brand_reply')`,
        sql`not exists (select 1 from flags f where f.post_id = ${posts.id})`,
      ),
    )
    .limit(2);
  return row!;
}

describe('a removed post', () => {
  it('shows the notice with its reason and the guidelines link, not the story; the brand replies stay', async () => {
    const post = await northwindFailWithReply();
    const moderator = await actorWhere(eq(users.role, 'moderator'));
    const result = await decideOnItem(deps(), moderator, {
      postId: post.id,
      messageId: null,
      decision: 'remove',
      reason: 'fake',
      explanation: 'The order number belongs to another customer’s story.',
    });
    expect(result.ok).toBe(true);
    const html = await postPage(post.id);
    const text = textOf(html);
    expect(text).toMatch(
      /Removed by a moderator on \d{1,2} \w+ \d{4}: Fake experience: The order number belongs to another customer’s story\. — see the guidelines/,
    );
    expect(html).toContain('href="/guidelines#fake"');
    expect(text).not.toContain(post.story.slice(0, 60));
    const [reply] = await demo.db
      .select({ body: threadMessages.body })
      .from(threadMessages)
      .where(and(eq(threadMessages.postId, post.id), eq(threadMessages.kind, 'brand_reply')))
      .limit(1);
    expect(text).toContain("Northwind Telecom's replies");
    expect(text).toContain(reply!.body.slice(0, 40));
  });
});

describe('flags on the post page', () => {
  it('shows a brand’s own flag publicly, with its outcome', async () => {
    const [row] = await demo.db
      .select({ id: posts.id, brandId: posts.brandId })
      .from(posts)
      .innerJoin(brands, eq(brands.id, posts.brandId))
      .where(
        and(
          eq(brands.slug, 'northwind-telecom'),
          eq(posts.visibility, 'published'),
          sql`not exists (select 1 from flags f where f.post_id = ${posts.id})`,
        ),
      )
      .offset(5)
      .limit(1);
    const owner = await actorWhere(
      sql`${users.id} in (select user_id from ${brandMembers} where brand_id = ${row!.brandId} and role = 'owner')`,
    );
    expect(
      await flagContent(deps(), owner, { postId: row!.id, messageId: null, reason: 'fake', note: '' }),
    ).toMatchObject({
      ok: true,
      byBrand: true,
    });
    expect(textOf(await postPage(row!.id))).toContain(
      'Northwind Telecom flagged this post as fake experience · under review',
    );
  });

  it('offers the flag control to a signed-in reader on the post and its messages, not to the author', async () => {
    const post = await northwindFailWithReply();
    const reader = await actorWhere(
      sql`${users.role} = 'customer' and ${users.id} <> ${post.authorId} and ${users.id} not in (select user_id from ${brandMembers})`,
    );
    const html = await postPage(post.id, reader);
    expect(html).toContain('id="flag-post"');
    expect(html).toMatch(/id="flag-m\d+"/);
    expect(textOf(html)).toContain('Flag this post');
    const author = await actorWhere(eq(users.id, post.authorId));
    expect(await postPage(post.id, author)).not.toContain('id="flag-post"');
    expect(await postPage(post.id, null)).not.toContain('id="flag-post"');
  });
});

describe('the moderators’ pages', () => {
  it('shows /moderation with the flag queue and the audit log to moderators, 403 to others', async () => {
    const moderator = await actorWhere(eq(users.role, 'moderator'));
    const response = await render(ModerationPage, '/moderation', { actor: moderator });
    const text = textOf(await response.text());
    expect(response.status).toBe(200);
    expect(text).toMatch(/Flagged items waiting for a decision \(\d+\)/);
    expect(text).toContain('Reads like an advert for a competitor.');
    expect(text).toContain('Audit log');
    expect(text).toContain('Post removed');

    const customer = await actorWhere(eq(users.email, 'customer@demo.example'));
    const refused = await render(ModerationPage, '/moderation', { actor: customer });
    expect(refused.status).toBe(403);
    expect(textOf(await refused.text())).not.toContain('Audit log');
  });

  it('publishes /transparency in tables with captions, and /guidelines with an anchor per reason', async () => {
    const text = textOf(await (await render(TransparencyPage, '/transparency')).text());
    for (const caption of [
      'Flags received by month, reason and who flagged',
      'Posts and messages removed by moderators, by month and reason',
    ])
      expect(text).toContain(caption);
    expect(text).toMatch(/Moderators' decisions by month/);
    const guidelines = await (await render(GuidelinesPage, '/guidelines')).text();
    for (const reason of ['spam', 'fake', 'personal_data', 'hate', 'wrong_brand', 'other'])
      expect(guidelines).toContain(`id="${reason}"`);
    expect(textOf(guidelines)).toContain('How to appeal');
  });
});

describe('the brand team’s pages and the moderators’ desks in French', () => {
  const french = async (
    page: Parameters<AstroContainer['renderToString']>[0],
    url: string,
    actor: Actor,
    params: Record<string, string> = {},
  ) => {
    const response = await render(page, url, { actor, params, locale: 'fr' });
    expect(response.status, url).toBe(200);
    // The fails' status badges are ui/StatusBadge.astro's words, translated with the readers' pages
    // (the all-routes e2e test checks the whole page); these pages' own words are checked here.
    return textOf(
      (await response.text()).replace(
        /<span[^>]*class="badge badge--status[^>]*>\s*<span[^>]*>[^<]*<\/span>[^<]*<\/span>/g,
        '',
      ),
    );
  };

  it('say every desk in French, with none of the English catalogue’s sentences', async () => {
    const moderator = await actorWhere(eq(users.role, 'moderator'));
    const desks = [
      { text: await french(ModerationPage, '/moderation', moderator), heading: 'Journal de modération' },
      { text: await french(HeldDesk, '/moderation/held', moderator), heading: 'Messages retenus' },
      {
        text: await french(AccountsDesk, '/moderation/accounts?email=customer%40demo.example', moderator),
        heading: 'Trouver un compte',
      },
      { text: await french(BrandsDesk, '/moderation/brands?q=northwind', moderator), heading: 'Fusionner' },
    ];
    for (const desk of desks) {
      expect(desk.text).toContain(desk.heading);
      expect(englishSentencesIn(desk.text)).toEqual([]);
    }
    expect(desks[0]!.text).toMatch(/Contenus signalés en attente de décision \(\d+\)/);
    expect(desks[0]!.text).toContain('Message retiré');
    expect(desks[2]!.text).toContain('client');
  });

  it('say the inbox and the settings in French to the brand’s owner', async () => {
    const [brand] = await demo.db.select().from(brands).where(eq(brands.slug, 'northwind-telecom'));
    const owner = await actorWhere(
      sql`${users.id} in (select user_id from ${brandMembers} where brand_id = ${brand!.id} and role = 'owner')`,
    );
    const params = { slug: 'northwind-telecom' };
    const inbox = await french(InboxPage, '/brand/northwind-telecom/inbox', owner, params);
    expect(inbox).toContain('Northwind Telecom : boîte de réception');
    expect(inbox).toContain('Tous les fails en cours');
    expect(englishSentencesIn(inbox)).toEqual([]);
    const settings = await french(SettingsPage, '/brand/northwind-telecom/settings', owner, params);
    expect(settings).toContain('Profil public et moyens de contact');
    expect(settings).toContain('Télécoms et internet');
    expect(englishSentencesIn(settings)).toEqual([]);
  });
});
