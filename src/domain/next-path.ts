/**
 * Where to send a person after logging in (`/login?next=…`): only a path on
 * this site, otherwise the home page. An open redirect hides in the details
 * browsers forgive: they drop tabs and line breaks inside a URL (so
 * "/\t/evil.example" becomes "//evil.example", another site) and read "\" as
 * "/"; a Location header with a line break or a non-ASCII character is refused
 * by the server (a 500). So the rule is strict, and the URL parser has the last
 * word on the origin.
 */

export const NEXT_PATH_MAX = 500;

// Used only to resolve the path: whatever origin the site has, a same-site path keeps it.
const BASE = new URL('https://this-site.invalid');
// Any whitespace (tab, space, no-break space, line separators…) or control/format/unassigned character.
const FORBIDDEN = /[\s\p{C}]/u;

function startsLikeAPath(text: string): boolean {
  return text.startsWith('/') && text[1] !== '/' && text[1] !== '\\';
}

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null; // a stray "%" that is not an escape
  }
}

/**
 * "/posts/1?x=1#a" → "/posts/1?x=1#a"; "//evil.example", "/\evil", "/%09/evil",
 * "https://evil", "javascript:…" → "/". Non-ASCII is returned percent-encoded,
 * so the result is always safe in a Location header.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || value.length > NEXT_PATH_MAX) return '/';
  const plain = decoded(value);
  if (plain === null) return '/';
  for (const text of [value, plain]) {
    if (!startsLikeAPath(text) || FORBIDDEN.test(text)) return '/';
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE.origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return startsLikeAPath(path) ? path : '/';
}
