/**
 * An evidence image by the SHA-256 of its bytes (decision 013). The address
 * changes with the content, so it is cached for a year as immutable; it
 * answers only while the image, its message and its post are public (a
 * withdrawn or removed post, or a removed image, answers 404). Served with its
 * own restrictive policy: the bytes are WebP written by us, never sniffed as
 * anything else, and nothing in them may run.
 */
import type { APIRoute } from 'astro';
import { findPublicImageBytes } from '../../../db/queries/images.ts';
import { m } from '../../i18n/messages.ts';
import { plainLanguage } from '../../server/language-choice.ts';
import { readDatabase } from '../../server/read-database.ts';

const SHA256 = /^[0-9a-f]{64}$/;

const IMAGE_HEADERS = {
  'Content-Type': 'image/webp',
  'Cache-Control': 'public, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The 404's sentence speaks Accept-Language (an image address has no language of its own). */
const notServed = (request: Request) =>
  new Response(m.limit_image_gone({}, { locale: plainLanguage(request) }), {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });

export const GET: APIRoute = async ({ locals, params, request }) => {
  const sha256 = params.sha256 ?? '';
  if (!SHA256.test(sha256)) return notServed(request);
  const bytes = await findPublicImageBytes(readDatabase(locals), sha256);
  if (!bytes) return notServed(request);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { ...IMAGE_HEADERS, 'Content-Length': String(bytes.byteLength), ETag: `"${sha256}"` },
  });
};
