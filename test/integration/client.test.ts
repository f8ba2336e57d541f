import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, openDatabase } from '../../db/client.ts';
import { usingPostgres } from '../helpers/database.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-client-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the data directory lock', () => {
  it('refuses a second opener while the first holds it, and frees it on release', () => {
    const lock = path.join(tempDir(), 'pglite.lock');
    const release = acquireDataDirLock(lock);
    expect(() => acquireDataDirLock(lock)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(lock)).toThrow(/already using the embedded database/);
    release();
    expect(fs.existsSync(lock)).toBe(false);
    acquireDataDirLock(lock)();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const lock = path.join(tempDir(), 'pglite.lock');
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    fs.writeFileSync(lock, String(deadPid));
    const release = acquireDataDirLock(lock);
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
  });
});

describe.skipIf(usingPostgres)('the embedded database on disk', () => {
  it('migrates on first open, keeps data across reopen, and refuses a second handle', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    await first.db.execute(sql`insert into users (email, display_name) values ('a@test.example', 'A')`);
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirLockedError);
    await first.close();
    const again = await openDatabase({ dataDir });
    const rows = await again.rows<{ count: number }>(sql`select count(*)::int as count from users`);
    expect(rows[0]?.count).toBe(1);
    await again.close();
  });
});
