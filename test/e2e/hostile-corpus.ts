/**
 * The XSS corpus of the hostile-input suite and the checks for each kind of
 * place that shows user text: an HTML page, an Atom feed, API JSON, a CSV
 * export, an e-mail. Each check asserts two things per payload: nothing of it
 * arrives as live markup, and it does arrive as text (so a place that stopped
 * showing the field fails the test instead of passing it silently).
 */
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { parseXml, type XmlElement } from '../helpers/xml.ts';

export interface Payload {
  name: string;
  text: string;
  /** What a reader sees once the boundary normalised it (format characters stripped). */
  visible: string;
}

const payload = (name: string, text: string, visible = text): Payload => ({ name, text, visible });

export const PAYLOADS: readonly Payload[] = [
  payload('a script element', '<script>alert(1)</script>'),
  payload('an attribute break-out', '"><img src=x onerror=alert(1)>'),
  payload('a javascript: address', 'javascript:alert(1)'),
  payload('a textarea break-out', '</textarea><svg onload=alert(1)>'),
  payload('template braces', '{{7*7}} ${7*7}'),
  payload('SQL', "'; DROP TABLE posts;--"),
  payload('a CDATA end and a feed close', ']]></summary></entry></feed>'),
  payload('a right-to-left override', 'invoice\u202Efdp.exe', 'invoicefdp.exe'),
  payload('emoji', '😀 👍🏽 👩‍💻'),
  payload('a spreadsheet formula', '=HYPERLINK("https://evil.example","open")'),
  payload('entities', '&lt;b&gt;bold&amp;'),
  payload('an iframe and a style', '<iframe src=//evil.example></iframe><style>*{display:none}</style>'),
];

/** Raw markup that must never reach a page, a feed or a mail unescaped. */
const LIVE_MARKUP = [
  '<script>alert(1)',
  '<img src=x onerror',
  '<svg onload',
  '<svg/onload',
  '<iframe src=//evil',
  '<style>*{display',
  '<b>bold',
  '\u202E',
];

/** A URL attribute that runs script when followed. */
const SCRIPT_URL = /\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:/i;

/**
 * The markup with every quoted attribute value blanked: inside `content="…"`
 * a `<` is inert text (only `"` must be escaped there), so live markup is
 * what remains outside the values. A value that broke out of its quotes
 * leaves its tail outside, where it is found.
 */
