import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster on 127.0.0.1, owned by the test run that started it. */
export interface PostgresService {
  /** The superuser's URL to the `postgres` database: trust authentication, no password. */
  readonly url: string;
  readonly version: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';

/** The bin folder of the newest installed PostgreSQL (Debian's layout), or null when there is none. */
export function findPostgresBin(root = PG_ROOT): string | null {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}


/** PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user. */
function asServerUser(): { wrap: (bin: string, args: string[]) => [string, string[]]; uid: number | null; gid: number | null } {
  if (process.getuid?.() !== 0) return { wrap: (bin, args) => [bin, args], uid: null, gid: null };
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!passwd) throw new Error('running as root, but there is no "postgres" user to own the test cluster');
  const [, , uid, gid] = passwd.split(':');
  return { wrap: (bin, args) => ['runuser', ['-u', 'postgres', '--', bin, ...args]], uid: Number(uid), gid: Number(gid) };
}

/**
 * initdb (trust, C locale, UTF-8) in a temporary folder, then pg_ctl start on a free port of
 * 127.0.0.1 with its socket in the same folder and durability off (a test cluster is thrown away).
 */
export async function startPostgres(bin: string): Promise<PostgresService> {
  const user = asServerUser();
  const base = mkdtempSync(join(tmpdir(), 'dossier-pg-'));
  if (user.uid !== null && user.gid !== null) chownSync(base, user.uid, user.gid);
  const data = join(base, 'data');
  const log = join(base, 'server.log');
  const exec = async (tool: string, args: string[]): Promise<void> => {
    const [cmd, argv] = user.wrap(join(bin, tool), args);
    await run(cmd, argv, { timeout: 120_000 });
  };
  let started = false;
  const stop = async (): Promise<void> => {
    try {
      if (started) await exec('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
    } finally {
      started = false;
      rmSync(base, { recursive: true, force: true });
    }
  };
  try {
    await exec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--locale=C', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-k ${base}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    started = true;
    await exec('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', options]);
    const version = bin.split('/').at(-2) ?? '?';
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version, stop };
  } catch (error) {
    const detail = existsSync(log) ? `\n${readFileSync(log, 'utf8').slice(-2000)}` : '';
    await stop().catch(() => {});
    throw new Error(`could not start a PostgreSQL test cluster with ${bin}: ${(error as Error).message}${detail}`);
  }
}
