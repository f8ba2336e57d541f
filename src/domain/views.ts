/**
 * The read models pages and components receive from db/queries: plain types
 * here, so rendering code depends on what it shows, not on the queries.
 */
import type { FeedCursor } from './cursor.ts';
import type { Category, FailStatus, PostKind } from './vocabulary.ts';

export type PostSummary = {
  id: number;
  kind: PostKind;
  title: string;
  excerpt: string;
  category: Category;
  channel: string;
  status: FailStatus | null;
  country: string | null;
  waitMinutes: number | null;
  meTooCount: number;
  messageCount: number;
  firstBrandReplyAt: Date | null;
  createdAt: Date;
  brandSlug: string;
  brandName: string;
  brandVerified: boolean;
  authorName: string;
  /** The author's account is suspended by a moderator: the post stays, marked. */
  authorSuspended?: boolean;
};

export interface Page<T> {
  items: T[];
  /** Cursor of the next (older) page, or null on the last page. */
  next: FeedCursor | null;
}
