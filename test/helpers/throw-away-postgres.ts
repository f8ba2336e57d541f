/**
 * A throw-away PostgreSQL primary, with a streaming replica when asked, for
 * end-to-end tests of reads on a replica (decision 010) and of several
 * instances on one database. The system cluster has no
 * `replication` line in its pg_hba.conf, so this makes its own: `initdb` in a
 * temporary directory as the `postgres` user, replication allowed from
 * 127.0.0.1, then `pg_basebackup -R` for the replica. Both load
 * pg_stat_statements, so a test can see which server ran a query.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const BIN = process.env['POSTGRES_BIN'] ?? '/usr/lib/postgresql/15/bin';

export interface ReplicatedPostgres {
  /** The application database on the primary, and the same database on the replica (null without one). */
  primaryUrl: string;
  replicaUrl: string | null;
  /** The replica's data directory (its postgresql.conf may be changed, then `reload()`). */
  replicaDir: string;
  /** Re-reads the replica's configuration (`pg_ctl reload`). */
  reloadReplica(): void;
  /** Waits until the replica has replayed everything the primary has written so far. */
  waitForReplay(timeoutMilliseconds?: number): Promise<void>;
  stop(): Promise<void>;
}

function asPostgres(command: string, args: string[]): string {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', path.join(BIN, command), ...args], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
  return result.stdout;
}

export async function startThrowAwayPostgres(options: {
  primaryPort: number;
  /** Where the replica listens; null for a primary alone. */
  replicaPort: number | null;
  database: string;
}): Promise<ReplicatedPostgres> {
  if (!fs.existsSync(path.join(BIN, 'initdb'))) throw new Error(`No PostgreSQL binaries in ${BIN}.`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-replica-'));
  fs.chmodSync(root, 0o755);
  const primaryDir = path.join(root, 'primary');
  const replicaDir = path.join(root, 'replica');
  spawnSync('chown', ['postgres:postgres', root]);
  const started: string[] = [];
  const stop = async () => {
    for (const dir of started.reverse()) {
      spawnSync('runuser', [
        '-u',
        'postgres',
        '--',
        path.join(BIN, 'pg_ctl'),
        '-D',
        dir,
        '-m',
        'immediate',
        'stop',
      ]);
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    asPostgres('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    fs.appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      [
        `port = ${options.primaryPort}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${root}'`,
        `shared_preload_libraries = 'pg_stat_statements'`,
        `pg_stat_statements.track = all`,
        // A throw-away cluster: durability buys nothing here.
        'fsync = off',
        'max_connections = 60',
        '',
      ].join('\n'),
    );
    fs.appendFileSync(
      path.join(primaryDir, 'pg_hba.conf'),
      'host replication all 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 trust\n',
    );
    asPostgres('pg_ctl', ['-D', primaryDir, '-l', path.join(root, 'primary.log'), '-w', 'start']);
    started.push(primaryDir);

    const admin = postgres(`postgres://postgres@127.0.0.1:${options.primaryPort}/postgres`, {
      max: 1,
      onnotice: () => {},
    });
    await admin.unsafe(`create database ${options.database}`);
    await admin.end();
    const primaryUrl = `postgres://postgres@127.0.0.1:${options.primaryPort}/${options.database}`;
    const primary = postgres(primaryUrl, { max: 1, onnotice: () => {} });
    await primary.unsafe('create extension pg_stat_statements');
    await primary.end();

    if (options.replicaPort === null) {
      return {
        primaryUrl,
        replicaUrl: null,
        replicaDir,
        reloadReplica: () => {},
        waitForReplay: async () => {},
        stop,
      };
    }
    asPostgres('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(options.primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      // A spread checkpoint would take minutes; the primary is idle.
      '--checkpoint=fast',
      '--no-sync',
    ]);
    fs.appendFileSync(path.join(replicaDir, 'postgresql.conf'), `port = ${options.replicaPort}\n`);
    asPostgres('pg_ctl', ['-D', replicaDir, '-l', path.join(root, 'replica.log'), '-w', 'start']);
    started.push(replicaDir);
    const replicaUrl = `postgres://postgres@127.0.0.1:${options.replicaPort}/${options.database}`;

    return {
      primaryUrl,
      replicaUrl,
      replicaDir,
      reloadReplica: () => void asPostgres('pg_ctl', ['-D', replicaDir, 'reload']),
      waitForReplay: async (timeoutMilliseconds = 30_000) => {
        const onPrimary = postgres(primaryUrl, { max: 1, onnotice: () => {} });
        const onReplica = postgres(replicaUrl, { max: 1, onnotice: () => {} });
        try {
          const [row] = await onPrimary<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
          const lsn = row!.lsn;
          const deadline = Date.now() + timeoutMilliseconds;
          while (Date.now() < deadline) {
            const [replayed] = await onReplica<{ caught: boolean }[]>`
              select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as caught`;
            if (replayed?.caught) return;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          throw new Error(`The replica did not replay ${lsn} within ${timeoutMilliseconds} ms.`);
        } finally {
          await Promise.all([onPrimary.end(), onReplica.end()]);
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
