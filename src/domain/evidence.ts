/**
 * Evidence (DESIGN §3, issue #15): up to four images on a post, a follow-up
 * or a brand reply, each with its alt text. This module holds the limits, the
 * form fields every form with images shares (`image1`…`image4`,
 * `imageAlt1`…`imageAlt4`, `imagesConfirm`), and the rules that judge a
 * decoded image's header. Pure: src/server/images.ts reads the bytes with
 * sharp and asks these functions.
 */
import { z } from 'zod';
import { fieldMessage } from './field-messages.ts';
import { recordIdSchema } from './ids.ts';
import { REMOVAL_REASONS } from './moderation.ts';
import { normalizeText } from './text.ts';

export const EVIDENCE_SLOTS = [1, 2, 3, 4] as const;
export type EvidenceSlot = (typeof EVIDENCE_SLOTS)[number];
export const MEGABYTE = 1024 * 1024;
/** One image as sent. */
export const IMAGE_MAX_BYTES = 5 * MEGABYTE;
/** Four images at most, but 10 MB together… */
export const IMAGES_MAX_TOTAL_BYTES = 10 * MEGABYTE;
/** …and the whole multipart request: the images and room for the text. */
export const UPLOAD_MAX_BYTES = IMAGES_MAX_TOTAL_BYTES + 64 * 1024;
/** Decoding refuses anything larger: a 20,000 × 20,000 "bomb" is 400 megapixels in a few kilobytes. */
export const IMAGE_MAX_PIXELS = 40_000_000;
export const IMAGE_MAX_SIDE = 12_000;
/** What readers get: the display size (fits a wide screen) and the thread's thumbnail. */
export const DISPLAY_MAX_SIDE = 1600;
export const THUMB_MAX_SIDE = 320;
export const ALT_TEXT_MAX = 300;

/** The formats decoded and re-encoded. HEIC is not among them: sharp's prebuilt binaries do not decode it. */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;

const FORMAT_NAMES: Record<string, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
  heif: 'HEIC',
  gif: 'GIF',
  svg: 'SVG',
  tiff: 'TIFF',
};

/** File-name endings that name an image format; other names (or none) say nothing. */
const EXTENSIONS: Record<string, string> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  jfif: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  heic: 'heif',
  heif: 'heif',
  gif: 'gif',
  svg: 'svg',
  tif: 'tiff',
  tiff: 'tiff',
};

export const ALT_GUIDANCE = fieldMessage('alt_guidance');

/** What the image's header says once the bytes were read (never the name or the browser's type). */
export interface ImageHeader {
  /** sharp's format name, or null when the bytes are no image it knows. */
  format: string | null;
  width: number;
  height: number;
}

/**
 * Null when the image may be decoded, else the sentence shown at its file
 * input. The type comes from the bytes; the name is only compared with them,
 * so a PNG named `.jpg` (or an HTML page named `.png`) is refused rather than
 * trusted either way.
 */
export function describeImageProblem(fileName: string, header: ImageHeader): string | null {
  const named = EXTENSIONS[fileName.toLowerCase().split('.').pop() ?? ''] ?? null;
  if (header.format === null) return fieldMessage('image_unreadable', { name: fileName });
  const format = FORMAT_NAMES[header.format] ?? header.format.toUpperCase();
  if (!(ACCEPTED_FORMATS as readonly string[]).includes(header.format)) {
    return fieldMessage('image_format_refused', { name: fileName, format });
  }
  if (named !== null && named !== header.format) {
    return fieldMessage('image_misnamed', { name: fileName, named: FORMAT_NAMES[named] ?? null, format });
  }
  if (
    header.width * header.height > IMAGE_MAX_PIXELS ||
    Math.max(header.width, header.height) > IMAGE_MAX_SIDE
  ) {
    return fieldMessage('image_too_many_pixels', {
      name: fileName,
      width: header.width,
      height: header.height,
      maxSide: IMAGE_MAX_SIDE,
    });
  }
  return null;
}

