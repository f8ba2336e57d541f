import { readDatabase } from '../../../server/read-database.ts';
import type { APIRoute } from 'astro';
import { cacheTag } from '../../../server/page-cache.ts';
import { getBrandBySlug } from '../../../../db/queries/brands.ts';
import { getBrandWindowStats } from '../../../../db/queries/stats.ts';
import { badgeOf } from '../../../domain/badge.ts';
import { isLanguage } from '../../../domain/languages.ts';
import { m } from '../../../i18n/messages.ts';
import { badgeText } from '../../../i18n/reader-words.ts';
import { runInLanguage } from '../../../i18n/request-language.ts';
import { badgeSvg } from '../../../markup/badge.ts';
import { paths } from '../../../paths.ts';
import { mergedBrandRedirect } from '../../../server/merged-brands.ts';

/** An image has no `/fr/` address: `?lang=fr` writes the badge in French (decision 014). */
export const GET: APIRoute = async ({ locals, params, url }) => {
  const requested = url.searchParams.get('lang');
  const language = isLanguage(requested) ? requested : 'en';
  const brand = await getBrandBySlug(readDatabase(locals), params.slug ?? '');
  if (!brand)
    return new Response(m.feed_no_brand({}, { locale: language }), {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const moved = await mergedBrandRedirect(readDatabase(locals), brand, url, paths.brandBadge, {
    'Access-Control-Allow-Origin': '*',
  });
  if (moved) return moved;
  locals.cacheTags = [cacheTag.brand(brand.id)];
  const stats = await getBrandWindowStats(readDatabase(locals), brand.id, '12m');
  const { words, tone } = badgeOf({
    fails: stats.fails,
    eligible: stats.responseEligible,
    answered: stats.answered,
    medianSeconds: stats.firstResponseMedianSeconds,
  });
  const [text, title] = runInLanguage(language, () => {
    const badgeWords = badgeText(words);
    return [badgeWords, m.badge_title({ brand: brand.name, text: badgeWords })];
  });
  return new Response(badgeSvg(brand.name, { text, tone }, title), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      // Made to be embedded on other sites.
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Access-Control-Allow-Origin': '*',
    },
  });
};
