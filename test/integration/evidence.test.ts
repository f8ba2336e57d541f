/**
 * Evidence images on a real database (issue #15): stored with the post,
 * follow-up or brand reply in its transaction, served by their SHA-256 only
 * while public, removable one by one by a moderator alone (the post stays,
 * the audit log has it), listed in the privacy export and erased with the
 * account.
 */
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findPublicImageBytes } from '../../db/queries/images.ts';
import { getPostPage } from '../../db/queries/posts.ts';
import { readPersonalData } from '../../db/queries/privacy-export.ts';
import { flags, images, moderationActions, posts } from '../../db/schema.ts';
import type { EvidenceUpload } from '../../src/domain/evidence.ts';
import type { Actor } from '../../src/domain/policy.ts';
import { deleteAccount } from '../../src/server/commands/accounts.ts';
import { replyAsBrand } from '../../src/server/commands/brand-replies.ts';
import type { CommandDeps } from '../../src/server/commands/deps.ts';
import { removeImage } from '../../src/server/commands/image-moderation.ts';
import { flagContent } from '../../src/server/commands/moderation.ts';
import * as commands from '../../src/server/commands/posts.ts';
import { createBrand, createPerson, FIXTURE_PASSWORD, joinTeam, newPostInput } from '../fixtures/board.ts';
import { fileOf, HTML_PAGE, jpegWithGps, screenshotPng } from '../fixtures/images.ts';
import type { APIContext } from 'astro';
import { GET as getSiteFeed } from '../../src/pages/feed.xml.ts';
import { GET as getImage } from '../../src/pages/images/[sha256].webp.ts';
import { siteUrl } from '../../src/server/services.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer } from '../helpers/mailer.ts';

let database: TestDatabase;
const now = new Date();
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.db.execute(
    sql`truncate users, brands, posts, rate_limit_buckets, moderation_actions restart identity cascade`,
  );
});

const deps = (): CommandDeps => ({
  db: database.db,
  mailer: createCapturingMailer(),
  now,
  siteUrl: 'https://board.example',
  meta: { userAgent: null, ipAddress: null },
});

const upload = (bytes: Buffer, name: string, slot: 1 | 2 | 3 | 4 = 1): EvidenceUpload => ({
  slot,
  file: fileOf(bytes, name),
  altText: `Evidence ${slot}: the error on the screen`,
});

async function postWithImages(author: Actor, brandSlug: string, evidence: EvidenceUpload[]) {
  const result = await commands.createPost(deps(), author, { ...newPostInput({ brandSlug }), evidence });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.postId;
}

async function scene() {
  const brand = await createBrand(database.db, 'Northwind');
  const author = await createPerson(database.db, { name: 'Ana' });
  const postId = await postWithImages(author, brand.slug, [
    upload(await screenshotPng(), 'error.png', 1),
    upload(await jpegWithGps(), 'parcel.jpg', 2),
  ]);
  return { brand, author, postId };
}

const imagesOf = async (postId: number) => (await getPostPage(database.db, postId))!.images;

