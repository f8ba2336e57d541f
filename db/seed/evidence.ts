/**
 * A few evidence images on demo posts (issue #15), drawn at seed time with
 * sharp from shapes and gradients (nothing downloaded, no fonts needed) and
 * stored through the same processing as an upload: re-encoded to WebP at a
 * display size and a thumbnail, with their alt text.
 */
import sharp from 'sharp';
import type { EvidenceSlot } from '../../src/domain/evidence.ts';
import { processImage } from '../../src/server/images.ts';
import type { Db } from '../client.ts';
import { insertImages } from '../queries/images.ts';
import type { SeedStore } from './store.ts';

const svg = (width: number, height: number, body: string) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`,
  );

/** A set-top box on a shelf, its light off, under a grey evening. */
const deadBox = svg(
  960,
  640,
  `<defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5b6378"/><stop offset="1" stop-color="#2b3040"/></linearGradient></defs>
  <rect width="960" height="640" fill="url(#wall)"/><rect y="430" width="960" height="30" fill="#8a6a4a"/>
  <rect x="300" y="330" width="360" height="100" rx="12" fill="#1d1f24"/><circle cx="620" cy="380" r="9" fill="#3a3d44"/>
  <rect x="330" y="360" width="160" height="12" rx="6" fill="#2c2f36"/>`,
);

/** A bill with a large red amount box, the kind of letter the story quotes. */
const bill = svg(
  800,
  1000,
  `<rect width="800" height="1000" fill="#f6f3ea"/><rect x="60" y="60" width="220" height="60" fill="#1e5aa8"/>
  ${[180, 220, 260, 300, 340].map((y) => `<rect x="60" y="${y}" width="${680 - (y % 3) * 40}" height="14" fill="#c9c4b8"/>`).join('')}
  <rect x="440" y="480" width="300" height="120" fill="none" stroke="#c0392b" stroke-width="8"/>
  <rect x="470" y="520" width="240" height="40" fill="#c0392b"/>
  ${[680, 720, 760].map((y) => `<rect x="60" y="${y}" width="600" height="14" fill="#c9c4b8"/>`).join('')}`,
);

/** A tracking page with three status steps and no progress past the second. */
const trackingPage = svg(
  1280,
  720,
  `<rect width="1280" height="720" fill="#ffffff"/><rect width="1280" height="64" fill="#243b55"/>
  <rect x="80" y="140" width="520" height="24" fill="#d0d6de"/>
  ${[0, 1, 2].map((i) => `<circle cx="${260 + i * 380}" cy="360" r="40" fill="${i < 2 ? '#2e86de' : '#d0d6de'}"/>`).join('')}
  <rect x="300" y="352" width="300" height="16" fill="#2e86de"/><rect x="680" y="352" width="300" height="16" fill="#d0d6de"/>
  <rect x="80" y="520" width="1120" height="90" rx="8" fill="#fdecea" stroke="#e74c3c" stroke-width="3"/>`,
);

const PICTURES: { titleStart: string; images: { svg: Buffer; alt: string }[] }[] = [
  {
    titleStart: 'TV box dead on the night of the cup final',
    images: [{ svg: deadBox, alt: 'The TV box on its shelf, front light off, the evening of the final.' }],
  },
  {
    titleStart: 'Our house was flattened by the tornado',
    images: [
      { svg: bill, alt: 'The letter asking for €149 for “unreturned equipment”, amount boxed in red.' },
    ],
  },
  {
    titleStart: 'Laptop under warranty sent to',
    images: [
      { svg: trackingPage, alt: 'The repair partner’s tracking page, stuck on the second of three steps.' },
      { svg: bill, alt: 'The warranty repair receipt from the shop.' },
    ],
  },
];

/** Draws and stores the demo images; a post the demo no longer has is skipped. Answers how many. */
export async function seedEvidence(db: Db, store: SeedStore): Promise<number> {
  let count = 0;
  for (const picture of PICTURES) {
    const post = store.posts.find((row) => row.title.startsWith(picture.titleStart));
    if (!post?.id) continue;
    const processed = [];
    for (const [index, { svg: drawing, alt }] of picture.images.entries()) {
      const png = await sharp(drawing).png().toBuffer();
      const result = await processImage({
        slot: (index + 1) as EvidenceSlot,
        file: new File([new Uint8Array(png)], `evidence-${index + 1}.png`, { type: 'image/png' }),
        altText: alt,
      });
      if (!result.ok) throw new Error(`Demo image refused: ${result.message}`);
      processed.push(result.image);
    }
    const owner = {
      postId: post.id,
      messageId: null,
      uploaderId: post.authorId,
      createdAt: post.createdAt ?? new Date(),
    };
    await insertImages(db, owner, processed);
    count += processed.length;
  }
  return count;
}
