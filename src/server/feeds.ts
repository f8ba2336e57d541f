/** Atom feeds (DESIGN §7) built with the `feed` library from the same post summaries the pages show. */
import { Feed } from 'feed';
import type { PostSummary } from '../../db/queries/posts.ts';
import { paths } from '../paths.ts';

export function atomFeed(options: {
  title: string;
  description: string;
  path: string;
  feedPath: string;
  siteUrl: string;
  posts: PostSummary[];
}): Response {
  const site = options.siteUrl.replace(/\/$/, '');
  const feed = new Feed({
    title: options.title,
    description: options.description,
    id: `${site}${options.path}`,
    link: `${site}${options.path}`,
    language: 'en',
    copyright: 'Posts belong to their authors; published on Likes & Fails.',
    updated: options.posts[0]?.createdAt ?? new Date(0),
    feedLinks: { atom: `${site}${options.feedPath}` },
  });
  for (const post of options.posts) {
    feed.addItem({
      title: `${post.kind === 'like' ? 'Like' : 'Fail'} · ${post.brandName}: ${post.title}`,
      id: `${site}${paths.post(post.id)}`,
      link: `${site}${paths.post(post.id)}`,
      description: post.excerpt,
      author: [{ name: post.authorName }],
      date: post.createdAt,
    });
  }
  return new Response(feed.atom1(), {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
