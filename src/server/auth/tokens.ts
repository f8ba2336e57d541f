/**
 * Tokens the way lucia-auth.com now builds sessions: a token is `id.secret`,
 * two random strings of 120 bits each in lower-case base32. The id finds the
 * row; only a SHA-256 of the secret is stored, so a leaked table does not
 * yield working tokens; the secret is checked with a constant-time compare so
 * response times do not leak how much of it matched. Sessions, e-mail
 * verification, password reset, claims and invites all use this one format.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

const RANDOM_BYTES = 15; // 120 bits of entropy, 24 base32 characters

export function generateSecureRandomString(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(RANDOM_BYTES)));
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export interface NewToken {
  id: string;
  secretHash: Uint8Array;
  /** What the person receives (cookie or link); never stored. */
  token: string;
}

export function createToken(): NewToken {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` };
}

/** Splits `id.secret`; null for anything that is not shaped like our tokens. */
export function parseToken(token: string | null | undefined): { id: string; secret: string } | null {
  if (!token) return null;
  const match = /^([a-z2-7]{24})\.([a-z2-7]{24})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/** Whether `secret` hashes to `storedHash`, in time independent of where they differ. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const candidate = hashSecret(secret);
  return candidate.byteLength === storedHash.byteLength && constantTimeEqual(candidate, storedHash);
}
