/**
 * Oversized bodies (issue #11): a form post far above the limit is refused
 * with 413 and a short readable page — not a stack trace, not a 500 — and the
 * server keeps answering afterwards.
 */
import { describe, expect, it } from 'vitest';
import { baseUrl, expectNoLeak, get } from './hostile-http.ts';

const MEGABYTE = 1024 * 1024;

function oversizedForm(bytes: number): string {
  return `postId=1&body=${'a'.repeat(bytes)}`;
}

async function postOversized(path: string, body: string | ReadableStream<Uint8Array>, contentType: string) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { Origin: baseUrl, 'Content-Type': contentType },
    body,
    // A streamed body has no Content-Length: the server must still stop reading.
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
}

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('postId=1&body='));
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

async function expectReadable413(response: Response, label: string) {
  const body = await response.text();
  expect(response.status, `${label}: ${body.slice(0, 300)}`).toBe(413);
  expect(response.headers.get('content-type'), label).toMatch(/^text\/html/);
  expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(body.replace(/<[^>]+>/g, ' '), label).toMatch(/too (large|long)/i);
  expectNoLeak(body, label);
}

async function expectStillUp() {
  const about = await get('/about');
  expect(about.status).toBe(200);
  await about.text();
}

describe('oversized bodies', () => {
  for (const megabytes of [2, 12]) {
    it(`refuses a ${megabytes} MB form post to an action with a readable 413 page and stays up`, async () => {
      const response = await postOversized(
        '/posts/1?_action=addFollowUp',
        oversizedForm(megabytes * MEGABYTE),
        'application/x-www-form-urlencoded',
      );
      await expectReadable413(response, `${megabytes} MB form`);
      await expectStillUp();
    });
  }

  it('refuses a 12 MB JSON body to a direct action call with 413 and stays up', async () => {
    const response = await postOversized(
      '/_actions/addFollowUp',
      JSON.stringify({ postId: 1, body: 'a'.repeat(12 * MEGABYTE) }),
      'application/json',
    );
    expect(response.status).toBe(413);
    expectNoLeak(await response.text(), '12 MB JSON');
    await expectStillUp();
  });

  it('refuses a 12 MB streamed form post without a Content-Length with 413 and stays up', async () => {
    const response = await postOversized(
      '/posts/1?_action=addFollowUp',
      streamOf(12 * MEGABYTE),
      'application/x-www-form-urlencoded',
    );
    await expectReadable413(response, '12 MB streamed form');
    await expectStillUp();
  });
});
