/**
 * Account commands: load facts → apply a rule → write in one transaction →
 * send mail after the commit (a rolled-back write never sends a link).
 *
 * No account enumeration: sign-up, log-in and password reset return the same
 * result, in about the same time, whether or not the address has an account.
 */
import { announceChange } from '../../../db/queries/changes.ts';
import { enqueueJob } from '../../../db/queries/jobs.ts';
import { clearAttempts } from '../../../db/queries/rate-limits.ts';
import { deleteSession, deleteUserSession, deleteUserSessions } from '../../../db/queries/sessions.ts';
import {
  eraseUser,
  findUserByEmail,
  findUserById,
  insertUserIfNew,
  updateUser,
} from '../../../db/queries/users.ts';
import { RATE_LIMITS } from '../../domain/rate-limits.ts';
import type { Language } from '../../domain/vocabulary.ts';
import { runInLanguage } from '../../i18n/request-language.ts';
import { paths } from '../../paths.ts';
import { consumeEmailToken, issueEmailToken } from '../auth/email-tokens.ts';
import {
  alreadyRegisteredMail,
  changeEmailMail,
  passwordChangedMail,
  resetMail,
  verificationMail,
} from '../auth/mails.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { createSession } from '../auth/session.ts';
import type { MailMessage } from '../mail.ts';
import { attempt } from '../rate-limit.ts';
import type { CommandDeps, RateLimited } from './deps.ts';
import { logger } from '../logger.ts';

export type AccountDeps = CommandDeps;

const link = (deps: AccountDeps, path: string) => new URL(path, deps.siteUrl).toString();

/** An e-mail written in the account's language, its links to pages in that language (decision 014). */
const mailIn = (language: Language, write: () => MailMessage) => runInLanguage(language, write);

/** Tells the owner of an address that it already has an account, in that account's language. */
async function alreadyRegistered(deps: AccountDeps, email: string, fallback: Language): Promise<MailMessage> {
  const owner = await findUserByEmail(deps.db, email);
  return mailIn(owner?.language ?? fallback, () =>
    alreadyRegisteredMail(email, link(deps, paths.login()), link(deps, paths.resetPassword())),
  );
}

async function sendAll(deps: AccountDeps, messages: MailMessage[]): Promise<void> {
  for (const message of messages) {
    try {
      await deps.mailer.send(message);
    } catch (error) {
      // The write stands; the person can ask for the link again.
      logger.error({ err: error, subject: message.subject }, 'Sending a message failed');
    }
  }
}

/** Limits e-mails per address without telling the caller: the answer must not reveal anything. */
async function mayEmail(deps: AccountDeps, email: string): Promise<boolean> {
  return (await attempt(deps.db, RATE_LIMITS.emailsPerAddress, email, deps.now)).ok;
}

// A real argon2id hash to verify against when the address is unknown, so an
// unknown address takes as long to refuse as a wrong password.
let dummyHash: Promise<string> | null = null;
const timingDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password-for-timing'));

export async function signUp(
  deps: AccountDeps,
  input: { email: string; displayName: string; password: string; language?: Language | undefined },
): Promise<{ ok: true } | RateLimited> {
  const language = input.language ?? 'en';
  const limited = await attempt(deps.db, RATE_LIMITS.signupPerIp, deps.meta.ipAddress ?? 'unknown', deps.now);
  if (!limited.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };

  const passwordHash = await hashPassword(input.password);
  // The unique e-mail index decides who was first, so parallel sign-ups with one address make one account.
  const token = await deps.db.transaction(async (tx) => {
    const user = await insertUserIfNew(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      language,
      createdAt: deps.now,
    });
    if (!user) return null;
    return issueEmailToken(tx, { purpose: 'verify_email', email: input.email, userId: user.id }, deps.now);
  });
  if (await mayEmail(deps, input.email)) {
    await sendAll(deps, [
      token === null
        ? await alreadyRegistered(deps, input.email, language)
        : mailIn(language, () => verificationMail(input.email, link(deps, paths.verifyEmail(token)))),
    ]);
  }
  return { ok: true };
}

