/**
 * The built server as `npm run bench:http` drives it: started on a free port
 * under the same Node binary as the script, watched for memory (VmRSS from
 * /proc) and CPU, and stopped with SIGTERM so it closes its database cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from '../scripts/server-flags.ts';

export interface BenchServer {
  origin: string;
  pid: number;
  /** Everything the server printed, for the error message when it fails. */
  log(): string;
  stop(): Promise<void>;
}

/** Runs a script under this Node (the pinned Node 24 npm put on the PATH); throws with its output on failure. */
export function runNode(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(
      `node ${args.join(' ')} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(env: NodeJS.ProcessEnv): Promise<BenchServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // BENCH_NODE_FLAGS: extra flags for this run's server (e.g. to compare memory settings).
  const extraFlags = (env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extraFlags, SERVER_ENTRY], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), SITE_URL: origin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // BENCH_SERVER_LOG: also append what the server prints to that file (e.g. with --trace-gc).
  const logFile = env['BENCH_SERVER_LOG'];
  if (logFile) child.stdout?.on('data', (chunk) => fs.appendFileSync(logFile, chunk));
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    origin,
    pid: child.pid!,
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function waitUntilAnswering(server: BenchServer, path: string, timeoutSeconds: number) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${server.origin}${path}`)).ok) return;
    } catch {
      // not listening yet
    }
    if (!fs.existsSync(`/proc/${server.pid}`)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer ${path} within ${timeoutSeconds} s.\n${server.log()}`);
}

/** Resident memory of a process in MiB (Linux). */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

/** CPU time (user + system, in 1/100 s ticks) a process has used so far; 0 once it is gone. */
export function processCpuTicks(pid: number): number {
  if (!fs.existsSync(`/proc/${pid}/stat`)) return 0;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

function machineCpuTicks(): { busy: number; total: number } {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const numbers = values.map(Number);
  const idle = numbers[3]! + (numbers[4] ?? 0);
  const total = numbers.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

/**
 * Start-up work (migrations, the first maintenance pass, a database busy with
 * it) must be over before measuring: waits until the server process and the
 * whole machine stay nearly idle for `quietSeconds` in a row, or `maxSeconds`.
 */
export async function waitUntilSettled(pid: number, quietSeconds = 2, maxSeconds = 180): Promise<boolean> {
  const started = Date.now();
  let quiet = 0;
  let server = processCpuTicks(pid);
  let machine = machineCpuTicks();
  while (Date.now() - started < maxSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const nextServer = processCpuTicks(pid);
    const nextMachine = machineCpuTicks();
    const serverShare = (nextServer - server) / 100; // ticks are 1/100 s: share of one core
    const machineShare = (nextMachine.busy - machine.busy) / Math.max(1, nextMachine.total - machine.total);
    server = nextServer;
    machine = nextMachine;
    // Other work on the machine may go on; half its cores free is quiet enough.
    quiet = serverShare < 0.05 && machineShare < 0.5 ? quiet + 1 : 0;
    if (quiet >= quietSeconds) return true;
  }
  return false;
}
