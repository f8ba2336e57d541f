/** What a customer and a reader do on the board, for end-to-end tests that start their own servers. */
import type { Page } from 'playwright-core';

/** Publishes a fail about Aldermoor Audio through the real `/new` form; ends on the new post's page. */
export async function publishFail(page: Page, baseUrl: string, title: string): Promise<void> {
  await page.goto(`${baseUrl}/new?q=aldermoor`);
  await page.getByRole('button', { name: /Aldermoor Audio/ }).click();
  await page.getByText('About Aldermoor Audio').waitFor();
  await page.getByLabel(/^Fail/).check();
  await page.getByLabel('Title').fill(title);
  await page
    .getByLabel('Your story')
    .fill('The headphones stopped charging after a week. Support asked me to wait for a call back.');
  await page.getByLabel('What was it about?').selectOption('defect');
  await page.getByLabel('How did you contact them?').selectOption('phone');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/posts\/\d+\?done=posted$/);
}

/** Fetches a page signed out until it shows `text`, or `withinMilliseconds` pass. */
export async function signedOutPageShows(
  url: string,
  text: string,
  withinMilliseconds: number,
): Promise<boolean> {
  const deadline = Date.now() + withinMilliseconds;
  for (;;) {
    const html = await (await fetch(url)).text();
    if (html.includes(text)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A form post the way the page's own form sends it (same origin, url-encoded); redirects not followed. */
export function postForm(
  baseUrl: string,
  pagePath: string,
  action: string,
  fields: Record<string, string>,
  cookie: string | null = null,
): Promise<Response> {
  const separator = pagePath.includes('?') ? '&' : '?';
  return fetch(`${baseUrl}${pagePath}${separator}_action=${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Origin: baseUrl,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

/** The `session=…` cookie a response sets, or null. */
export function sessionCookieOf(response: Response): string | null {
  for (const header of response.headers.getSetCookie()) {
    const match = /^session=([^;]+)/.exec(header);
    if (match?.[1]) return `session=${match[1]}`;
  }
  return null;
}