const withoutAttributeValues = (html: string) =>
  html.replace(/<[a-zA-Z][^\s/>]*(?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>/g, (tag) =>
    tag.replace(/=\s*("[^"]*"|'[^']*')/g, '=""'),
  );

/** Groups of payloads short enough for one title (120), brand name (80) or display name (50). */
export function groupsOf(maxLength: number, items: readonly Payload[] = PAYLOADS): Payload[][] {
  const groups: Payload[][] = [];
  let current: Payload[] = [];
  for (const item of items) {
    const length = [...current, item].map((entry) => entry.text).join(' ').length;
    if (current.length > 0 && length > maxLength) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The payloads whose whole text fits in the first `characters` of `text` (excerpts on cards and in feeds). */
export const payloadsWithin = (text: string, characters: number) =>
  PAYLOADS.filter((item) => text.slice(0, characters).includes(item.text));

export const joined = (items: readonly Payload[], separator = ' ') =>
  items.map((item) => item.text).join(separator);

/** Checks done: payloads × fields × places, for the count the issue asks for. */
export const tally = { checks: 0, places: new Set<string>(), fields: new Set<string>() };

function counted(field: string, place: string, items: readonly Payload[]) {
  tally.checks += items.length;
  tally.places.add(place);
  tally.fields.add(field);
}

const decodeEntities = (html: string) =>
  html
    .replace(/&#x([0-9a-f]+);/gi, (_match, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_match, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function expectNoLiveMarkup(raw: string, label: string) {
  const markup = withoutAttributeValues(raw);
  for (const live of LIVE_MARKUP) {
    const at = markup.indexOf(live);
    expect(at, `${label} carries ${live} raw: …${markup.slice(Math.max(0, at - 200), at + 80)}…`).toBe(-1);
  }
  expect(SCRIPT_URL.exec(raw)?.[0] ?? null, `${label} links to javascript:`).toBeNull();
}

/** An HTML page: no payload as markup; each one in the text, with whitespace collapsed as browsers do. */
export function checkHtml(html: string, field: string, place: string, items: readonly Payload[]) {
  expectNoLiveMarkup(html, `${place} (${field})`);
  const text = decodeEntities(html).replace(/\s+/g, ' ');
  for (const item of items)
    expect(text, `${item.name} in ${field} on ${place}`).toContain(item.visible.replace(/\s+/g, ' '));
  counted(field, place, items);
}

const TEXT_CONSTRUCTS = new Set(['title', 'subtitle', 'summary', 'content', 'rights']);

/** An Atom feed: well-formed XML, text content only, each payload in the text of some element. */
export function checkFeed(xml: string, field: string, place: string, items: readonly Payload[]) {
  const feed = parseXml(xml);
  expect(feed.name, place).toBe('feed');
  const elements: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    elements.push(element);
    element.children.forEach(walk);
  };
  walk(feed);
  for (const element of elements.filter((candidate) => TEXT_CONSTRUCTS.has(candidate.name))) {
    expect(element.attributes['type'] ?? 'text', `${place} <${element.name}>`).toBe('text');
  }
  expect(xml.includes('<![CDATA['), `${place} uses CDATA`).toBe(false);
  expectNoLiveMarkup(xml, `${place} (${field})`);
  const leaves = elements.filter((element) => element.children.length === 0).map((element) => element.text);
  for (const item of items) {
    expect(
      leaves.some((text) => text.replace(/\s+/g, ' ').includes(item.visible.replace(/\s+/g, ' '))),
      `${item.name} in ${field} on ${place}`,
    ).toBe(true);
  }
  counted(field, place, items);
}

/** API JSON: each payload round-trips as the exact string (normalised) in some value. */
export function checkJson(body: string, field: string, place: string, items: readonly Payload[]) {
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(body));
  for (const item of items)
    expect(
      strings.some((value) => value.includes(item.visible)),
      `${item.name} in ${field} on ${place}`,
    ).toBe(true);
  counted(field, place, items);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV export: parses; the cell holds the text, with a `'` before anything a spreadsheet would run. */
export function checkCsv(csv: string, field: string, place: string, cellStarts: readonly string[]) {
  const rows = parse(csv, { columns: false, relax_column_count: false }) as string[][];
  const cells = rows.flat();
  for (const cell of cells) expect(FORMULA_START.test(cell), `${place} cell ${cell}`).toBe(false);
  for (const start of cellStarts) {
    const expected = FORMULA_START.test(start) ? `'${start}` : start;
    expect(
      cells.some((cell) => cell.startsWith(expected)),
      `a cell starting ${expected} in ${place}`,
    ).toBe(true);
  }
  tally.checks += cellStarts.length;
  tally.places.add(place);
  tally.fields.add(field);
}

/** RFC 2047 encoded words and quoted-printable bodies, enough for nodemailer's plain-text mails. */
function decodeMail(eml: string): { headers: string; body: string } {
  const [rawHeaders = '', ...rest] = eml.split(/\r?\n\r?\n/);
  const bytes = (text: string) =>
    Buffer.from(
      text
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  const headers = rawHeaders
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : bytes(text.replace(/_/g, ' ')),
    );
  const rawBody = rest.join('\n\n');
  const body = /content-transfer-encoding:\s*base64/i.test(rawHeaders)
    ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
    : bytes(rawBody);
  return { headers, body };
}

/** A mail's decoded headers and body as one line of text, to find it and to read it. */
export function mailText(eml: string): string {
  const { headers, body } = decodeMail(eml);
  return `${headers}\n${body}`.replace(/\s+/g, ' ');
}

/** An e-mail: plain text only (nothing to render as HTML), one line per header, each payload readable. */
export function checkMail(eml: string, field: string, place: string, items: readonly Payload[]) {
  expect(/content-type:\s*text\/html/i.test(eml), `${place} has an HTML part`).toBe(false);
  const { headers } = decodeMail(eml);
  expect(/^(bcc|cc|to):.*\n(bcc|cc):/im.test(headers), `${place} grew a recipient header`).toBe(false);
  const text = mailText(eml);
  for (const item of items)
    expect(text, `${item.name} in ${field} in ${place}`).toContain(item.visible.replace(/\s+/g, ' '));
  counted(field, place, items);
}
