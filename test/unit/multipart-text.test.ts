import { describe, expect, it } from 'vitest';
import { multipartBoundary, readTextFields } from '../../src/server/multipart-text.ts';

/** A body as a browser encodes it, delivered in chunks of `chunkBytes` (delimiters fall across them). */
async function encode(form: FormData, chunkBytes: number) {
  const request = new Request('http://board.invalid/', { method: 'POST', body: form });
  const bytes = new Uint8Array(await request.arrayBuffer());
  const boundary = multipartBoundary(request.headers.get('content-type'))!;
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
  return { body, boundary };
}

describe('reading the text fields of a multipart body', () => {
  it.each([1, 7, 64, 65_536])(
    'keeps every text field and skips the files (chunks of %i bytes)',
    async (chunkBytes) => {
      const form = new FormData();
      form.set('title', 'The router shows F3086');
      form.set('image1', new File([new Uint8Array(200_000).fill(45)], 'error.png', { type: 'image/png' }));
      form.set('story', 'Line one\r\n--not a boundary\r\nLine three, with é and 日本');
      form.set('imageAlt1', 'Error on the screen');
      const { body, boundary } = await encode(form, chunkBytes);
      const fields = await readTextFields(body, boundary);
      expect(Object.fromEntries(fields)).toEqual({
        title: 'The router shows F3086',
        story: 'Line one\r\n--not a boundary\r\nLine three, with é and 日本',
        imageAlt1: 'Error on the screen',
      });
    },
  );

  it('drops text past its limit rather than holding it', async () => {
    const form = new FormData();
    form.set('short', 'kept');
    form.set('long', 'x'.repeat(5_000));
    const { body, boundary } = await encode(form, 1024);
    const fields = await readTextFields(body, boundary, 1_000);
    expect(fields.get('short')).toBe('kept');
    expect(fields.has('long')).toBe(false);
  });

  it('finds the boundary of a multipart content type, and none in another type', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----abc')).toBe('----abc');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/x-www-form-urlencoded')).toBeNull();
  });
});
