/**
 * Pages that say what is true (issue 13): charts without data say so and
 * count posts in whole numbers; a fail whose promise was broken says so in
 * red on its page, in its card and in the brand's inbox, and its thread shows
 * the broken promise as an event of its own. A brand's figures say as of when
 * their response times, which the refresher recomputes, were stored.
 */
import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { brandStats, brands, posts, promises } from '../../db/schema.ts';
import MonthlyChart from '../../src/components/stats/MonthlyChart.astro';
import ResponseTrend from '../../src/components/stats/ResponseTrend.astro';
import type { Actor } from '../../src/domain/policy.ts';
import InboxPage from '../../src/pages/brand/[slug]/inbox.astro';
import BrandPage from '../../src/pages/brands/[slug]/index.astro';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import { formatDateTime } from '../../src/domain/time.ts';
import { DEMO_NOW, useDemoBoard } from '../helpers/demo-database.ts';

const demo = useDemoBoard();

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const months = (values: { likes: number; fails: number; medianSeconds: number | null }[]) =>
  values.map((value, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}-01`, ...value }));
const page = (
  component: Parameters<AstroContainer['renderToString']>[0],
  url: string,
  params: Record<string, string>,
  actor: Actor | null = null,
) =>
  demo.container.renderToString(component, {
    locals: { db: demo.db, now: DEMO_NOW, user: null, actor, session: null },
    params,
    request: new Request(`http://localhost${url}`),
  });

describe('the charts', () => {
  it('say "No data yet" instead of drawing empty axes', async () => {
    const none = months(Array.from({ length: 12 }, () => ({ likes: 0, fails: 0, medianSeconds: null })));
    const monthly = await demo.container.renderToString(MonthlyChart, {
      props: { months: none, title: 'Posts' },
    });
    const trend = await demo.container.renderToString(ResponseTrend, { props: { months: none } });
    for (const html of [monthly, trend]) {
      expect(textOf(html)).toContain('No data yet');
      expect(html).not.toContain('<svg');
    }
  });

  it('count posts in whole numbers: one post gives ticks 0 and 1, never 0.2', async () => {
    const one = months([
      { likes: 1, fails: 0, medianSeconds: null },
      { likes: 0, fails: 0, medianSeconds: null },
    ]);
    const html = await demo.container.renderToString(MonthlyChart, {
      props: { months: one, title: 'Posts' },
    });
    const ticks = [...html.matchAll(/class="chart__axis"[^>]*>\s*([\d.]+)\s*</g)].map((match) => match[1]);
    expect(ticks).toEqual(['0', '1']);
  });
});

describe('a broken promise', () => {
  async function brokenPromiseFail() {
    const latest = demo.db
      .select({ postId: promises.postId, outcome: promises.outcome })
      .from(promises)
      .where(
        sql`${promises.id} = (select p2.id from promises p2 where p2.post_id = ${promises.postId}
          order by p2.created_at desc, p2.id desc limit 1)`,
      )
      .as('latest');
    const [row] = await demo.db
      .select({ id: posts.id, brandId: posts.brandId, slug: brands.slug })
      .from(posts)
      .innerJoin(latest, eq(latest.postId, posts.id))
      .innerJoin(brands, eq(brands.id, posts.brandId))
      .where(
        and(eq(posts.status, 'promised'), eq(posts.visibility, 'published'), eq(latest.outcome, 'broken')),
      )
      .orderBy(desc(posts.createdAt))
      .limit(1);
    if (!row) throw new Error('the demo board has no fail whose latest promise was broken');
    return row;
  }

  it('is badged red "Promise broken" on the post, with the broken date as its own red event', async () => {
    const fail = await brokenPromiseFail();
    const html = await page(PostPage, `/posts/${fail.id}`, { id: String(fail.id) });
    expect(html).toMatch(
      /class="badge badge--status badge--bad badge--promise-broken"[^>]*>[^]*?Promise broken/,
    );
    expect(textOf(html)).toMatch(/Broken: \d+ \w+ \d{4} passed without a resolution/);
    expect(html).toMatch(/class="event event--promise-broken"[^>]*>\s*<span>Promise broken:/);
  });

  it('is badged "Promise broken" in the brand’s feed and its inbox, where the promise column says so', async () => {
    const fail = await brokenPromiseFail();
    const feed = await page(BrandPage, `/brands/${fail.slug}?status=promised`, { slug: fail.slug });
    const card = feed.slice(feed.indexOf(`data-live-item="${fail.id}"`));
    expect(card.slice(0, card.indexOf('</li>'))).toContain('Promise broken');

    // The policy reads the memberships the actor carries: a team member as the session would load one.
    const actor: Actor = {
      id: 999_999,
      role: 'customer',
      emailVerified: true,
      suspended: false,
      memberships: [{ brandId: fail.brandId, role: 'member' }],
    };
    const inbox = await page(InboxPage, `/brand/${fail.slug}/inbox`, { slug: fail.slug }, actor);
    expect(textOf(inbox)).not.toContain('Promised for');
    const row = inbox.slice(inbox.indexOf(`data-live-item="${fail.id}"`));
    expect(textOf(row.slice(0, row.indexOf('</tr>')))).toMatch(
      /Promise broken .*Broken: .* passed without a resolution/,
    );
  });
});

describe('a brand’s figures', () => {
  it('say as of when the response times were recomputed, in UTC', async () => {
    const [brand] = await demo.db.select().from(brands).orderBy(brands.id).limit(1);
    const [row] = await demo.db
      .select({ refreshedAt: brandStats.refreshedAt })
      .from(brandStats)
      .where(and(eq(brandStats.brandId, brand!.id), eq(brandStats.window, '12m')));
    expect(row?.refreshedAt).toBeInstanceOf(Date);
    const html = await page(BrandPage, `/brands/${brand!.slug}`, { slug: brand!.slug });
    expect(textOf(html)).toContain(`Response times as of ${formatDateTime(row!.refreshedAt!)} UTC`);
    expect(html).toContain(`datetime="${row!.refreshedAt!.toISOString()}"`);
  });
});
