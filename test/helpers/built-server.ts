/**
 * Starts the built server (`dist/server/entry.mjs`, from `astro build`, or
 * another output directory) as a child process for end-to-end tests, and waits
 * until it answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface BuiltServer {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  log(): string;
  stop(): Promise<void>;
}

export async function waitUntilAnswering(
  url: string,
  child: ChildProcess | null,
  timeoutMilliseconds = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Nothing answered at ${url} within ${timeoutMilliseconds} ms.`);
}

export async function startBuiltServer(
  port: number,
  env: NodeJS.ProcessEnv,
  outDir = 'dist',
): Promise<BuiltServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [`${outDir}/server/entry.mjs`], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilAnswering(`${url}/about`, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return { url, process: child, log: () => output, stop };
}
