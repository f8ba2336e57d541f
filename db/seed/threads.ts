/**
 * Plays the demo board's threads forward in time through the live write path
 * (issue #10): each step is planned by the live planners (src/domain/thread-planners.ts,
 * thread-closings.ts) and the plan applied by the one writer
 * (`applyThreadPlan`, db/queries/thread-writes.ts), as the commands and the
 * maintenance runner do; a brand reply is checked for templates by the
 * domain's `findTemplateSource` against the brand's earlier replies, as the
 * reply command checks it. Before each step, and at the end,
 * time passes (a promise whose day is over breaks, a proposal left 30 days
 * closes as unconfirmed); a refused step is skipped. Steps of all threads are
 * played in the order they happened, so a brand reply is compared for the
 * template check with exactly the replies the brand had written before it;
 * the posts' edits, withdrawals and removals (db/seed/post-changes.ts) take
 * their turn among them.
 * Only the synthetic large-scale seed (db/seed/synthetic.ts) writes threads in
 * bulk SQL.
 */
import type { Db } from '../client.ts';
import { latestBrandReplies } from '../queries/messages.ts';
import { applyThreadPlan } from '../queries/thread-writes.ts';
import { planBreakOverduePromise, planCloseUnconfirmed } from '../../src/domain/thread-closings.ts';
import {
  openingThreadState,
  stateAfter,
  type Planned,
  type ThreadPerson,
  type ThreadState,
} from '../../src/domain/thread-plan.ts';
import { planBrandReply, planFollowUp, planVerdict } from '../../src/domain/thread-planners.ts';
import {
  earlierReply,
  findTemplateSource,
  replyToCheck,
  type EarlierReply,
} from '../../src/domain/canned.ts';
import { TEMPLATE_LOOKBACK_REPLIES } from '../../src/server/commands/brand-replies.ts';
import { playPostChange, type SeedPostChange } from './post-changes.ts';

export interface Agent {
  userId: number;
  name: string;
}

export type ThreadStep =
  | { type: 'author'; at: Date; body: string }
  | {
      type: 'brand';
      at: Date;
      agent: Agent;
      body: string;
      promiseDueOn?: string | null;
      proposeResolution?: boolean;
      escalateTo?: string | null;
    }
  | { type: 'verdict'; at: Date; resolved: boolean; wouldBuyAgain: boolean };

/** The post a thread belongs to, as the seed inserted it. */
export interface ThreadPost {
  id: number;
  kind: 'like' | 'fail';
  brandId: number;
  authorId: number;
}

/** A seeded post's thread: what its author, the brand and time do, in any order. */
export interface SeedThread {
  post: ThreadPost;
  /** The author's first name, which the template check masks (as the command does). */
  authorFirstName: string;
  steps: ThreadStep[];
}

/**
 * One post's thread. It starts from `openingThreadState`, the state of a post nobody has written in
 * yet (the seed has just inserted it); after each applied plan it moves on with `stateAfter`, the
 * state the writer has just written, rather than being read again: reading it back for every step
 * made the seed twice as slow.
 */
class ThreadCursor {
  private state: ThreadState;
  private readonly db: Db;
  private readonly post: ThreadPost;
  private readonly authorFirstName: string;

  /** Each brand's replies so far, oldest first, shingled as the reply command shingles them. */
  private readonly earlierByBrand: Map<number, EarlierReply[]>;

  constructor(db: Db, thread: SeedThread, earlierByBrand: Map<number, EarlierReply[]>) {
    this.db = db;
    this.earlierByBrand = earlierByBrand;
    this.post = thread.post;
    this.authorFirstName = thread.authorFirstName;
    this.state = openingThreadState(thread.post);
  }

  /** Plans a change on the current state and applies it; a refused change writes nothing. */
  async play(
    plan: (state: ThreadState) => Planned<string>,
    handler: ThreadPerson | null = null,
  ): Promise<number | null> {
    const planned = plan(this.state);
    if (!planned.ok) return null;
    const written = await applyThreadPlan(this.db, this.post, planned.plan);
    this.state = stateAfter(this.state, planned.plan, { newPromiseId: written.promiseId, handler });
    return written.messageId;
  }

  /** Lets time pass, as the maintenance runner would. */
  async passTime(at: Date): Promise<void> {
    await this.play((state) => planBreakOverduePromise(state, at));
    await this.play((state) => planCloseUnconfirmed(state, at));
  }

  async step(step: ThreadStep): Promise<void> {
    await this.passTime(step.at);
    if (step.type === 'author') {
      await this.play((state) => planFollowUp(state, step.body, step.at));
      return;
    }
    if (step.type === 'verdict') {
      await this.play((state) => planVerdict(state, step, step.at));
      return;
    }
    // The template check of replyAsBrand (src/server/commands/brand-replies.ts), over the same replies.
    const earlier = await this.earlierReplies();
    const templateOfId = findTemplateSource(
      replyToCheck(this.post.id, step.body, {
        agent: step.agent.name,
        customerFirstName: this.authorFirstName,
      }),
      earlier.slice(-TEMPLATE_LOOKBACK_REPLIES),
    );
    const agent = { id: step.agent.userId, name: step.agent.name };
    const messageId = await this.play(
      (state) =>
        planBrandReply(
          state,
          {
            agent,
            body: step.body,
            templateOfId,
            promiseDueOn: step.promiseDueOn ?? null,
            escalatedTo: step.escalateTo ?? null,
            proposeResolution: step.proposeResolution ?? false,
          },
          step.at,
        ),
      agent,
    );
    if (messageId === null) return;
    earlier.push(
      earlierReply({ id: messageId, postId: this.post.id, body: step.body, agent: step.agent.name }),
    );
  }

  /** The brand's replies so far: read from the database once, then kept up to date as replies are written. */
  private async earlierReplies(): Promise<EarlierReply[]> {
    let earlier = this.earlierByBrand.get(this.post.brandId);
    if (!earlier) {
      const rows = await latestBrandReplies(this.db, this.post.brandId, TEMPLATE_LOOKBACK_REPLIES);
      earlier = rows.reverse().map(earlierReply);
      this.earlierByBrand.set(this.post.brandId, earlier);
    }
    return earlier;
  }
}

/**
 * Plays every step up to `now`, oldest first across all threads and with the posts' own changes
 * (db/seed/post-changes.ts) at their instants, then lets every thread reach `now`.
 */
export async function playThreads(
  db: Db,
  threads: readonly SeedThread[],
  now: Date,
  postChanges: readonly SeedPostChange[] = [],
): Promise<void> {
  const earlierByBrand = new Map<number, EarlierReply[]>();
  const cursors = threads.map((thread) => new ThreadCursor(db, thread, earlierByBrand));
  const moves = [
    ...cursors.flatMap((cursor, index) =>
      threads[index]!.steps.map((step) => ({ at: step.at, play: () => cursor.step(step) })),
    ),
    ...postChanges.map((change) => ({ at: change.at, play: () => playPostChange(db, change) })),
  ]
    .filter(({ at }) => at <= now)
    // Stable: moves at the same instant keep their thread's and their own order.
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { play } of moves) await play();
  for (const cursor of cursors) await cursor.passTime(now);
}