/** The size a side is scaled to so the image fits in `maxSide` × `maxSide` (never enlarged). */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

// ── the form fields ─────────────────────────────────────────────────────────────

/** An empty file input arrives as an empty file; anything that is not a file is refused. */
const imageFile = z.instanceof(File, { error: fieldMessage('image_file_required') }).nullish();
const altText = z
  .string()
  .nullish()
  // One line: control characters (a NUL cannot be stored) and line breaks become spaces.
  .transform((value) => normalizeText((value ?? '').replace(/\p{Cc}/gu, ' ')).replace(/\s+/g, ' '));

const evidenceSchema = z.object({
  image1: imageFile,
  image2: imageFile,
  image3: imageFile,
  image4: imageFile,
  imageAlt1: altText,
  imageAlt2: altText,
  imageAlt3: altText,
  imageAlt4: altText,
  /** "The images show nothing private about anyone else." */
  imagesConfirm: z.boolean().default(false),
});
/** The fields a form with images adds to its schema. */
export const evidenceFields = evidenceSchema.shape;
export type EvidenceFields = z.infer<typeof evidenceSchema>;

/** One image as the form sent it, before any decoding. */
export interface EvidenceUpload {
  slot: EvidenceSlot;
  file: File;
  altText: string;
}

/** The images the form carries (slots with a non-empty file), in slot order. */
export function evidenceOf(input: EvidenceFields): EvidenceUpload[] {
  return EVIDENCE_SLOTS.flatMap((slot) => {
    const file = input[`image${slot}`];
    return file && file.size > 0 ? [{ slot, file, altText: input[`imageAlt${slot}`] }] : [];
  });
}

/** The checks a form's schema runs on its images: alt text, the author's confirmation, sizes. */
export function checkEvidence(input: EvidenceFields, context: z.RefinementCtx): void {
  const uploads = evidenceOf(input);
  for (const { slot, file, altText: alt } of uploads) {
    if (file.size > IMAGE_MAX_BYTES)
      context.addIssue({
        code: 'custom',
        path: [`image${slot}`],
        message: fieldMessage('image_too_large', { name: file.name, megabytes: file.size / MEGABYTE }),
      });
    if (alt.length < 3)
      context.addIssue({ code: 'custom', path: [`imageAlt${slot}`], message: ALT_GUIDANCE });
    else if (alt.length > ALT_TEXT_MAX)
      context.addIssue({
        code: 'custom',
        path: [`imageAlt${slot}`],
        message: fieldMessage('description_max', { max: ALT_TEXT_MAX }),
      });
  }
  if (uploads.length > 0 && !input.imagesConfirm)
    context.addIssue({
      code: 'custom',
      path: ['imagesConfirm'],
      message: fieldMessage('images_confirm'),
    });
}

/** A checked form's input with its uploads, in slot order, as its command takes them. */
export function withUploads<T extends EvidenceFields>(input: T): T & { evidence: EvidenceUpload[] } {
  return { ...input, evidence: evidenceOf(input) };
}

/** Said at the first file input when the whole request was over the limit (answered 413). */
export const UPLOAD_TOO_LARGE = fieldMessage('upload_too_large', {
  totalMegabytes: IMAGES_MAX_TOTAL_BYTES / MEGABYTE,
});

/** What a thread and the API show of one image. */
export interface EvidenceImage {
  id: number;
  messageId: number | null;
  position: number;
  altText: string;
  sha256: string;
  thumbSha256: string;
  width: number;
  height: number;
  thumbWidth: number;
  thumbHeight: number;
  removedAt: Date | null;
  removalReason: string | null;
}

/** A moderator removing one image (the post stays): the public explanation is required. */
export const removeImageSchema = z.object({
  imageId: recordIdSchema,
  reason: z.enum(REMOVAL_REASONS, { error: fieldMessage('removal_reason_required') }),
  explanation: z
    .string({ error: fieldMessage('image_removal_explain') })
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(3, fieldMessage('image_removal_explain'))
        .max(500, fieldMessage('keep_it_to', { max: 500 })),
    ),
});
