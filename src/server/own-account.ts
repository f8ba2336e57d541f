/**
 * Account commands (src/server/commands/accounts.ts) act on one account, the
 * one whose id they are given. Its owner is authorized the way every other
 * command authorizes: by the policy (`manage_own_account`), with a refusal
 * returned as a value, so the action maps it like any other refusal.
 */
import { can, type Actor, type Refusal } from '../domain/policy.ts';

export async function asOwnAccount<T>(
  actor: Actor | null,
  command: (owner: Actor) => Promise<T>,
): Promise<T | { ok: false; reason: 'refused'; refusal: Refusal }> {
  const decision = can(actor, 'manage_own_account');
  if (!decision.ok) return { ok: false, reason: 'refused', refusal: decision.reason };
  if (!actor) return { ok: false, reason: 'refused', refusal: 'sign_in' };
  return command(actor);
}
