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
import { readDatabase } from '../../server/read-database.ts';

const SHA256 = /^[0-9a-f]{64}$/;

const IMAGE_HEADERS = {
  'Content-Type': 'image/webp',
  'Cache-Control': 'public, max-age=31536000, immutable',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const notServed = () =>
  new Response('No such image: it was removed, its post was withdrawn or removed, or it never existed.', {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });

export const GET: APIRoute = async ({ locals, params }) => {
  const sha256 = params.sha256 ?? '';
  if (!SHA256.test(sha256)) return notServed();
  const bytes = await findPublicImageBytes(readDatabase(locals), sha256);
  if (!bytes) return notServed();
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { ...IMAGE_HEADERS, 'Content-Length': String(bytes.byteLength), ETag: `"${sha256}"` },
  });
};
