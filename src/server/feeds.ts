/**
 * Atom feeds (DESIGN §7, RFC 4287) from the same post summaries the pages show.
 *
 * Written by hand rather than with the `feed` package: that package declares
 * every entry's title and summary `type="html"` inside CDATA and escapes only
 * the first `]]>`, so a story could close the CDATA section, forge entries or
 * make the whole document invalid XML. Here every piece of user text is plain
 * text (`type="text"`), XML-escaped, with the characters XML 1.0 forbids
 * removed, so the feed is well-formed whatever a post contains.
 */
import type { EvidenceImage } from '../domain/evidence.ts';
import { kindLabel } from '../i18n/labels.ts';
import { m } from '../i18n/messages.ts';
import { currentLanguage } from '../i18n/request-language.ts';
import type { PostSummary } from '../domain/views.ts';
import { paths } from '../paths.ts';

// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. With the `u` flag a
// lone surrogate is one code point outside these ranges, so it is removed too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for XML character data or a quoted attribute value: forbidden characters dropped, the rest escaped. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const element = (name: string, text: string, indent: string) =>
  `${indent}<${name}>${xmlText(text)}</${name}>`;
const textElement = (name: string, text: string, indent: string) =>
  `${indent}<${name} type="text">${xmlText(text)}</${name}>`;
const link = (rel: string, type: string, href: string, indent: string) =>
  `${indent}<link rel="${rel}" type="${type}" href="${xmlText(href)}"/>`;

/** A post's own images as enclosures: each a link to the full image, titled with its alt text. */
const imageLinks = (images: readonly FeedImage[], postId: number, site: string, indent: string) =>
  images
    .filter((image) => image.postId === postId && image.messageId === null && image.removedAt === null)
    .map(
      (image) =>
        `${indent}<link rel="enclosure" type="image/webp" href="${xmlText(`${site}${paths.image(image.sha256)}`)}" title="${xmlText(image.altText)}"/>`,
    );

type FeedImage = EvidenceImage & { postId: number };

function entry(post: PostSummary, site: string, images: readonly FeedImage[], updatedAt: Date): string {
  const url = `${site}${paths.post(post.id)}`;
  const indent = '    ';
  return [
    '  <entry>',
    element('id', url, indent),
    textElement(
      'title',
      m.feed_entry_title({ kind: kindLabel(post.kind), brand: post.brandName, title: post.title }),
      indent,
    ),
    link('alternate', 'text/html', url, indent),
    ...imageLinks(images, post.id, site, indent),
    element('published', post.createdAt.toISOString(), indent),
    element('updated', updatedAt.toISOString(), indent),
    `${indent}<author>${element('name', post.authorName, '')}</author>`,
    textElement('summary', post.excerpt, indent),
    '  </entry>',
  ].join('\n');
}

export function atomFeed(options: {
  title: string;
  description: string;
  path: string;
  feedPath: string;
  siteUrl: string;
  posts: PostSummary[];
  /** The posts' images (`listPostImages`), linked from their entries. */
  images?: readonly FeedImage[];
  /** When an entry last changed (default: when it was posted), e.g. when a story was featured. */
  updatedAt?: (post: PostSummary) => Date;
}): Response {
  const site = options.siteUrl.replace(/\/$/, '');
  const updatedAt = options.updatedAt ?? ((post: PostSummary) => post.createdAt);
  const updated = new Date(Math.max(0, ...options.posts.map((post) => updatedAt(post).getTime())));
  // A French feed (`/fr/feed.xml`) says so; the English one stays as it always was.
  const language = currentLanguage();
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    language === 'en'
      ? '<feed xmlns="http://www.w3.org/2005/Atom">'
      : `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
    element('id', `${site}${options.path}`, '  '),
    textElement('title', options.title, '  '),
    textElement('subtitle', options.description, '  '),
    element('updated', updated.toISOString(), '  '),
    link('alternate', 'text/html', `${site}${options.path}`, '  '),
    link('self', 'application/atom+xml', `${site}${options.feedPath}`, '  '),
    textElement('rights', m.feed_rights(), '  '),
    element('generator', 'Likes & Fails', '  '),
    ...options.posts.map((post) => entry(post, site, options.images ?? [], updatedAt(post))),
    '</feed>',
    '',
  ].join('\n');
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
