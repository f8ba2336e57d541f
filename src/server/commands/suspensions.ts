/**
 * Moderators suspend an account and lift the suspension (DESIGN §2, §8).
 * Suspending ends every session of the account at once and blocks log-in
 * (commands/accounts.ts `logIn`) and every write (the policy refuses a
 * suspended actor); the account's posts stay, marked "account suspended".
 * A moderator cannot suspend themselves or another moderator.
 */
import { announceChange } from '../../../db/queries/changes.ts';
import { recordModerationAction } from '../../../db/queries/moderation-log.ts';
import { deleteUserSessions } from '../../../db/queries/sessions.ts';
import { suspendUser, unsuspendUser } from '../../../db/queries/suspensions.ts';
import { findUserById } from '../../../db/queries/users.ts';
import type { LiftSuspensionInput, SuspendInput } from '../../domain/moderator-actions.ts';
import { can, type Actor } from '../../domain/policy.ts';
import type { CommandDeps } from './deps.ts';
import { notFound, refused, type NotFound, type Refused } from './thread-guards.ts';

export type SuspensionResult =
  { ok: true } | Refused | NotFound | { ok: false; reason: 'already_suspended' | 'not_suspended' };

export async function suspendAccount(
  deps: CommandDeps,
  actor: Actor | null,
  input: SuspendInput,
): Promise<SuspensionResult> {
  const allowed = can(actor, 'suspend_account');
  if (!allowed.ok) return refused(allowed.reason);
  const user = await findUserById(deps.db, input.userId);
  if (!user || user.deletedAt) return notFound;
  const decision = can(actor, 'suspend_account', { account: { id: user.id, role: user.role } });
  if (!decision.ok) return refused(decision.reason);
  return deps.db.transaction(async (tx) => {
    if (!(await suspendUser(tx, user.id, input.reason, deps.now))) {
      return { ok: false, reason: 'already_suspended' } as const;
    }
    await deleteUserSessions(tx, user.id);
    await recordModerationAction(tx, {
      moderatorId: actor!.id,
      action: 'suspend',
      targetType: 'user',
      targetId: user.id,
      reason: input.reason,
      createdAt: deps.now,
    });
    // Their posts are marked "account suspended" on every list and post page.
    await announceChange(tx, { brandId: null, postId: null });
    return { ok: true } as const;
  });
}

export async function liftSuspension(
  deps: CommandDeps,
  actor: Actor | null,
  input: LiftSuspensionInput,
): Promise<SuspensionResult> {
  const allowed = can(actor, 'suspend_account');
  if (!allowed.ok) return refused(allowed.reason);
  const user = await findUserById(deps.db, input.userId);
  if (!user) return notFound;
  return deps.db.transaction(async (tx) => {
    if (!(await unsuspendUser(tx, user.id))) return { ok: false, reason: 'not_suspended' } as const;
    await recordModerationAction(tx, {
      moderatorId: actor!.id,
      action: 'unsuspend',
      targetType: 'user',
      targetId: user.id,
      reason: input.reason,
      createdAt: deps.now,
    });
    await announceChange(tx, { brandId: null, postId: null });
    return { ok: true } as const;
  });
}
