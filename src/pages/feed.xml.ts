import { readDatabase } from '../server/read-database.ts';
import type { APIRoute } from 'astro';
import { listLatestPosts } from '../../db/queries/posts.ts';
import { atomFeed } from '../server/feeds.ts';
import { siteUrl } from '../server/services.ts';

export const GET: APIRoute = async ({ locals }) => {
  const page = await listLatestPosts(readDatabase(locals), { limit: 50 });
  return atomFeed({
    title: 'Likes & Fails: latest likes and fails',
    description: 'Customers tell how companies’ customer service treated them.',
    path: '/',
    feedPath: '/feed.xml',
    siteUrl,
    posts: page.items,
  });
};
