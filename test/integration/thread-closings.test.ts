import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStaleProposals, lockPost } from '../../db/queries/post-writes.ts';
import { listBrandPosts } from '../../db/queries/posts.ts';
import { listOverduePromises } from '../../db/queries/promises.ts';
import { loadThreadState } from '../../db/queries/thread-writes.ts';
import { posts, promises } from '../../db/schema.ts';
import { displayStatus } from '../../src/domain/lifecycle.ts';
import { promiseDeadline } from '../../src/domain/promises.ts';
import {
  overdueIfDueBefore,
  planBreakOverduePromise,
  planCloseUnconfirmed,
  unconfirmedIfProposedBy,
} from '../../src/domain/thread-closings.ts';
import type { ThreadState } from '../../src/domain/thread-plan.ts';
import { rollback, type TestDatabase } from '../helpers/database.ts';
import { createDemoDatabase } from '../helpers/demo-database.ts';

const DAY = 86_400_000;
const MS = 1;

let database: TestDatabase;
beforeAll(async () => {
  database = await createDemoDatabase();
});
afterAll(() => database.destroy());

/** The planner's answer for the post, on its state as the runner loads it. */
async function plannerCloses(
  postId: number,
  plan: (state: ThreadState, now: Date) => { ok: boolean },
  now: Date,
) {
  return rollback(database.db, async (tx) => {
    const post = (await lockPost(tx, postId))!;
    return plan(await loadThreadState(tx, post), now).ok;
  });
}

describe('the SQL that picks candidates for the maintenance runner', () => {
  it('picks a pending promise exactly from the instant the planner breaks it', async () => {
    const [promise] = await database.db
      .select({ id: promises.id, postId: promises.postId, dueOn: promises.dueOn })
      .from(promises)
      .where(eq(promises.outcome, 'pending'))
      .limit(1);
    expect(promise).toBeDefined();
    const deadline = promiseDeadline(promise!.dueOn);
    for (const now of [new Date(deadline.getTime() - MS), deadline, new Date(deadline.getTime() + DAY)]) {
      const picked = (await listOverduePromises(database.db, overdueIfDueBefore(now))).some(
        (candidate) => candidate.id === promise!.id,
      );
      const broken = await plannerCloses(promise!.postId, planBreakOverduePromise, now);
      expect([now.toISOString(), picked]).toEqual([now.toISOString(), broken]);
    }
  });

  it('picks a proposal exactly from the instant the planner closes it as unconfirmed', async () => {
    const [proposal] = await database.db
      .select({ id: posts.id, proposedAt: posts.resolutionProposedAt })
      .from(posts)
      .where(and(eq(posts.status, 'resolution_proposed'), isNotNull(posts.resolutionProposedAt)))
      .limit(1);
    expect(proposal).toBeDefined();
    const due = new Date(proposal!.proposedAt!.getTime() + 30 * DAY);
    for (const now of [new Date(due.getTime() - MS), due, new Date(due.getTime() + DAY)]) {
      const picked = (await listStaleProposals(database.db, unconfirmedIfProposedBy(now))).some(
        (candidate) => candidate.id === proposal!.id,
      );
      const closed = await plannerCloses(proposal!.id, planCloseUnconfirmed, now);
      expect([now.toISOString(), picked]).toEqual([now.toISOString(), closed]);
    }
  });

  it('lists a waiting fail as "unanswered" exactly from the instant its page says so', async () => {
    const [fail] = await database.db
      .select({ id: posts.id, brandId: posts.brandId, createdAt: posts.createdAt })
      .from(posts)
      .where(and(eq(posts.status, 'waiting'), eq(posts.visibility, 'published')))
      .limit(1);
    expect(fail).toBeDefined();
    const due = new Date(fail!.createdAt.getTime() + 30 * DAY);
    for (const now of [new Date(due.getTime() - MS), due, new Date(due.getTime() + MS)]) {
      const listed = async (status: 'unanswered' | 'waiting') =>
        (await listBrandPosts(database.db, fail!.brandId, { status }, { limit: 500, now })).items.some(
          (post) => post.id === fail!.id,
        );
      const shown = displayStatus('waiting', fail!.createdAt, now);
      expect([now.toISOString(), await listed('unanswered'), await listed('waiting')]).toEqual([
        now.toISOString(),
        shown === 'unanswered',
        shown === 'waiting',
      ]);
    }
  });
});
