/**
 * Links sent by e-mail: the same `id.secret` format as sessions, the secret
 * stored hashed, single use, with an expiry per purpose.
 */
import type { Db } from '../../../db/client.ts';
import {
  findUsableEmailToken,
  insertEmailToken,
  markEmailTokenUsed,
  voidEmailTokens,
  type EmailTokenRow,
  type TokenPurpose,
} from '../../../db/queries/email-tokens.ts';
import { createToken, parseToken, secretMatches } from './tokens.ts';

export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number> = {
  verify_email: 48 * 60 * 60,
  reset_password: 60 * 60,
  change_email: 24 * 60 * 60,
  brand_claim: 48 * 60 * 60,
  team_invite: 7 * 24 * 60 * 60,
};

export async function issueEmailToken(
  db: Db,
  input: { purpose: TokenPurpose; email: string; userId: number | null; brandId?: number | null },
  now: Date,
): Promise<string> {
  if (input.userId !== null && input.purpose !== 'team_invite') {
    await voidEmailTokens(db, input.userId, input.purpose, now); // only the newest link works
  }
  const { id, secretHash, token } = createToken();
  await insertEmailToken(db, {
    id,
    secretHash,
    purpose: input.purpose,
    email: input.email,
    userId: input.userId,
    brandId: input.brandId ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_SECONDS[input.purpose] * 1000),
  });
  return token;
}

/** Checks a link's token without using it (to show the form it leads to). */
export async function peekEmailToken(
  db: Db,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<EmailTokenRow | null> {
  const parts = parseToken(token);
  if (!parts) return null;
  const row = await findUsableEmailToken(db, parts.id, purpose, now);
  return row && secretMatches(parts.secret, row.secretHash) ? row : null;
}

/** Uses a link's token once; null when it is unknown, expired, already used or tampered with. */
export async function consumeEmailToken(
  db: Db,
  token: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<EmailTokenRow | null> {
  const row = await peekEmailToken(db, token, purpose, now);
  if (!row) return null;
  return (await markEmailTokenUsed(db, row.id, now)) ? row : null;
}