export async function resendVerification(
  deps: AccountDeps,
  userId: number,
): Promise<{ ok: true } | { ok: false; reason: 'already_verified' } | RateLimited> {
  const user = await findUserById(deps.db, userId);
  if (!user?.email) return { ok: false, reason: 'already_verified' };
  if (user.emailVerifiedAt) return { ok: false, reason: 'already_verified' };
  const limited = await attempt(deps.db, RATE_LIMITS.emailsPerAddress, user.email, deps.now);
  if (!limited.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  const token = await issueEmailToken(
    deps.db,
    { purpose: 'verify_email', email: user.email, userId },
    deps.now,
  );
  const email = user.email;
  await sendAll(deps, [
    mailIn(user.language, () => verificationMail(email, link(deps, paths.verifyEmail(token)))),
  ]);
  return { ok: true };
}

/** Following the link proves the address: it is marked verified and the person is logged in. */
export async function verifyEmail(
  deps: AccountDeps,
  token: string,
): Promise<{ ok: true; sessionToken: string } | { ok: false; reason: 'invalid_token' }> {
  return deps.db.transaction(async (tx) => {
    const row = await consumeEmailToken(tx, token, 'verify_email', deps.now);
    const user = row?.userId ? await findUserById(tx, row.userId) : null;
    if (!row || !user || user.email !== row.email) return { ok: false, reason: 'invalid_token' } as const;
    await updateUser(tx, user.id, { emailVerifiedAt: user.emailVerifiedAt ?? deps.now });
    const { token: sessionToken } = await createSession(tx, user.id, deps.meta, deps.now);
    return { ok: true, sessionToken } as const;
  });
}

export async function logIn(
  deps: AccountDeps,
  input: { email: string; password: string },
): Promise<
  | { ok: true; sessionToken: string }
  | { ok: false; reason: 'invalid_credentials' | 'suspended' }
  | RateLimited
> {
  const perIp = await attempt(deps.db, RATE_LIMITS.loginPerIp, deps.meta.ipAddress ?? 'unknown', deps.now);
  const perAccount = await attempt(deps.db, RATE_LIMITS.loginPerAccount, input.email, deps.now);
  const limited = !perIp.ok ? perIp : !perAccount.ok ? perAccount : null;
  if (limited && !limited.ok) {
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  }
  const user = await findUserByEmail(deps.db, input.email);
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await timingDummyHash(), input.password)) && false;
  if (!user || !valid) return { ok: false, reason: 'invalid_credentials' };
  // Said only to whoever knows the password, so it reveals nothing about other addresses.
  if (user.suspendedAt) return { ok: false, reason: 'suspended' };
  await clearAttempts(deps.db, RATE_LIMITS.loginPerAccount, input.email);
  const { token } = await createSession(deps.db, user.id, deps.meta, deps.now);
  return { ok: true, sessionToken: token };
}

/**
 * Queues the reset link. The request does the same work whether the address
 * is registered or not (one queued job), so its timing says nothing; the job
 * (`sendPasswordResetLink`) looks the address up and mails only a known one.
 */
/** Ends this session (every instance forgets it: the database announces the deletion). */
export async function logOut(deps: AccountDeps, sessionId: string): Promise<{ ok: true }> {
  await deleteSession(deps.db, sessionId);
  return { ok: true };
}

export async function requestPasswordReset(
  deps: AccountDeps,
  input: { email: string },
): Promise<{ ok: true } | RateLimited> {
  const limited = await attempt(deps.db, RATE_LIMITS.resetPerIp, deps.meta.ipAddress ?? 'unknown', deps.now);
  if (!limited.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  await enqueueJob(deps.db, PASSWORD_RESET_JOB, { email: input.email }, deps.now);
  return { ok: true };
}

export const PASSWORD_RESET_JOB = 'password_reset';

/** The queued half of a reset request: a one-hour link to a registered address, nothing otherwise. */
export async function sendPasswordResetLink(deps: AccountDeps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  if (!user || !(await mayEmail(deps, email))) return;
  const token = await issueEmailToken(
    deps.db,
    { purpose: 'reset_password', email, userId: user.id },
    deps.now,
  );
  await sendAll(deps, [
    mailIn(user.language, () => resetMail(email, link(deps, paths.resetPassword(token)))),
  ]);
}

/** A new password ends every session (a thief's included) and starts a fresh one. */
export async function resetPassword(
  deps: AccountDeps,
  input: { token: string; password: string },
): Promise<{ ok: true; sessionToken: string } | { ok: false; reason: 'invalid_token' }> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const row = await consumeEmailToken(tx, input.token, 'reset_password', deps.now);
    const user = row?.userId ? await findUserById(tx, row.userId) : null;
    if (!row || !user || user.email !== row.email) return { ok: false, reason: 'invalid_token' } as const;
    // The link reached the inbox, so the address is proven too.
    await updateUser(tx, user.id, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? deps.now });
    await deleteUserSessions(tx, user.id);
    const { token } = await createSession(tx, user.id, deps.meta, deps.now);
    return { ok: true, sessionToken: token } as const;
  });
}

/**
 * The account's current password, checked at most `passwordChecksPerAccount`
 * times per window so a stolen session cannot guess it without limit.
 */
