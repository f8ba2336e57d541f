/**
 * `npm run demo` — builds the site, seeds the embedded database when it is
 * empty, and serves it on http://localhost:4321 (HOST and PORT honoured).
 * Runs under the Node binary npm put first on the PATH (the pinned Node 24).
 */
import { spawn } from 'node:child_process';
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from './server-flags.ts';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: process.env });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}

const node = process.execPath;
try {
  await run(node, ['node_modules/astro/bin/astro.mjs', 'build']);
  await run(node, ['db/seed/index.ts', '--if-empty']);
  const server = spawn(node, [...SERVER_NODE_FLAGS, SERVER_ENTRY], { stdio: 'inherit', env: process.env });
  // Pass Ctrl-C and SIGTERM on, so the server closes the database cleanly.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
