/**
 * Keeps `posts.exceptional_since` true to the exceptional-story rule
 * (src/domain/stories.ts). Every write to a post already reads its facts
 * before and after to move the brand's figures (`recordPostChange`); the same
 * pair decides here whether the post entered or left the stories, in the same
 * transaction, so featured lists never disagree with the post.
 */
import type { Db } from '../../db/client.ts';
import { setExceptional } from '../../db/queries/stories.ts';
import type { PostFacts } from '../domain/post-facts.ts';
import { isExceptionalStory } from '../domain/stories.ts';

export async function recordStoryChange(
  tx: Db,
  before: PostFacts | null,
  after: PostFacts,
  now: Date,
): Promise<void> {
  const exceptional = isExceptionalStory(after);
  if (exceptional === isExceptionalStory(before)) return;
  await setExceptional(tx, after.postId, exceptional, now);
}
