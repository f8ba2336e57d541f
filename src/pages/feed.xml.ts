import { readDatabase } from '../server/read-database.ts';
import type { APIRoute } from 'astro';
import { listPostImages } from '../../db/queries/images.ts';
import { listLatestPosts } from '../../db/queries/posts.ts';
import { m } from '../i18n/messages.ts';
import { paths } from '../paths.ts';
import { atomFeed } from '../server/feeds.ts';
import { siteUrl } from '../server/services.ts';

export const GET: APIRoute = async ({ locals }) => {
  const db = readDatabase(locals);
  const page = await listLatestPosts(db, { limit: 50 });
  const images = await listPostImages(
    db,
    page.items.map((post) => post.id),
  );
  return atomFeed({
    title: m.feed_latest_title(),
    description: m.feed_latest_description(),
    path: paths.home(),
    feedPath: paths.feed(),
    siteUrl,
    posts: page.items,
    images,
  });
};
