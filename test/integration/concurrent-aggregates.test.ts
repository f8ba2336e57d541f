/**
 * Figures stay exact under concurrency (decision 004): 50 writers publish,
 * reply, give verdicts, say "me too", edit replies and withdraw on ONE brand
 * at the same time, while the window roll and the figures refresher (which
 * refreshes in place between rolls) run, and once the refresher has run every
 * maintained row equals a full rebuild at the same instant. PostgreSQL only:
 * PGlite has one connection and runs everything one after the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/policy.ts';
import type { NewPostInput } from '../../src/domain/posting.ts';
import { editReply, replyAsBrand } from '../../src/server/commands/brand-replies.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost, giveVerdict, sayMeToo, withdrawPost } from '../../src/server/commands/posts.ts';
import { runMaintenance } from '../../src/server/maintenance.ts';
import { refreshRequestedFigures } from '../../src/server/statistics.ts';
import { createBrand, createPerson, joinTeam, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.ts';
import { maintainedAndRebuilt } from '../helpers/rebuilt-aggregates.ts';

const WRITERS = 50;
const DAY_MS = 86_400_000;

let database: TestDatabase;
beforeAll(async () => {
  if (usingPostgres) database = await createTestDatabase();
});
afterAll(() => database?.destroy());

function postInput(brandSlug: string, kind: 'like' | 'fail', title: string, on: Date): NewPostInput {
  return newPostInput({
    kind,
    brandSlug,
    title,
    story: 'What happened, told plainly enough to be published on the board.',
    category: kind === 'fail' ? 'billing' : 'delivery',
    channel: kind === 'fail' ? 'phone' : 'chat',
    experiencedOn: on.toISOString().slice(0, 10),
    country: kind === 'fail' ? 'FR' : null,
  });
}

const LONG_REPLY =
  'I have looked at your account myself and a technician will call you tomorrow before noon.';

describe.skipIf(!usingPostgres)('aggregates under concurrent writers on PostgreSQL', () => {
  it('equal a full rebuild after 50 writers on one brand and a window roll at the same time', async () => {
    const db = database.db;
    // "Now" for the concurrent phase; the history is placed so that the roll has posts to move out.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const deps = (at: Date, writer = 0): CommandDeps =>
      commandDeps(db, { now: at, ipAddress: `198.51.100.${(writer % 250) + 1}` });
    const brand = await createBrand(db, 'Concurrent Telecom');
    const agents: Actor[] = [];
    for (let i = 0; i < 10; i++)
      agents.push(await joinTeam(db, await createPerson(db), brand.id, i === 0 ? 'owner' : 'member'));
    const customers: Actor[] = [];
    for (let i = 0; i < WRITERS; i++) customers.push(await createPerson(db));

    // History: each customer has a fail answered by the brand, created just inside the 30-day and
    // 90-day windows as seen from `now`, so that the roll a minute later (`later`), which runs while
    // the writers give their verdicts on these very posts, moves half of them out.
    const later = new Date(now.getTime() + 60_000);
    const history: { postId: number; author: Actor }[] = [];
    for (const [i, author] of customers.entries()) {
      const days = i % 2 === 0 ? 30 : 90;
      const at = new Date(now.getTime() - days * DAY_MS + (i % 4 < 2 ? -30_000 : 30_000) + 60_000);
      const created = await createPost(
        deps(at, i),
        author,
        postInput(brand.slug, 'fail', `Old case ${i}`, at),
      );
      if (!created.ok) throw new Error(`setup post refused: ${created.reason}`);
      const reply = await replyAsBrand(deps(new Date(at.getTime() + (i + 1) * 3_600_000)), agents[i % 10]!, {
        postId: created.postId,
        body: `${LONG_REPLY} Case ${i}.`,
        promiseDueOn: null,
        escalatedTo: null,
        proposeResolution: false,
      });
      if (!reply.ok) throw new Error(`setup reply refused: ${reply.reason}`);
      history.push({ postId: created.postId, author });
    }
    await runMaintenance(db, new Date(now.getTime() - 60_000));
    const laterBy = (ms: number) => new Date(later.getTime() + ms);

    // Five rounds; in each, all 50 writers act at the same instant on the one brand while the
    // window roll runs: the last round is as concurrent as the first, so nothing repairs it after.
    const fresh: (number | null)[] = [];
    // The per-second refresher runs too, several times: once the roll has moved the windows to
    // `rollAt`, it refreshes the figures in place, holding only the adding turn.
    const refreshing = async (at: Date) => {
      for (let pass = 0; pass < 4; pass++) await refreshRequestedFigures(db, at);
    };
    const round = (work: (i: number, author: Actor) => Promise<unknown>, rollAt: Date) =>
      Promise.allSettled([
        ...customers.map((author, i) => work(i, author)),
        runMaintenance(db, rollAt),
        refreshing(rollAt),
      ]);
    const results = [
      ...(await round(async (i, author) => {
        const at = new Date(now.getTime() + i);
        const kind = i % 3 === 0 ? 'like' : 'fail';
        const created = await createPost(
          deps(at, i),
          author,
          postInput(brand.slug, kind, `New case ${i}`, at),
        );
        fresh[i] = created.ok ? created.postId : null;
      }, now)),
      ...(await round(
        (i, author) =>
          giveVerdict(deps(now, i), author, {
            postId: history[i]!.postId,
            resolved: i % 2 === 0,
            wouldBuyAgain: i % 3 === 0,
          }),
        later,
      )),
      ...(await round(async (i) => {
        const postId = fresh[i];
        if (!postId) return;
        await replyAsBrand(deps(now, i), agents[i % 10]!, {
          postId,
          body: `${LONG_REPLY} New case ${i}.`,
          promiseDueOn: i % 4 === 1 ? new Date(now.getTime() + 5 * DAY_MS).toISOString().slice(0, 10) : null,
          escalatedTo: null,
          proposeResolution: i % 4 === 3,
        });
      }, laterBy(1))),
      ...(await round(async (i, author) => {
        await sayMeToo(deps(now, i), author, { postId: history[(i + 1) % WRITERS]!.postId });
        // Shortening a reply moves the personal-replies figures.
        if (i < 10) {
          const [message] = await db.query.threadMessages.findMany({
            where: (m, { eq }) => eq(m.postId, history[i]!.postId),
          });
          await editReply(
            deps(now, i),
            agents.find((agent) => agent.id === message!.authorId)!,
            {
              messageId: message!.id,
              body: 'Short now.',
            },
          );
        }
      }, laterBy(2))),
      ...(await round(async (i, author) => {
        if (i % 5 === 0) await withdrawPost(deps(now, i), author, { postId: history[i]!.postId });
        else if (i % 5 === 1 && fresh[i]) await withdrawPost(deps(now, i), author, { postId: fresh[i]! });
        else if (fresh[i]) await sayMeToo(deps(now, i), customers[(i + 1) % WRITERS]!, { postId: fresh[i]! });
      }, laterBy(3))),
    ];
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(rejected).toEqual([]);

    // Scores and percentiles follow within a second: the refresher, once more now, in place (the
    // last roll moved the windows to this instant).
    await refreshRequestedFigures(db, laterBy(3));
    const { maintained, rebuilt } = await maintainedAndRebuilt(db, laterBy(3));
    // The test has teeth only if the writes happened: 50 new posts, verdicts, withdrawals.
    const all = rebuilt.stats.find((row) => row['window'] === 'all')!;
    expect(Number(all['likes']) + Number(all['fails'])).toBeGreaterThanOrEqual(WRITERS * 2 - 20);
    expect(Number(all['verdicts'])).toBeGreaterThan(20);
    // And the roll moved the older half of the 30-day history out while its verdicts came in (25
    // of those posts got one; 12 stay, of which 2 are withdrawn later).
    const thirtyDays = rebuilt.stats.find((row) => row['window'] === '30d')!;
    expect(Number(thirtyDays['verdicts'])).toBeGreaterThan(0);
    expect(Number(thirtyDays['verdicts'])).toBeLessThan(15);
    expect(maintained).toEqual(rebuilt);
  }, 180_000);
});
