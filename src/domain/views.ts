/**
 * The read models pages and components receive from db/queries: plain types
 * here, so rendering code depends on what it shows, not on the queries.
 */
import type { FeedCursor } from './cursor.ts';
import type { EvidenceImage } from './evidence.ts';
import type {
  Category,
  Channel,
  FailStatus,
  Language,
  MessageKind,
  PostKind,
  PostVisibility,
  PromiseOutcome,
  ThreadEventType,
} from './vocabulary.ts';

export type PostSummary = {
  id: number;
  kind: PostKind;
  title: string;
  /** The language the author wrote in: the `lang` of the title and excerpt (decision 014). */
  language: Language;
  excerpt: string;
  category: Category;
  channel: Channel;
  status: FailStatus | null;
  country: string | null;
  waitMinutes: number | null;
  meTooCount: number;
  /** Accounts that marked the post helpful. */
  helpfulCount: number;
  messageCount: number;
  firstBrandReplyAt: Date | null;
  createdAt: Date;
  brandSlug: string;
  brandName: string;
  brandVerified: boolean;
  authorName: string;
  /** The author's account is suspended by a moderator: the post stays, marked. */
  authorSuspended?: boolean;
  /** A promised fail whose promised day passed without a resolution (lifecycle.ts `displayStatus`). */
  promiseBroken?: boolean;
};

export interface Page<T> {
  items: T[];
  /** Cursor of the next (older) page, or null on the last page. */
  next: FeedCursor | null;
}

/** A post as its page shows it (every column of the post). */
export interface PostRecord {
  id: number;
  brandId: number;
  authorId: number;
  kind: PostKind;
  title: string;
  story: string;
  language: Language;
  category: Category;
  channel: Channel;
  experiencedOn: string;
  country: string | null;
  waitMinutes: number | null;
  status: FailStatus | null;
  visibility: PostVisibility;
  handlerId: number | null;
  escalatedTo: string | null;
  firstBrandReplyAt: Date | null;
  resolutionProposedAt: Date | null;
  settledAt: Date | null;
  meTooCount: number;
  helpfulCount: number;
  exceptionalSince: Date | null;
  messageCount: number;
  revisionCount: number;
  lastActivityAt: Date;
  withdrawnAt: Date | null;
  removedAt: Date | null;
  removalReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  searchVector: string | null;
}

export interface ThreadMessageView {
  id: number;
  kind: MessageKind;
  body: string;
  isTemplate: boolean;
  revisionCount: number;
  removedAt: Date | null;
  removalReason: string | null;
  createdAt: Date;
  authorId: number;
  authorName: string;
  brandName: string | null;
  brandVerified: boolean;
}

export interface ThreadEventView {
  id: number;
  type: ThreadEventType;
  data: Record<string, unknown>;
  createdAt: Date;
  actorName: string | null;
  brandName: string | null;
}

export interface PromiseView {
  id: number;
  postId: number;
  brandId: number;
  madeById: number;
  messageId: number | null;
  dueOn: string;
  outcome: PromiseOutcome;
  settledAt: Date | null;
  createdAt: Date;
}

export interface VerdictView {
  postId: number;
  userId: number;
  resolved: boolean;
  wouldBuyAgain: boolean;
  changeCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Everything the post page shows: the post, its brand, thread, promises and verdict. */
export interface PostPage {
  handlerName: string | null;
  post: PostRecord;
  brand: { id: number; slug: string; name: string; verifiedAt: Date | null };
  authorName: string;
  authorSuspended: boolean;
  messages: ThreadMessageView[];
  events: ThreadEventView[];
  promises: PromiseView[];
  verdict: VerdictView | null;
  /** The evidence of the post and of its thread's messages (`messageId`), removed ones included. */
  images: EvidenceImage[];
}
