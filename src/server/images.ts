/**
 * Decodes and re-encodes evidence images with sharp (issue #15). The type
 * comes from the bytes (sharp's header reading), never from the name or the
 * browser; the header is judged by the domain (`describeImageProblem`) before
 * anything is decoded, and decoding itself refuses more than
 * `IMAGE_MAX_PIXELS` (`limitInputPixels`), so a decompression bomb never
 * reaches memory. Every image is turned upright (`rotate()` reads the EXIF
 * orientation) and written again as WebP at a display size and a thumbnail:
 * nothing of the original file survives — no EXIF, GPS position, camera
 * serial, ICC comment or payload appended after the image — because sharp
 * writes no metadata unless asked (`withMetadata` is never called).
 */
import { fieldMessage } from '../domain/field-messages.ts';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import {
  DISPLAY_MAX_SIDE,
  IMAGE_MAX_PIXELS,
  THUMB_MAX_SIDE,
  describeImageProblem,
  type EvidenceSlot,
  type EvidenceUpload,
} from '../domain/evidence.ts';

/** One image ready to store: WebP bytes, their SHA-256 (its address), and sizes. */
export interface ProcessedImage {
  position: EvidenceSlot;
  altText: string;
  display: { bytes: Uint8Array; sha256: string; width: number; height: number };
  thumb: { bytes: Uint8Array; sha256: string; width: number; height: number };
}

export type ProcessResult =
  { ok: true; images: ProcessedImage[] } | { ok: false; fieldErrors: Record<string, string> };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// One image at a time per request, and libvips' own threads kept small: the server has two cores.
sharp.concurrency(1);
sharp.cache(false);

const decodeOptions = { limitInputPixels: IMAGE_MAX_PIXELS, failOn: 'error' as const, animated: false };

async function encode(input: Buffer, maxSide: number, quality: number) {
  const { data, info } = await sharp(input, decodeOptions)
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .webp({ quality })
    .toBuffer({ resolveWithObject: true });
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { bytes, sha256: sha256(bytes), width: info.width, height: info.height };
}

/** What sharp reads from the header alone; null format when the bytes are no image it knows. */
async function readHeader(input: Buffer) {
  try {
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    // An EXIF orientation of 5–8 swaps the sides once turned upright.
    const swapped = (meta.orientation ?? 1) >= 5;
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    return { format: meta.format ?? null, width: swapped ? height : width, height: swapped ? width : height };
  } catch {
    return { format: null, width: 0, height: 0 };
  }
}

/** One upload decoded and re-encoded, or the sentence for its file input. */
export async function processImage(
  upload: EvidenceUpload,
): Promise<{ ok: true; image: ProcessedImage } | { ok: false; message: string }> {
  const input = Buffer.from(await upload.file.arrayBuffer());
  const header = await readHeader(input);
  const problem = describeImageProblem(upload.file.name || 'This file', header);
  if (problem) return { ok: false, message: problem };
  try {
    const display = await encode(input, DISPLAY_MAX_SIDE, 82);
    const thumb = await encode(input, THUMB_MAX_SIDE, 70);
    return { ok: true, image: { position: upload.slot, altText: upload.altText, display, thumb } };
  } catch {
    // A header that reads well over a body that does not (truncated, corrupt, a crafted file).
    return {
      ok: false,
      message: fieldMessage('image_damaged', { name: upload.file.name }),
    };
  }
}

/** Every upload of a form, in slot order; the first problem of each slot is said at its file input. */
export async function processEvidence(uploads: readonly EvidenceUpload[]): Promise<ProcessResult> {
  const images: ProcessedImage[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const upload of uploads) {
    const result = await processImage(upload);
    if (result.ok) images.push(result.image);
    else fieldErrors[`image${upload.slot}`] = result.message;
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, images };
}
