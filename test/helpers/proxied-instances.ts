/**
 * Several instances of the built server behind nginx, configured by the
 * committed site file `deploy/nginx.conf` (only its upstream `server` lines and
 * its `listen` line are rewritten, to this test's ports). Each instance has its
 * own data directory (its mail outbox) and the caller's database. For end-to-end
 * tests of several instances: sessions, limits, jobs, cache invalidation and,
 * once they land, live updates crossing from one instance to another.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBuiltServer, waitUntilAnswering, type BuiltServer } from './built-server.ts';

export const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
const SITE_CONFIG = 'deploy/nginx.conf';

export interface ProxiedInstance extends BuiltServer {
  /** Its own data directory; mail it sends is in `<dataDir>/outbox`. */
  dataDir: string;
}

export interface ProxiedBoard {
  /** nginx's address: what readers use, and the instances' SITE_URL. */
  url: string;
  instances: ProxiedInstance[];
  /** nginx's error log so far. */
  proxyLog(): string;
  stop(): Promise<void>;
}

/** deploy/nginx.conf with its upstream pointing at `instancePorts` and listening on `proxyPort`. */
export function siteConfigFor(proxyPort: number, instancePorts: number[]): string {
  const committed = fs.readFileSync(SITE_CONFIG, 'utf8');
  const upstreamServer = /^(\s*)server 127\.0\.0\.1:\d+( [^;]*)?;\n/gm;
  const servers = [...committed.matchAll(upstreamServer)];
  if (servers.length === 0) throw new Error(`${SITE_CONFIG} has no upstream server lines to rewrite.`);
  const [indent, parameters] = [servers[0]![1]!, servers[0]![2] ?? ''];
  let rewritten = committed.replace(upstreamServer, (_line, _indent, _parameters, offset: number) =>
    offset === servers[0]!.index
      ? instancePorts.map((port) => `${indent}server 127.0.0.1:${port}${parameters};\n`).join('')
      : '',
  );
  if (!/^\s*listen 80;$/m.test(rewritten)) throw new Error(`${SITE_CONFIG} no longer says "listen 80;".`);
  rewritten = rewritten.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${proxyPort};`);
  return rewritten;
}

/** A main nginx.conf around the site file that keeps everything in `dir` (pid, logs, buffers). */
function mainConfig(dir: string): string {
  const temp = (name: string) => path.join(dir, name);
  return [
    'worker_processes 1;',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 512; }',
    'http {',
    `  access_log ${temp('access.log')};`,
    `  client_body_temp_path ${temp('body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    `  include ${temp('site.conf')};`,
    '}',
    '',
  ].join('\n');
}

export async function startProxiedInstances(options: {
  proxyPort: number;
  instancePorts: number[];
  env: NodeJS.ProcessEnv;
  /** The build the instances run (default `dist`). */
  outDir?: string;
}): Promise<ProxiedBoard> {
  const url = `http://127.0.0.1:${options.proxyPort}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-nginx-'));
  // nginx's workers run as an unprivileged user when the master is root: they write their buffers here.
  fs.chmodSync(dir, 0o777);
  fs.writeFileSync(path.join(dir, 'site.conf'), siteConfigFor(options.proxyPort, options.instancePorts));
  fs.writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir));

  const instances: ProxiedInstance[] = [];
  let nginx: ChildProcess | null = null;
  const stop = async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await Promise.all(instances.map((instance) => instance.stop()));
    for (const instance of instances) fs.rmSync(instance.dataDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const started = await Promise.all(
      options.instancePorts.map(async (port) => {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `lf-instance-${port}-`));
        const server = await startBuiltServer(
          port,
          { ...options.env, DATA_DIR: dataDir, SITE_URL: url },
          options.outDir,
        );
        return { ...server, dataDir };
      }),
    );
    instances.push(...started);
    const files = ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')];
    const check = spawnSync(NGINX, ['-t', ...files], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
    nginx = spawn(NGINX, [...files, '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitUntilAnswering(`${url}/about`, nginx, 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    instances,
    proxyLog: () => {
      try {
        return fs.readFileSync(path.join(dir, 'error.log'), 'utf8');
      } catch {
        return '';
      }
    },
    stop,
  };
}
