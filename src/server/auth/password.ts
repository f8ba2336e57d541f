/**
 * Password hashing with argon2id (@node-rs/argon2). The parameters are the
 * OWASP minimum for argon2id (19 MiB, 2 passes, 1 lane); the hash string
 * carries them, so raising them later still verifies old hashes.
 */
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, not importable at run time)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFKC'));
  } catch {
    // A malformed stored hash is a failed check, never a crash of the login page.
    return false;
  }
}
