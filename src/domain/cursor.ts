/**
 * Keyset pagination cursors: "newest first" lists page by (created_at, id), so
 * a page never shifts when new posts arrive and no OFFSET scan is needed.
 * The cursor is opaque to readers but plain: `<ISO time>~<id>`.
 */
export interface FeedCursor {
  createdAt: Date;
  id: number;
}

export function encodeCursor(cursor: FeedCursor): string {
  return `${cursor.createdAt.toISOString()}~${cursor.id}`;
}

/** Returns null for anything that is not a cursor we made (a bad link is page one, not an error). */
export function decodeCursor(value: string | null | undefined): FeedCursor | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)~(\d{1,10})$/.exec(value);
  if (!match) return null;
  const createdAt = new Date(match[1]!);
  const id = Number(match[2]);
  if (Number.isNaN(createdAt.getTime()) || !Number.isSafeInteger(id)) return null;
  return { createdAt, id };
}
