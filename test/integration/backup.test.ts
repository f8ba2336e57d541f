/**
 * `npm run db:backup` then `npm run db:restore` into a fresh database finds
 * every post as it was: on an embedded PGlite data directory by default, on a
 * PostgreSQL server with TEST_DATABASE_URL (pg_dump / pg_restore).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { buildDemo } from '../../db/seed/demo.ts';
import { usingPostgres } from '../helpers/database.ts';

const serverUrl = process.env['TEST_DATABASE_URL'];
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-backup-'));
const createdDatabases: string[] = [];
const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : null;

/** A new empty place for a database: a PostgreSQL database, or a PGlite data directory. */
async function freshTarget(
  label: string,
): Promise<{ env: NodeJS.ProcessEnv; open: () => Promise<DatabaseHandle> }> {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  if (!serverUrl) {
    const dataDir = path.join(workDir, label);
    return {
      env: { ...base, DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir, migrate: label === 'source' }),
    };
  }
  const name = `lf_backup_${label}_${randomBytes(4).toString('hex')}`;
  await admin!.unsafe(`create database ${name}`);
  createdDatabases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { ...base, DATABASE_URL: url.toString(), DATA_DIR: path.join(workDir, label) },
    open: () => openDatabase({ databaseUrl: url.toString(), migrate: label === 'source' }),
  };
}

const runScript = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [script, ...args], { env, encoding: 'utf8' });

const everyPost = (handle: DatabaseHandle) =>
  handle.rows<Record<string, unknown>>(
    sql`select id, brand_id, author_id, kind, title, story, visibility, created_at::text from posts order by id`,
  );

let written: Record<string, unknown>[];
const backupFile = path.join(workDir, usingPostgres ? 'board.pgdump' : 'board.tar.gz');
let source: Awaited<ReturnType<typeof freshTarget>>;

beforeAll(async () => {
  source = await freshTarget('source');
  const handle = await source.open();
  try {
    const store = buildDemo({ now: new Date('2026-06-15T12:00:00Z'), passwordHash: 'unusable' });
    await handle.db.transaction((tx) => store.write(tx));
    written = await everyPost(handle);
  } finally {
    await handle.close();
  }
}, 120_000);

afterAll(async () => {
  for (const name of createdDatabases) await admin!.unsafe(`drop database if exists ${name} with (force)`);
  await admin?.end();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe(`backups (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('restore into a fresh database with every post as it was', async () => {
    const backup = runScript('scripts/db-backup.ts', [backupFile], source.env);
    expect(backup.status, backup.stderr).toBe(0);
    expect(fs.statSync(backupFile).size).toBeGreaterThan(0);

    const target = await freshTarget('restored');
    const restore = runScript('scripts/db-restore.ts', [backupFile], target.env);
    expect(restore.status, restore.stderr).toBe(0);

    const restored = await target.open();
    try {
      expect(written.length).toBeGreaterThan(300);
      expect(await everyPost(restored)).toEqual(written);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuse to restore over a database that already has data', async () => {
    const restore = runScript('scripts/db-restore.ts', [backupFile], source.env);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/already (holds a database|has tables)/);
  }, 60_000);
});