describe('images attached to a post', () => {
  it('are stored with it, in order, with their alt text, and served by their addresses', async () => {
    const { postId } = await scene();
    const stored = await imagesOf(postId);
    expect(stored.map((image) => [image.position, image.messageId, image.altText])).toEqual([
      [1, null, 'Evidence 1: the error on the screen'],
      [2, null, 'Evidence 2: the error on the screen'],
    ]);
    const display = await findPublicImageBytes(database.db, stored[0]!.sha256);
    const thumb = await findPublicImageBytes(database.db, stored[0]!.thumbSha256);
    expect((await sharp(display!).metadata()).format).toBe('webp');
    expect((await sharp(thumb!).metadata()).width).toBe(stored[0]!.thumbWidth);
    expect(
      (await sharp((await findPublicImageBytes(database.db, stored[1]!.sha256))!).metadata()).exif,
    ).toBeUndefined();
  });

  it('refuse the whole post when one image is refused, and write nothing', async () => {
    const brand = await createBrand(database.db, 'Northwind');
    const author = await createPerson(database.db);
    const result = await commands.createPost(deps(), author, {
      ...newPostInput({ brandSlug: brand.slug }),
      evidence: [upload(await screenshotPng(), 'fine.png', 1), upload(HTML_PAGE, 'screenshot.png', 2)],
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: { image2: expect.stringMatching(/not an image/) },
    });
    expect(await database.db.select().from(posts)).toEqual([]);
    expect(await database.db.select().from(images)).toEqual([]);
  });

  it('are no longer served once the post is withdrawn', async () => {
    const { author, postId } = await scene();
    const [image] = await imagesOf(postId);
    expect(await commands.withdrawPost(deps(), author, { postId })).toEqual({ ok: true });
    expect(await findPublicImageBytes(database.db, image!.sha256)).toBeNull();
    expect(await findPublicImageBytes(database.db, image!.thumbSha256)).toBeNull();
  });

  it('are no longer served once a moderator removed the post', async () => {
    const { postId } = await scene();
    const [image] = await imagesOf(postId);
    await database.db
      .update(posts)
      .set({ visibility: 'removed', removedAt: now })
      .where(eq(posts.id, postId));
    expect(await findPublicImageBytes(database.db, image!.sha256)).toBeNull();
  });
});

describe('images in the thread', () => {
  it('come with a follow-up and with a brand reply, each tied to its message', async () => {
    const { brand, author, postId } = await scene();
    const agent = await joinTeam(database.db, await createPerson(database.db, { name: 'Marie' }), brand.id);
    expect(
      await commands.addFollowUp(deps(), author, {
        postId,
        body: 'Still nothing: here is the tracking page.',
        evidence: [upload(await screenshotPng(), 'tracking.png')],
      }),
    ).toEqual({ ok: true });
    const reply = await replyAsBrand(deps(), agent, {
      postId,
      body: 'Here is the replacement order we just placed for you.',
      promiseDueOn: null,
      escalatedTo: null,
      proposeResolution: false,
      evidence: [upload(await screenshotPng(300, 200), 'order.png')],
    });
    expect(reply.ok).toBe(true);
    const page = (await getPostPage(database.db, postId))!;
    const [followUp, brandReply] = page.messages;
    expect(page.images.filter((image) => image.messageId === followUp!.id)).toHaveLength(1);
    expect(page.images.filter((image) => image.messageId === brandReply!.id)).toHaveLength(1);
  });

  it('are not decoded for someone the policy refuses, who is refused as before', async () => {
    const { postId } = await scene();
    const stranger = await createPerson(database.db);
    expect(
      await commands.addFollowUp(deps(), stranger, {
        postId,
        body: 'Not my post at all.',
        evidence: [upload(HTML_PAGE, 'x.png')],
      }),
    ).toEqual({ ok: false, reason: 'refused', refusal: 'forbidden' });
  });
});

