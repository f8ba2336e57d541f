/**
 * `npm run user:moderator -- EMAIL` — makes an existing account a moderator.
 * Its sessions end (a change of privilege starts a new session), so the
 * person logs in again and only a fresh token carries the new role.
 * `--revoke` turns the moderator back into a customer.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { describeDatabase, readDatabaseEnv } from '../db/env.ts';
import { deleteUserSessions } from '../db/queries/sessions.ts';
import { findUserByEmail, updateUser } from '../db/queries/users.ts';
import { emailSchema } from '../src/domain/accounts.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { revoke: { type: 'boolean', default: false } },
});
const parsed = emailSchema.safeParse(positionals[0] ?? '');
if (!parsed.success) {
  console.error('Usage: npm run user:moderator -- EMAIL [--revoke]');
  process.exit(2);
}

const { databaseUrl, dataDir } = readDatabaseEnv();
const handle = await openDatabase({ databaseUrl, dataDir });
try {
  const user = await findUserByEmail(handle.db, parsed.data);
  if (!user) {
    console.error(`No account uses ${parsed.data} in ${describeDatabase(databaseUrl, dataDir)}.`);
    process.exitCode = 1;
  } else {
    const role = values.revoke ? 'customer' : 'moderator';
    await handle.db.transaction(async (tx) => {
      await updateUser(tx, user.id, { role });
      await deleteUserSessions(tx, user.id);
    });
    console.log(`${parsed.data} is now a ${role}; their sessions were ended, so they log in again.`);
  }
} finally {
  await handle.close();
}
