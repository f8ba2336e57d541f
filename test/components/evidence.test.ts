/**
 * Evidence on the post page and in the forms (issue #15), rendered with the
 * Container API: thumbnails that link to the full image with the alt text as
 * caption, "Remove" for moderators only, the notice once removed, and a
 * multipart /new form whose file inputs let a phone use its camera.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPostPage } from '../../db/queries/posts.ts';
import type { Actor } from '../../src/domain/policy.ts';
import NewPage from '../../src/pages/new.astro';
import PostPage from '../../src/pages/posts/[id]/index.astro';
import { removeImage } from '../../src/server/commands/image-moderation.ts';
import { createPost } from '../../src/server/commands/posts.ts';
import { createBrand, createPerson, newPostInput } from '../fixtures/board.ts';
import { fileOf, screenshotPng } from '../fixtures/images.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createCapturingMailer } from '../helpers/mailer.ts';

const ALT = 'The bill with the €149 fee circled';
let database: TestDatabase;
let container: AstroContainer;
let postId = 0;
let moderator: Actor;
const now = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  container = await AstroContainer.create();
  const brand = await createBrand(database.db, 'Northwind');
  const author = await createPerson(database.db);
  moderator = await createPerson(database.db, { role: 'moderator' });
  const deps = {
    db: database.db,
    mailer: createCapturingMailer(),
    now,
    siteUrl: 'https://board.example',
    meta: { userAgent: null, ipAddress: null },
  };
  const result = await createPost(deps, author, {
    ...newPostInput({ brandSlug: brand.slug }),
    evidence: [{ slot: 1, file: fileOf(await screenshotPng(), 'bill.png'), altText: ALT }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  postId = result.postId;
});
afterAll(() => database.destroy());

const render = (actor: Actor | null) =>
  container.renderToString(PostPage, {
    locals: { db: database.db, now, user: null, actor, session: null },
    params: { id: String(postId) },
    request: new Request(`http://localhost/posts/${postId}`),
  });

describe('a post with an image', () => {
  it('shows its thumbnail as a link to the full image, with the alt text as caption', async () => {
    const [image] = (await getPostPage(database.db, postId))!.images;
    const html = await render(null);
    expect(html).toMatch(
      new RegExp(
        `<a href="/images/${image!.sha256}\\.webp"[^>]*>\\s*<img src="/images/${image!.thumbSha256}\\.webp" alt="${ALT}"`,
      ),
    );
    expect(html).toMatch(new RegExp(`<figcaption[^>]*>${ALT}</figcaption>`));
    expect(html).not.toContain('Remove this image');
  });

  it('offers a moderator to remove the image alone, then shows the notice in its place', async () => {
    expect(await render(moderator)).toContain('Remove this image');
    const [image] = (await getPostPage(database.db, postId))!.images;
    const deps = {
      db: database.db,
      mailer: createCapturingMailer(),
      now,
      siteUrl: 'https://board.example',
      meta: { userAgent: null, ipAddress: null },
    };
    await removeImage(deps, moderator, {
      imageId: image!.id,
      reason: 'personal_data_in_image',
      explanation: 'It showed another customer’s address.',
    });
    const html = await render(null);
    expect(html).not.toContain(`/images/${image!.thumbSha256}.webp`);
    expect(html.replace(/<[^>]+>/g, ' ')).toMatch(
      /Removed by a moderator on .*: Personal data in an image: It showed another customer’s address\./,
    );
  });
});

describe('the /new form', () => {
  it('is multipart, with file inputs a phone can fill from its camera, descriptions and the confirmation', async () => {
    const html = await container.renderToString(NewPage, {
      locals: { db: database.db, now, user: null, actor: null, session: null },
      request: new Request('http://localhost/new'),
    });
    expect(html).toMatch(/<form[^>]*enctype="multipart\/form-data"/);
    expect(html.match(/type="file"[^>]*accept="image\/\*"|accept="image\/\*"[^>]*type="file"/g)).toHaveLength(
      4,
    );
    expect(html).toContain('name="imageAlt1"');
    expect(html).toContain('name="imagesConfirm"');
  });
});
