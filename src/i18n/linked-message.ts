/**
 * A translated sentence with links inside it ("…published on the {link}…"), as HTML for `set:html`.
 * The message is rendered with a marker for each link, escaped whole, and only then are the markers
 * replaced by the links (their text escaped too): no catalogue text or value is ever read as markup.
 */
import { escapeHtml } from '../markup/escape.ts';

export interface MessageLink {
  href: string;
  text: string;
}

export function linkedMessage<K extends string>(
  render: (markers: Record<K, string>) => string,
  links: Record<K, MessageLink>,
): string {
  const names = Object.keys(links) as K[];
  const markers = Object.fromEntries(names.map((name, index) => [name, `\u0000${index}\u0000`])) as Record<
    K,
    string
  >;
  let html = escapeHtml(render(markers));
  names.forEach((name, index) => {
    const link = links[name];
    html = html.replace(
      `\u0000${index}\u0000`,
      `<a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>`,
    );
  });
  return html;
}
