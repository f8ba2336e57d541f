/**
 * Editing a brand reply: the edit is held to the template rule like a new
 * reply (a canned text cannot be smuggled in as an edit), moves the brand's
 * personal-replies figures, and only published posts take edits.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBrandWindowStats } from '../../db/queries/stats.ts';
import { threadMessages } from '../../db/schema.ts';
import type { NewPostInput } from '../../src/domain/posting.ts';
import { editReply, replyAsBrand } from '../../src/server/commands/brand-replies.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { createPost, withdrawPost } from '../../src/server/commands/posts.ts';
import { createBrand, createPerson, joinTeam, newPostInput, commandDeps } from '../fixtures/board.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const CANNED =
  'We are sorry for the inconvenience caused. Please send us your customer number by private message so our team can check your file.';
const PERSONAL =
  'I called the depot myself this morning: your parcel is on the 14:00 van and the driver has your number.';

const deps = (): CommandDeps => commandDeps(database.db);

function fail(brandSlug: string, title: string): NewPostInput {
  return newPostInput({
    brandSlug,
    title,
    story: 'The parcel was announced three times and never came.',
    channel: 'chat',
  });
}

async function scene(name: string) {
  const brand = await createBrand(database.db, name);
  const agent = await joinTeam(
    database.db,
    await createPerson(database.db, { name: 'Alex' }),
    brand.id,
    'owner',
  );
  const customer = await createPerson(database.db, { name: 'Ravi P.' });
  const first = await createPost(deps(), customer, fail(brand.slug, 'First parcel lost'));
  const second = await createPost(deps(), customer, fail(brand.slug, 'Second parcel lost'));
  if (!first.ok || !second.ok) throw new Error('posts refused');
  const say = async (postId: number, body: string) => {
    const result = await replyAsBrand(deps(), agent, {
      postId,
      body,
      promiseDueOn: null,
      escalatedTo: null,
      proposeResolution: false,
    });
    if (!result.ok) throw new Error(`reply refused: ${result.reason}`);
    return result.messageId;
  };
  return { brand, agent, customer, first: first.postId, second: second.postId, say };
}

describe('editing a brand reply', () => {
  it('into a copy of an earlier reply on another post marks it as a template and counts it', async () => {
    const { brand, agent, first, second, say } = await scene('Edit Parcels');
    await say(first, CANNED);
    const messageId = await say(second, PERSONAL);
    expect((await getBrandWindowStats(database.db, brand.id, 'all')).templateReplies).toBe(0);

    expect(await editReply(deps(), agent, { messageId, body: CANNED })).toMatchObject({ ok: true });
    const [edited] = await database.db.select().from(threadMessages).where(eq(threadMessages.id, messageId));
    expect(edited!.isTemplate).toBe(true);
    expect((await getBrandWindowStats(database.db, brand.id, 'all')).templateReplies).toBe(1);

    // And back to a personal text: no longer a template.
    expect(await editReply(deps(), agent, { messageId, body: PERSONAL })).toMatchObject({ ok: true });
    expect((await getBrandWindowStats(database.db, brand.id, 'all')).templateReplies).toBe(0);
  });

  it('the first of two identical replies stays personal when it is edited: only earlier replies count', async () => {
    const { agent, first, second, say } = await scene('Edit Order Telecom');
    const earlier = await say(first, CANNED);
    await say(second, CANNED);
    expect(await editReply(deps(), agent, { messageId: earlier, body: `${CANNED} Thanks.` })).toMatchObject({
      ok: true,
    });
    const [row] = await database.db
      .select({ isTemplate: threadMessages.isTemplate })
      .from(threadMessages)
      .where(and(eq(threadMessages.id, earlier)));
    expect(row!.isTemplate).toBe(false);
  });

  it('is refused once the post is withdrawn, and the reply stays as it was', async () => {
    const { agent, customer, first, say } = await scene('Edit Withdrawn Bank');
    const messageId = await say(first, PERSONAL);
    expect(await withdrawPost(deps(), customer, { postId: first })).toMatchObject({ ok: true });
    expect(await editReply(deps(), agent, { messageId, body: 'Changed after the fact.' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    const [row] = await database.db.select().from(threadMessages).where(eq(threadMessages.id, messageId));
    expect(row!.body).toBe(PERSONAL);
  });
});
