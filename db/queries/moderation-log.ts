/** Writes to the audit log (`moderation_actions`): one row per moderator action, with its reason. */
import type { Db } from '../client.ts';
import { moderationActions } from '../schema.ts';

/** What an audit row acts on. */
export type AuditTargetType = 'post' | 'message' | 'image' | 'user' | 'brand' | 'brand_claim';

export interface ModerationActionRow {
  moderatorId: number;
  /** e.g. `suspend`, `unsuspend`, `hold_release`, `hold_remove`, `merge_brands` (counted by /transparency). */
  action: string;
  targetType: AuditTargetType;
  targetId: number;
  reason: string;
  note?: string;
  createdAt: Date;
}

export async function recordModerationAction(db: Db, row: ModerationActionRow): Promise<void> {
  await db.insert(moderationActions).values({ ...row, note: row.note ?? '' });
}