describe('removing one image', () => {
  it.each([
    ['a reader', null, 'sign_in'],
    ['the author', 'author', 'forbidden'],
    ['another customer', 'customer', 'forbidden'],
    ['a member of the brand', 'member', 'forbidden'],
  ] as const)('is refused to %s', async (_label, who, refusal) => {
    const { brand, author, postId } = await scene();
    const actors: Record<string, Actor | null> = {
      author,
      customer: await createPerson(database.db),
      member: await joinTeam(database.db, await createPerson(database.db), brand.id),
    };
    const [image] = await imagesOf(postId);
    const result = await removeImage(deps(), who === null ? null : actors[who]!, {
      imageId: image!.id,
      reason: 'personal_data_in_image',
      explanation: 'It showed a neighbour’s face.',
    });
    expect(result).toEqual({ ok: false, reason: 'refused', refusal });
    expect(await findPublicImageBytes(database.db, image!.sha256)).not.toBeNull();
  });

  it('is a moderator’s: a notice takes its place, the post and its other image stay, the audit log has it', async () => {
    const { postId } = await scene();
    const moderator = await createPerson(database.db, { role: 'moderator' });
    const [first, second] = await imagesOf(postId);
    const flagger = await createPerson(database.db);
    await flagContent(deps(), flagger, {
      postId,
      messageId: null,
      reason: 'personal_data_in_image',
      note: '',
    });
    await flagContent(deps(), await createPerson(database.db), {
      postId,
      messageId: null,
      reason: 'spam',
      note: '',
    });
    expect(
      await removeImage(deps(), moderator, {
        imageId: first!.id,
        reason: 'personal_data_in_image',
        explanation: 'It showed a neighbour’s face.',
      }),
    ).toEqual({ ok: true, postId });
    const page = (await getPostPage(database.db, postId))!;
    expect(page.post.visibility).toBe('published');
    expect(page.images[0]).toMatchObject({
      removedAt: expect.any(Date),
      removalReason: 'Personal data in an image: It showed a neighbour’s face.',
    });
    expect(await findPublicImageBytes(database.db, first!.sha256)).toBeNull();
    expect(await findPublicImageBytes(database.db, first!.thumbSha256)).toBeNull();
    expect(await findPublicImageBytes(database.db, second!.sha256)).not.toBeNull();
    const flagRows = await database.db.select().from(flags).orderBy(flags.id);
    expect(flagRows.map((flag) => [flag.reason, flag.status])).toEqual([
      ['personal_data_in_image', 'upheld'],
      ['spam', 'open'],
    ]);
    expect(await database.db.select().from(moderationActions)).toMatchObject([
      { moderatorId: moderator.id, action: 'remove_image', targetType: 'image', targetId: first!.id },
    ]);
    expect(
      await removeImage(deps(), moderator, { imageId: first!.id, reason: 'other', explanation: 'Again.' }),
    ).toEqual({ ok: false, reason: 'already_removed' });
  });
});

describe('images and the person who attached them', () => {
  it('are in their privacy export and erased with their account', async () => {
    const { author, postId } = await scene();
    const exported = await readPersonalData(database.db, author.id);
    expect(exported!.images.map((image) => [image.postId, image.altText])).toEqual([
      [postId, 'Evidence 1: the error on the screen'],
      [postId, 'Evidence 2: the error on the screen'],
    ]);
    const [image] = await imagesOf(postId);
    expect(await deleteAccount(deps(), { userId: author.id, password: FIXTURE_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await imagesOf(postId)).toEqual([]);
    expect(await findPublicImageBytes(database.db, image!.sha256)).toBeNull();
  });
});

const context = (params: Record<string, string> = {}) =>
  ({
    locals: { db: database.db, now },
    params,
    request: new Request(`${siteUrl}/images/${params.sha256 ?? ''}.webp`),
  }) as unknown as APIContext;

describe('the image address', () => {
  it('answers WebP, cached for a year as immutable, never sniffed, with a policy that runs nothing', async () => {
    const { postId } = await scene();
    const [image] = await imagesOf(postId);
    const response = await getImage(context({ sha256: image!.sha256 }));
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).format).toBe('webp');
  });

  it('answers 404 once the post is withdrawn, and for an address that names nothing', async () => {
    const { author, postId } = await scene();
    const [image] = await imagesOf(postId);
    await commands.withdrawPost(deps(), author, { postId });
    expect((await getImage(context({ sha256: image!.sha256 }))).status).toBe(404);
    expect((await getImage(context({ sha256: '../../etc/passwd' }))).status).toBe(404);
  });
});

describe('the Atom feed', () => {
  it('links a post’s images from its entry, titled with their alt text', async () => {
    const { postId } = await scene();
    const [first] = await imagesOf(postId);
    const xml = await (await getSiteFeed(context())).text();
    expect(xml).toContain(
      `<link rel="enclosure" type="image/webp" href="${siteUrl.replace(/\/$/, '')}/images/${first!.sha256}.webp" title="Evidence 1: the error on the screen"/>`,
    );
  });
});
