/**
 * A moderator merges a duplicate brand into the brand to keep (DESIGN §2).
 * Everything about the duplicate moves: posts, the brand's replies, events and
 * promises, team (one seat per person, one owner), claims, webhooks with their
 * deliveries, and flags the brand raised. The duplicate stays as a row with
 * `merged_into_id`, so its slug keeps answering with a 301 to the kept brand.
 *
 * Locks, in the order every other writer takes them (decision 004): the
 * duplicate's posts first (thread writes hold a post, then a brand's figures),
 * then both brand rows, then both brands' statistics locks in ascending id
 * order; both brands' aggregates are then rebuilt from their posts and both
 * changes announced.
 */
import {
  deleteMembers,
  insertMember,
  listMembers,
  lockBrandMerges,
  lockBrandPosts,
  lockBrandRows,
  markMerged,
  moveBrandRows,
  moveClaims,
  setMemberRole,
  voidBrandTokens,
} from '../../../db/queries/brand-merge.ts';
import { markBrandVerified } from '../../../db/queries/brand-team.ts';
import { getBrandBySlug } from '../../../db/queries/brands.ts';
import { announceChange } from '../../../db/queries/changes.ts';
import { recordModerationAction } from '../../../db/queries/moderation-log.ts';
import { holdBrandFiguresAlone } from '../../../db/queries/figure-turns.ts';
import { rebuildBrandStatistics } from '../statistics.ts';
import { mergedRole, type MergeBrandsInput } from '../../domain/moderator-actions.ts';
import { can, type Actor } from '../../domain/policy.ts';
import type { CommandDeps } from './deps.ts';
import { refused, type Refused } from './thread-guards.ts';

export type MergeResult =
  | { ok: true; keptSlug: string; movedPosts: number }
  | Refused
  | { ok: false; reason: 'no_such_brand'; field: 'duplicateSlug' | 'keepSlug' }
  | { ok: false; reason: 'same_brand' | 'into_merged_brand' | 'already_merged' };

export async function mergeBrands(
  deps: CommandDeps,
  actor: Actor | null,
  input: MergeBrandsInput,
): Promise<MergeResult> {
  const decision = can(actor, 'merge_brands');
  if (!decision.ok) return refused(decision.reason);
  const moderator = actor!;
  return deps.db.transaction(async (tx) => {
    await lockBrandMerges(tx);
    // Read under the merge lock: another merge that just committed is seen.
    const duplicate = await getBrandBySlug(tx, input.duplicateSlug);
    if (!duplicate) return { ok: false, reason: 'no_such_brand', field: 'duplicateSlug' } as const;
    const kept = await getBrandBySlug(tx, input.keepSlug);
    if (!kept) return { ok: false, reason: 'no_such_brand', field: 'keepSlug' } as const;
    if (duplicate.id === kept.id) return { ok: false, reason: 'same_brand' } as const;
    if (kept.mergedIntoId !== null) return { ok: false, reason: 'into_merged_brand' } as const;
    if (duplicate.mergedIntoId !== null) return { ok: false, reason: 'already_merged' } as const;

    await lockBrandPosts(tx, duplicate.id);
    const ascending = [duplicate.id, kept.id].sort((a, b) => a - b);
    await lockBrandRows(tx, ascending);
    for (const brandId of ascending) await holdBrandFiguresAlone(tx, brandId);

    // The team: one seat per person, the higher role, and one owner (the kept brand's, if any).
    const keptMembers = new Map((await listMembers(tx, kept.id)).map((m) => [m.userId, m.role]));
    let keptHasOwner = [...keptMembers.values()].includes('owner');
    let ownerCameAlong = false;
    for (const member of await listMembers(tx, duplicate.id)) {
      const current = keptMembers.get(member.userId) ?? null;
      const role = mergedRole(current, member.role, keptHasOwner);
      if (role === 'owner' && current !== 'owner') {
        keptHasOwner = true;
        ownerCameAlong = true;
      }
      if (current === null) {
        await insertMember(tx, {
          brandId: kept.id,
          userId: member.userId,
          role,
          invitedById: member.invitedById,
          createdAt: member.createdAt,
        });
      } else if (current !== role) {
        await setMemberRole(tx, kept.id, member.userId, role);
      }
    }
    await deleteMembers(tx, duplicate.id);
    // The duplicate's verified owner now owns the kept brand: it is claimed, so verified.
    if (ownerCameAlong && duplicate.verifiedAt && !kept.verifiedAt)
      await markBrandVerified(tx, kept.id, deps.now);

    await moveClaims(tx, duplicate.id, kept.id, deps.now);
    const movedPosts = await moveBrandRows(tx, duplicate.id, kept.id);
    await voidBrandTokens(tx, duplicate.id, deps.now);
    await markMerged(tx, duplicate.id, kept.id, deps.now);

    await rebuildBrandStatistics(tx, deps.now, duplicate.id);
    await rebuildBrandStatistics(tx, deps.now, kept.id);
    await recordModerationAction(tx, {
      moderatorId: moderator.id,
      action: 'merge_brands',
      targetType: 'brand',
      targetId: duplicate.id,
      reason: input.reason,
      note: `${duplicate.slug} merged into ${kept.slug} (brand ${kept.id})`,
      createdAt: deps.now,
    });
    await announceChange(tx, { brandId: duplicate.id, postId: null });
    await announceChange(tx, { brandId: kept.id, postId: null });
    return { ok: true, keptSlug: kept.slug, movedPosts } as const;
  });
}