async function checkCurrentPassword<U extends { id: number; passwordHash: string | null }>(
  deps: AccountDeps,
  user: U | null,
  password: string,
): Promise<{ ok: true; user: U } | { ok: false; reason: 'wrong_password' } | RateLimited> {
  if (!user) return { ok: false, reason: 'wrong_password' };
  const limited = await attempt(deps.db, RATE_LIMITS.passwordChecksPerAccount, String(user.id), deps.now);
  if (!limited.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    return { ok: false, reason: 'wrong_password' };
  }
  return { ok: true, user };
}

export async function changePassword(
  deps: AccountDeps,
  input: { userId: number; currentPassword: string; newPassword: string },
): Promise<{ ok: true; sessionToken: string } | { ok: false; reason: 'wrong_password' } | RateLimited> {
  const checked = await checkCurrentPassword(
    deps,
    await findUserById(deps.db, input.userId),
    input.currentPassword,
  );
  if (!checked.ok) return checked;
  const { user } = checked;
  const passwordHash = await hashPassword(input.newPassword);
  const sessionToken = await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    await deleteUserSessions(tx, user.id);
    return (await createSession(tx, user.id, deps.meta, deps.now)).token;
  });
  const email = user.email;
  if (email) await sendAll(deps, [mailIn(user.language, () => passwordChangedMail(email))]);
  return { ok: true, sessionToken };
}

export async function requestEmailChange(
  deps: AccountDeps,
  input: { userId: number; email: string; password: string },
): Promise<{ ok: true } | { ok: false; reason: 'wrong_password' | 'same_email' } | RateLimited> {
  const checked = await checkCurrentPassword(deps, await findUserById(deps.db, input.userId), input.password);
  if (!checked.ok) return checked;
  const { user } = checked;
  if (user.email === input.email) return { ok: false, reason: 'same_email' };
  const limited = await attempt(deps.db, RATE_LIMITS.emailsPerAddress, input.email, deps.now);
  if (!limited.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  // Taken or not, the answer is the same; the owner of a taken address gets a notice instead.
  if (await findUserByEmail(deps.db, input.email)) {
    await sendAll(deps, [await alreadyRegistered(deps, input.email, user.language)]);
    return { ok: true };
  }
  const token = await issueEmailToken(
    deps.db,
    { purpose: 'change_email', email: input.email, userId: user.id },
    deps.now,
  );
  await sendAll(deps, [
    mailIn(user.language, () => changeEmailMail(input.email, link(deps, paths.confirmEmailChange(token)))),
  ]);
  return { ok: true };
}

export async function confirmEmailChange(
  deps: AccountDeps,
  token: string,
): Promise<{ ok: true } | { ok: false; reason: 'invalid_token' | 'email_taken' }> {
  return deps.db.transaction(async (tx) => {
    const row = await consumeEmailToken(tx, token, 'change_email', deps.now);
    if (!row?.userId) return { ok: false, reason: 'invalid_token' } as const;
    if (await findUserByEmail(tx, row.email)) return { ok: false, reason: 'email_taken' } as const;
    await updateUser(tx, row.userId, { email: row.email, emailVerifiedAt: deps.now });
    return { ok: true } as const;
  });
}

export async function updateProfile(
  deps: AccountDeps,
  input: { userId: number; displayName: string; language?: Language | null | undefined },
) {
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, input.userId, {
      displayName: input.displayName,
      ...(input.language ? { language: input.language } : {}),
    });
    // The name signs posts and replies anywhere on the board.
    await announceChange(tx, { brandId: null, postId: null });
  });
  return { ok: true } as const;
}

export async function updateNotificationSettings(
  deps: AccountDeps,
  input: { userId: number; settings: Record<string, boolean> },
) {
  await updateUser(deps.db, input.userId, { notificationSettings: input.settings });
  return { ok: true } as const;
}

export async function revokeSession(
  deps: AccountDeps,
  input: { userId: number; sessionId: string },
): Promise<{ ok: true } | { ok: false; reason: 'not_found' }> {
  return (await deleteUserSession(deps.db, input.userId, input.sessionId))
    ? { ok: true }
    : { ok: false, reason: 'not_found' };
}

export async function deleteAccount(
  deps: AccountDeps,
  input: { userId: number; password: string },
): Promise<{ ok: true } | { ok: false; reason: 'wrong_password' } | RateLimited> {
  const checked = await checkCurrentPassword(deps, await findUserById(deps.db, input.userId), input.password);
  if (!checked.ok) return checked;
  await deps.db.transaction(async (tx) => {
    await eraseUser(tx, checked.user.id, deps.now);
    // Their posts now read "former customer" wherever they are shown.
    await announceChange(tx, { brandId: null, postId: null });
  });
  return { ok: true };
}
