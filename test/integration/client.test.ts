import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, openDatabase, parseHolder } from '../../db/client.ts';
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
    expect(parseHolder(fs.readFileSync(lock, 'utf8'))?.pid).toBe(process.pid);
    release();
  });

  it('takes over a lock whose process id is now someone else’s (a restarted container is PID 1 again)', () => {
    const lock = path.join(tempDir(), 'pglite.lock');
    // Our own id, written by an earlier process: an older lock holds the bare id, a newer one its start time.
    fs.writeFileSync(lock, String(process.pid));
    acquireDataDirLock(lock)();
    const mine = parseHolder(JSON.stringify({ pid: process.pid, startTicks: 1, bootId: null }))!;
    fs.writeFileSync(lock, JSON.stringify(mine));
    acquireDataDirLock(lock)();
    // PID 1 runs here (init), but not since the start time written in the lock.
    fs.writeFileSync(lock, JSON.stringify({ pid: 1, startTicks: 999_999_999, bootId: null }));
    acquireDataDirLock(lock)();
  });

  it('takes over a lock held by a zombie (killed, not yet reaped by its parent)', async () => {
    const lock = path.join(tempDir(), 'pglite.lock');
    // The forked child exits at once; perl never waits for it (no handler reaps children), so it
    // stays a zombie until perl is killed below. (A shell reaped its own finished job under load.)
    const parent = spawn('perl', [
      '-e',
      '$| = 1; my $pid = fork(); exit 0 if $pid == 0; print "$pid\n"; sleep 60',
    ]);
    const zombiePid = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (data: Buffer) => resolve(Number.parseInt(String(data), 10))),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fs.readFileSync(`/proc/${zombiePid}/stat`, 'utf8')).toMatch(/\) Z /);
    fs.writeFileSync(lock, String(zombiePid));
    acquireDataDirLock(lock)();
    parent.kill();
  });

  it('still refuses a live holder started before us', async () => {
    const lock = path.join(tempDir(), 'pglite.lock');
    const child = spawn('sleep', ['5']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    fs.writeFileSync(lock, JSON.stringify({ pid: child.pid, startTicks, bootId: null }));
    expect(() => acquireDataDirLock(lock)).toThrow(DataDirLockedError);
    child.kill();
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
