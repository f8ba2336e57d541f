/**
 * `npm run demo` — builds the site, seeds the embedded database when it is
 * empty, serves it on http://localhost:4321 (HOST and PORT honoured) and, once
 * it answers, prints its address, the demo accounts and where mail goes.
 * `--skip-build` serves the existing dist/ (the tests use it).
 * Runs under the Node binary npm put first on the PATH (the pinned Node 24).
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { describeDatabase, readDatabaseEnv } from '../db/env.ts';
import { siteUrlFrom } from '../src/domain/site-url.ts';
import { demoBanner } from './demo-banner.ts';
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from './server-flags.ts';

const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean', default: false } } });

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

/** Polls /healthz on the address the server listens on until it answers or the server exits. */
async function waitUntilAnswering(server: ReturnType<typeof spawn>, port: string): Promise<boolean> {
  const host = process.env['HOST'];
  const probeHost = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${port}/healthz`;
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null || server.signalCode !== null) return false;
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const node = process.execPath;
try {
  const { databaseUrl, dataDir } = readDatabaseEnv();
  if (!values['skip-build']) await run(node, ['node_modules/astro/bin/astro.mjs', 'build']);
  await run(node, ['db/seed/index.ts', '--if-empty']);
  const server = spawn(node, [...SERVER_NODE_FLAGS, SERVER_ENTRY], { stdio: 'inherit', env: process.env });
  // Pass Ctrl-C and SIGTERM on, so the server stops gracefully and closes the database.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
  if (await waitUntilAnswering(server, process.env['PORT'] || '4321')) {
    const siteUrl = siteUrlFrom(process.env['SITE_URL'], process.env['HOST'], process.env['PORT']);
    const smtpUrl = process.env['SMTP_URL'] || null;
    console.log(demoBanner({ siteUrl, dataDir, smtpUrl, database: describeDatabase(databaseUrl, dataDir) }));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
