/**
 * Template-reply detection (DESIGN §5): a brand reply is "canned" when its
 * word 3-shingles have a Jaccard similarity of at least 0.8 with an earlier
 * reply by the same brand on a different post, after lower-casing and masking
 * names, numbers and URLs (so "Hi Ana, ticket 4411" and "Hi Bo, ticket 87"
 * are the same script).
 */

export const TEMPLATE_SIMILARITY = 0.8;
const SHINGLE_WORDS = 3;

/** Lower-cased words with URLs, e-mail addresses, numbers and the given names masked. */
export function maskedWords(text: string, names: readonly string[] = []): string[] {
  const nameSet = new Set(names.map((name) => name.toLowerCase()).filter((name) => name !== ''));
  return text
    .toLowerCase()
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, ' <url> ')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' <email> ')
    .replace(/\d[\d\s.,:/-]*\d|\d/g, ' <number> ')
    .split(/[^\p{L}\p{N}<>'’]+/u)
    .filter((word) => word !== '')
    .map((word) => (nameSet.has(word) ? '<name>' : word));
}

export function shingles(text: string, names: readonly string[] = []): Set<string> {
  const words = maskedWords(text, names);
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    result.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  }
  return result;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface EarlierReply {
  id: number;
  postId: number;
  shingles: ReadonlySet<string>;
}

/**
 * The earliest earlier reply (same brand, another post) this one copies, or
 * null. `earlier` must be the brand's replies before this one, oldest first.
 */
export function findTemplateSource(
  reply: { postId: number; shingles: ReadonlySet<string> },
  earlier: readonly EarlierReply[],
): number | null {
  if (reply.shingles.size === 0) return null;
  for (const candidate of earlier) {
    if (candidate.postId === reply.postId) continue;
    if (jaccard(reply.shingles, candidate.shingles) >= TEMPLATE_SIMILARITY) return candidate.id;
  }
  return null;
}

/** A written reply as later ones are compared with it: its own agent's name masked. */
export function earlierReply(reply: {
  id: number;
  postId: number;
  body: string;
  agent: string;
}): EarlierReply {
  return { id: reply.id, postId: reply.postId, shingles: shingles(reply.body, [reply.agent]) };
}

/** A new reply as it is checked: its agent's name and the customer's first name masked. */
export function replyToCheck(
  postId: number,
  body: string,
  names: { agent: string; customerFirstName: string },
): { postId: number; shingles: Set<string> } {
  return { postId, shingles: shingles(body, [names.agent, names.customerFirstName]) };
}
