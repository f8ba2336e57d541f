/**
 * Evidence images (issue #15, decision 013): written in the transaction of
 * the post, follow-up or reply they come with; read by their SHA-256 address
 * for readers, only while the image, its message and its post are public; a
 * moderator's removal drops the bytes and keeps the row for the notice.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { EvidenceImage } from '../../src/domain/evidence.ts';
import type { Db } from '../client.ts';
import { images, posts, threadMessages } from '../schema.ts';

/** One re-encoded image to store (src/server/images.ts makes them). */
export interface NewImage {
  position: number;
  altText: string;
  display: { bytes: Uint8Array; sha256: string; width: number; height: number };
  thumb: { bytes: Uint8Array; sha256: string; width: number; height: number };
}

export async function insertImages(
  db: Db,
  owner: { postId: number; messageId: number | null; uploaderId: number; createdAt: Date },
  newImages: readonly NewImage[],
): Promise<void> {
  if (newImages.length === 0) return;
  await db.insert(images).values(
    newImages.map((image) => ({
      ...owner,
      position: image.position,
      altText: image.altText,
      sha256: image.display.sha256,
      thumbSha256: image.thumb.sha256,
      width: image.display.width,
      height: image.display.height,
      thumbWidth: image.thumb.width,
      thumbHeight: image.thumb.height,
      bytes: image.display.bytes,
      thumbBytes: image.thumb.bytes,
    })),
  );
}

/**
 * The bytes behind `/images/<sha256>.webp` (a display size or a thumbnail),
 * or null when no public image has them: removed images, images of removed
 * messages and of posts that are withdrawn, removed or held are not served.
 */
export async function findPublicImageBytes(db: Db, sha256: string): Promise<Uint8Array | null> {
  const [row] = await db
    .select({
      bytes: sql<Uint8Array>`case when ${images.sha256} = ${sha256} then ${images.bytes} else ${images.thumbBytes} end`,
    })
    .from(images)
    .innerJoin(posts, eq(posts.id, images.postId))
    .leftJoin(threadMessages, eq(threadMessages.id, images.messageId))
    .where(
      and(
        or(eq(images.sha256, sha256), eq(images.thumbSha256, sha256)),
        isNull(images.removedAt),
        eq(posts.visibility, 'published'),
        isNull(threadMessages.removedAt),
      ),
    )
    .limit(1);
  return row?.bytes ? new Uint8Array(row.bytes) : null;
}

const imageColumns = {
  id: images.id,
  postId: images.postId,
  messageId: images.messageId,
  position: images.position,
  altText: images.altText,
  sha256: images.sha256,
  thumbSha256: images.thumbSha256,
  width: images.width,
  height: images.height,
  thumbWidth: images.thumbWidth,
  thumbHeight: images.thumbHeight,
  removedAt: images.removedAt,
  removalReason: images.removalReason,
};

/** The images of some posts (with their thread's), in the order they were attached; no bytes. */
export async function listPostImages(
  db: Db,
  postIds: readonly number[],
): Promise<(EvidenceImage & { postId: number })[]> {
  if (postIds.length === 0) return [];
  return db
    .select(imageColumns)
    .from(images)
    .where(inArray(images.postId, [...postIds]))
    .orderBy(asc(images.postId), asc(images.createdAt), asc(images.id));
}

export async function findImage(db: Db, imageId: number) {
  const [row] = await db.select(imageColumns).from(images).where(eq(images.id, imageId)).limit(1);
  return row ?? null;
}

/** A moderator's removal: the bytes go, the row stays for the public notice. */
export async function removeImage(db: Db, imageId: number, reason: string, now: Date): Promise<void> {
  await db
    .update(images)
    .set({ removedAt: now, removalReason: reason, bytes: null, thumbBytes: null })
    .where(eq(images.id, imageId));
}

/** The images a person attached, for their privacy export (addresses and descriptions, no bytes). */
export async function imagesOfUploader(db: Db, uploaderId: number) {
  return db
    .select(imageColumns)
    .from(images)
    .where(eq(images.uploaderId, uploaderId))
    .orderBy(asc(images.createdAt), asc(images.id));
}

/** Erasing an account erases the images it attached (their posts stay, signed "former customer"). */
export async function deleteImagesOfUploader(db: Db, uploaderId: number): Promise<void> {
  await db.delete(images).where(eq(images.uploaderId, uploaderId));
}

/** What the policy needs of a post before its images are decoded (the write checks again under lock). */
export async function findPostForUpload(db: Db, postId: number) {
  const [row] = await db
    .select({
      brandId: posts.brandId,
      authorId: posts.authorId,
      postKind: posts.kind,
      visibility: posts.visibility,
    })
    .from(posts)
    .where(eq(posts.id, postId))
    .limit(1);
  return row ?? null;
}
