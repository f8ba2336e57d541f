/**
 * The demo board on a throw-away PostgreSQL (test/helpers/throw-away-postgres.ts),
 * seeded as `npm run demo` seeds it, and the environment a built server needs to
 * serve it — shared by the tests of several instances, a trusted proxy and a
 * read replica.
 */
import { spawnSync } from 'node:child_process';
import { startThrowAwayPostgres, type ReplicatedPostgres } from '../helpers/throw-away-postgres.ts';
import { withoutDatabaseUrl } from './browser.ts';

export async function startDemoPostgres(ports: {
  primaryPort: number;
  replicaPort: number | null;
}): Promise<{ database: ReplicatedPostgres; env: NodeJS.ProcessEnv }> {
  const database = await startThrowAwayPostgres({ ...ports, database: 'likes_and_fails' });
  const env: NodeJS.ProcessEnv = { ...withoutDatabaseUrl(process.env), DATABASE_URL: database.primaryUrl };
  if (database.replicaUrl) env['DATABASE_READ_URL'] = database.replicaUrl;
  const seed = spawnSync(process.execPath, ['db/seed/index.ts'], { env, encoding: 'utf8' });
  if (seed.status !== 0) {
    await database.stop();
    throw new Error(`Seeding failed:\n${seed.stderr}`);
  }
  return { database, env };
}
