/**
 * "Download my data" (DESIGN §8): everything the board holds about the
 * signed-in person as one JSON file. Signed-in only; never cached anywhere.
 */
import type { APIRoute } from 'astro';
import { readPersonalData } from '../../../db/queries/privacy-export.ts';
import { can } from '../../domain/policy.ts';
import { paths } from '../../paths.ts';
import { siteUrl } from '../../server/services.ts';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

export const GET: APIRoute = async ({ locals, redirect }) => {
  const { actor, db, now } = locals;
  if (!actor || !can(actor, 'manage_own_account').ok) {
    const response = redirect(paths.login(paths.accountExport()), 303);
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }
  const data = await readPersonalData(db, actor.id);
  if (!data) return new Response('No account.', { status: 404, headers: PRIVATE });
  // An image is listed by its addresses (served while it is public) and its description.
  const images = data.images.map(({ sha256, thumbSha256, ...image }) => ({
    ...image,
    url: new URL(paths.image(sha256), siteUrl).href,
    thumbnailUrl: new URL(paths.image(thumbSha256), siteUrl).href,
  }));
  const body = JSON.stringify(
    {
      exportedAt: now.toISOString(),
      site: siteUrl,
      format: 'likes-and-fails-personal-data/1',
      ...data,
      images,
    },
    null,
    2,
  );
  const day = now.toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      ...PRIVATE,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="likes-and-fails-my-data-${day}.json"`,
    },
  });
};
