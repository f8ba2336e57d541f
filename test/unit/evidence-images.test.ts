import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  DISPLAY_MAX_SIDE,
  THUMB_MAX_SIDE,
  describeImageProblem,
  evidenceFields,
  fitWithin,
} from '../../src/domain/evidence.ts';
import { processImage } from '../../src/server/images.ts';
import {
  GPS_CAMERA,
  HTML_PAGE,
  SVG_IMAGE,
  fileOf,
  jpegWithGps,
  pngBomb,
  screenshotPng,
} from '../fixtures/images.ts';

const upload = (bytes: Buffer, name: string) => ({
  slot: 1 as const,
  file: fileOf(bytes, name),
  altText: 'A test image',
});

async function processed(bytes: Buffer, name: string) {
  const result = await processImage(upload(bytes, name));
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.image;
}

async function refusal(bytes: Buffer, name: string) {
  const result = await processImage(upload(bytes, name));
  if (result.ok) throw new Error('accepted');
  return result.message;
}

describe('evidence images', () => {
  it('come out of a photo with GPS EXIF without any metadata', async () => {
    const photo = await jpegWithGps();
    const before = await sharp(photo).metadata();
    expect(before.exif?.toString('latin1')).toContain(GPS_CAMERA);

    const image = await processed(photo, 'parcel.jpg');
    for (const bytes of [image.display.bytes, image.thumb.bytes]) {
      const after = await sharp(bytes).metadata();
      expect(after.format).toBe('webp');
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.iptc).toBeUndefined();
      expect(after.icc).toBeUndefined();
      expect(Buffer.from(bytes).toString('latin1')).not.toContain(GPS_CAMERA);
    }
  });

  it('are re-encoded to WebP at a display size and a thumbnail, each addressed by its SHA-256', async () => {
    const image = await processed(await screenshotPng(2400, 1200), 'error.png');
    expect(image.display).toMatchObject({ width: DISPLAY_MAX_SIDE, height: 800 });
    expect(image.thumb).toMatchObject({ width: THUMB_MAX_SIDE, height: 160 });
    expect(image.display.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(image.display.sha256).not.toBe(image.thumb.sha256);
  });

  it('drop anything appended after the image (a payload smuggled in a valid file)', async () => {
    const payload = Buffer.from('<script>alert(1)</script>');
    const image = await processed(Buffer.concat([await screenshotPng(), payload]), 'error.png');
    expect(Buffer.from(image.display.bytes).toString('latin1')).not.toContain('<script>');
  });

  it('refuse a PNG named .jpg: the type comes from the bytes, and the name must not contradict them', async () => {
    expect(await refusal(await screenshotPng(), 'bill.jpg')).toMatch(
      /named like a JPEG file but holds a PNG image/,
    );
  });

  it('accept a file whose name says nothing of its type, judged by its bytes alone', async () => {
    expect((await processed(await screenshotPng(), 'image')).display.bytes.length).toBeGreaterThan(0);
  });

  it('refuse an SVG with a clear message', async () => {
    expect(await refusal(SVG_IMAGE, 'logo.svg')).toMatch(
      /is an SVG image, which we do not accept.*JPEG, PNG/,
    );
  });

  it('refuse an HTML file renamed .png as something that is not an image', async () => {
    expect(await refusal(HTML_PAGE, 'screenshot.png')).toMatch(
      /“screenshot.png” is not an image we can read/,
    );
  });

  it('refuse a 20,000 × 20,000 decompression bomb from its header, before decoding it', async () => {
    const bomb = pngBomb(20_000);
    expect(bomb.length).toBeLessThan(2_000_000);
    expect(await refusal(bomb, 'bomb.png')).toMatch(/20,000 × 20,000 pixels: too large to process/);
  }, 30_000); // compressing the 400 MB of zeros takes a few seconds

  it('refuse a damaged image whose header reads well', async () => {
    const png = await screenshotPng();
    expect(await refusal(png.subarray(0, 120), 'cut.png')).toMatch(/could not be read as an image/);
  });
});

describe('image rules', () => {
  it('fit an image inside a square without enlarging it', () => {
    expect(fitWithin(3200, 1600, 1600)).toEqual({ width: 1600, height: 800 });
    expect(fitWithin(100, 50, 1600)).toEqual({ width: 100, height: 50 });
  });

  it('refuse a HEIC photo by name, since the prebuilt library cannot decode it', () => {
    expect(describeImageProblem('IMG_0001.HEIC', { format: 'heif', width: 4032, height: 3024 })).toMatch(
      /a HEIC image, which we do not accept/,
    );
  });

  it('keep an alt text on one line, without control characters', () => {
    const parsed = evidenceFields.imageAlt1.parse(' The bill\r\nwith a\u0000fee ');
    expect(parsed).toBe('The bill with a fee');
  });

  it('accept a JPEG named .jpeg or .JPG', () => {
    expect(describeImageProblem('a.JPG', { format: 'jpeg', width: 10, height: 10 })).toBeNull();
    expect(describeImageProblem('a.jpeg', { format: 'jpeg', width: 10, height: 10 })).toBeNull();
  });
});
