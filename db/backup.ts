/**
 * Backups of either database, and restoring one into a fresh database.
 *
 * - PGlite: its own data-directory dump (`dumpDataDir`, a gzipped tar of the
 *   cluster), and `loadDataDir` into an empty `DATA_DIR`. It takes the data
 *   directory's lock, so it refuses while a server uses that directory: PGlite
 *   is one process at a time (@electric-sql/pglite-tools' pg_dump does not fit
 *   our PGlite version).
 * - PostgreSQL: `pg_dump -Fc` and `pg_restore` (from PG_BIN, the newest
 *   /usr/lib/postgresql/<version>/bin, or the PATH), consistent while the
 *   servers keep writing; restored only into a database without tables.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import postgres from 'postgres';
import { acquireDataDirLock } from './client.ts';

export interface BackupTarget {
  databaseUrl: string | null;
  dataDir: string;
}

/** The file a backup goes to when none is named: `DATA_DIR/backups/likes-and-fails-<time>.<ext>`. */
export function defaultBackupFile(target: BackupTarget, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace(/Z$/, 'Z');
  const extension = target.databaseUrl ? 'pgdump' : 'tar.gz';
  return path.resolve(target.dataDir, 'backups', `likes-and-fails-${stamp}.${extension}`);
}

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Written beside, then renamed: a failed backup never leaves a half file under the final name.
  const partial = `${file}.partial`;
  try {
    if (target.databaseUrl)
      runPgTool('pg_dump', ['--format=custom', `--file=${partial}`, target.databaseUrl]);
    else await dumpPglite(target.dataDir, partial);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup file at ${file}.`);
  if (target.databaseUrl) {
    await refuseNonEmptyPostgres(target.databaseUrl);
    runPgTool('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${target.databaseUrl}`, file]);
  } else {
    await loadPglite(target.dataDir, file);
  }
}

async function dumpPglite(dataDir: string, file: string): Promise<void> {
  const clusterDir = path.join(path.resolve(dataDir), 'pglite');
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION')))
    throw new Error(`No embedded database in ${clusterDir} to back up.`);
  const release = acquireDataDirLock(path.join(path.resolve(dataDir), 'pglite.lock'));
  try {
    const client = new PGlite(clusterDir, { extensions: { pg_trgm, unaccent } });
    try {
      await client.waitReady;
      const dump = await client.dumpDataDir('gzip');
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

async function loadPglite(dataDir: string, file: string): Promise<void> {
  const root = path.resolve(dataDir);
  const clusterDir = path.join(root, 'pglite');
  if (fs.existsSync(clusterDir) && fs.readdirSync(clusterDir).length > 0) {
    throw new Error(
      `${clusterDir} already holds a database: restore into an empty DATA_DIR (set DATA_DIR to a new ` +
        `directory), or move that one away first.`,
    );
  }
  fs.mkdirSync(root, { recursive: true });
  const release = acquireDataDirLock(path.join(root, 'pglite.lock'));
  try {
    const client = new PGlite(clusterDir, {
      extensions: { pg_trgm, unaccent },
      loadDataDir: new Blob([fs.readFileSync(file)]),
    });
    try {
      await client.waitReady;
      await client.query('select 1');
    } finally {
      await client.close();
    }
  } catch (error) {
    fs.rmSync(clusterDir, { recursive: true, force: true }); // nothing half-restored is left to open
    throw error;
  } finally {
    release();
  }
}

async function refuseNonEmptyPostgres(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client<{ tables: number }[]>`
      select count(*)::int as tables from pg_tables where schemaname in ('public', 'drizzle')`;
    if ((row?.tables ?? 0) > 0)
      throw new Error(
        'The target database already has tables: restore into a new, empty database (createdb).',
      );
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The PostgreSQL client tools: PG_BIN, else the newest Debian install, else the PATH. */
function pgToolPath(tool: 'pg_dump' | 'pg_restore'): string {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv) return path.join(fromEnv, tool);
  const debianRoot = '/usr/lib/postgresql';
  const versions = fs.existsSync(debianRoot)
    ? fs
        .readdirSync(debianRoot)
        .filter((version) => fs.existsSync(path.join(debianRoot, version, 'bin', tool)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(debianRoot, versions[0], 'bin', tool) : tool;
}

function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): void {
  const result = spawnSync(pgToolPath(tool), args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${tool} could not run: ${result.error.message} (set PG_BIN).`);
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr.trim()}`);
}
