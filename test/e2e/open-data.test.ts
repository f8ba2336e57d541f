/**
 * Anyone can recompute the board's numbers: the figures of every demo brand
 * recomputed from /api/v1/export/posts.csv with the published formulas equal
 * what its page and the API show, and the methodology's worked example equals
 * the brand page.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, inject, it } from 'vitest';
import { computeFigures, computeScore } from '../../src/domain/score.ts';
import { countsFor, type PostFacts } from '../helpers/recompute.ts';

const baseUrl = inject('baseUrl');
const get = async (path: string) => {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return response;
};
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the open data', () => {
  it('recomputes every brand’s figures and score as its page and the API show them', async () => {
    const csv = await (await get('/api/v1/export/posts.csv')).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(300);
    const facts: PostFacts[] = rows.map((row) => ({
      brand: row['brand_slug']!,
      kind: row['kind'] as 'like' | 'fail',
      status: row['status'] || null,
      createdAt: new Date(row['created_at']!),
      firstBrandReplyAt: row['first_brand_reply_at'] ? new Date(row['first_brand_reply_at']) : null,
      verdictResolved: row['verdict_resolved'] === '' ? null : row['verdict_resolved'] === 'true',
      wouldBuyAgain: row['would_buy_again'] === '' ? null : row['would_buy_again'] === 'true',
      promisesKept: Number(row['promises_kept']),
      promisesBroken: Number(row['promises_broken']),
      longReplies: Number(row['long_brand_replies']),
      templateReplies: Number(row['template_brand_replies']),
      meToos: Number(row['me_too_count']),
    }));
    const brands = (await (await get('/api/v1/brands?limit=100')).json()) as { data: { slug: string }[] };
    expect(brands.data.length).toBeGreaterThanOrEqual(12);
    for (const { slug } of brands.data) {
      const api = (await (await get(`/api/v1/brands/${slug}`)).json()) as {
        data: {
          stats: { window: string; figures: unknown; score: { score: number | null; postCount: number } }[];
        };
      };
      const published = api.data.stats.find((stats) => stats.window === '12m')!;
      // The 72-hour grace and the 12-month window move with the clock: recompute at the time the aggregates were read.
      const counts = countsFor(
        facts.filter((fact) => fact.brand === slug),
        '12m',
        new Date(),
      );
      expect(published.figures, slug).toEqual(computeFigures(counts));
      expect(published.score.score, slug).toBe(computeScore(counts).score);
      const page = textOf(await (await get(`/brands/${slug}`)).text());
      if (published.score.score !== null) {
        expect(page, slug).toContain(
          `${published.score.score.toFixed(1)} service score out of 100, from ${published.score.postCount} posts`,
        );
      } else {
        expect(page, slug).toContain('Not ranked yet');
      }
    }
  });

  it('gives the methodology’s worked example the score the brand page shows', async () => {
    const methodology = await (await get('/methodology')).text();
    const slug =
      /Worked example: <\/?[^>]*>?[^<]*<\/h2>\s*<p>\s*From the live aggregates of <a href="\/brands\/([^"]+)"/.exec(
        methodology,
      )?.[1] ?? /From the live aggregates of <a href="\/brands\/([^"]+)"/.exec(methodology)?.[1];
    expect(slug).toBeTruthy();
    const exampleScore = /Score: ([\d.]+)/.exec(textOf(methodology))?.[1];
    const brandPage = textOf(await (await get(`/brands/${slug}`)).text());
    expect(brandPage).toContain(`${exampleScore} service score out of 100`);
  });

  it('answers a bad API parameter with 400 and a message, and opens CORS', async () => {
    const response = await fetch(`${baseUrl}/api/v1/rankings?window=fortnight`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('window');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('pages brand posts with a cursor, without repeats', async () => {
    const seen = new Set<number>();
    let next: string | null = '/api/v1/brands/northwind-telecom/posts?limit=25';
    while (next) {
      const page = (await (await get(next)).json()) as { data: { id: number }[]; next: string | null };
      for (const post of page.data) {
        expect(seen.has(post.id)).toBe(false);
        seen.add(post.id);
      }
      next = page.next;
    }
    expect(seen.size).toBeGreaterThan(50);
  });

  it('pages the rankings with a cursor, continuing the ranks', async () => {
    const first = (await (await get('/api/v1/rankings?limit=5')).json()) as {
      data: { rank: number | null; slug: string }[];
      next: string;
    };
    const second = (await (await get(first.next)).json()) as {
      data: { rank: number | null; slug: string }[];
    };
    expect(first.data).toHaveLength(5);
    expect(second.data.map((brand) => brand.slug)).not.toContain(first.data[0]!.slug);
    if (first.data[4]!.rank !== null && second.data[0]!.rank !== null) expect(second.data[0]!.rank).toBe(6);
  });

  it('publishes Atom feeds and an embeddable badge', async () => {
    expect(await (await get('/feed.xml')).text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const badge = await get('/brands/northwind-telecom/badge.svg');
    expect(badge.headers.get('content-type')).toContain('image/svg+xml');
    expect(await badge.text()).toMatch(/answers \d+ % of fails/);
  });
});
