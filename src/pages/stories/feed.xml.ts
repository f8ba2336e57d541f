import type { APIRoute } from 'astro';
import { listNewestStories } from '../../../db/queries/stories.ts';
import { atomFeed } from '../../server/feeds.ts';
import { readDatabase } from '../../server/read-database.ts';
import { siteUrl } from '../../server/services.ts';
import { m } from '../../i18n/messages.ts';
import { paths } from '../../paths.ts';

/** The newest exceptional stories first; each entry is updated when it became one. */
export const GET: APIRoute = async ({ locals }) => {
  const stories = await listNewestStories(readDatabase(locals), 50);
  const featuredAt = new Map(stories.map((story) => [story.post.id, story.featuredAt]));
  return atomFeed({
    title: m.feed_stories_title(),
    description: m.stories_description(),
    path: paths.stories(),
    feedPath: paths.storiesFeed(),
    siteUrl,
    posts: stories.map((story) => story.post),
    updatedAt: (post) => featuredAt.get(post.id) ?? post.createdAt,
  });
};
