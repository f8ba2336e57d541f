/**
 * Where a write's CPU goes, in milliseconds per published fail: the server's
 * process, the PostgreSQL backends serving this database, and the load
 * generator itself. Unlike fails/s, these hardly move when other work shares
 * the machine, so a change can be judged on a busy machine (`bench:profile-writes`).
 */
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.ts';
import fs from 'node:fs';
import { processCpuTicks } from './http-server.ts';

const TICK_MS = 10; // /proc/<pid>/stat counts in 1/100 s

export interface CpuSnapshot {
  serverTicks: number;
  /** The server's time in the kernel (system calls: sockets, files), part of serverTicks. */
  serverSystemTicks: number;
  backendTicks: Map<number, number>;
  loadGenerator: NodeJS.CpuUsage;
}

async function backendPids(handle: DatabaseHandle): Promise<number[]> {
  const rows = await handle.rows<{ pid: number }>(
    sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return rows.map((row) => Number(row.pid));
}

export async function snapshotCpu(handle: DatabaseHandle, serverPid: number): Promise<CpuSnapshot> {
  const backendTicks = new Map<number, number>();
  for (const pid of await backendPids(handle)) backendTicks.set(pid, processCpuTicks(pid));
  return {
    serverTicks: processCpuTicks(serverPid),
    serverSystemTicks: systemTicks(serverPid),
    backendTicks,
    loadGenerator: process.cpuUsage(),
  };
}

function systemTicks(pid: number): number {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return 0;
  return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[12]); // stime
}

/** CPU ms per fail since `before`; backends that started meanwhile count from zero. */
export async function cpuPerFail(
  handle: DatabaseHandle,
  serverPid: number,
  before: CpuSnapshot,
  fails: number,
): Promise<{ serverMs: number; serverSystemMs: number; postgresMs: number; loadGeneratorMs: number }> {
  const after = await snapshotCpu(handle, serverPid);
  let backendTicks = 0;
  for (const [pid, ticks] of after.backendTicks) backendTicks += ticks - (before.backendTicks.get(pid) ?? 0);
  const used = process.cpuUsage(before.loadGenerator);
  const perFail = (ms: number) => Math.round((ms / Math.max(1, fails)) * 100) / 100;
  return {
    serverMs: perFail((after.serverTicks - before.serverTicks) * TICK_MS),
    serverSystemMs: perFail((after.serverSystemTicks - before.serverSystemTicks) * TICK_MS),
    postgresMs: perFail(backendTicks * TICK_MS),
    loadGeneratorMs: perFail((used.user + used.system) / 1000),
  };
}
