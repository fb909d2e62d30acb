import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { commandToLoad } from '../../src/cli/main.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = ['--import', 'tsx', join(ROOT, 'test/support/run-cli.ts')];
const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-robust-'));

/** The CLI from the sources in a child process, bounded: a run that hangs fails the test instead. */
const run = (args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

/** A digest of n short articles of Example Wire, each its own story. */
function digest(n: number): string {
  const path = join(dir, `digest-${n}.txt`);
  const stories = Array.from({ length: n }, (_, i) => `Quay ${i} reopens in Saltmere\nExample Wire – June 3, 2024\nThe harbour master of Saltmere said quay number ${i} reopened on Monday after repairs to its crane.\n`);
  writeFileSync(path, stories.join('\n'));
  return path;
}

const articlesIn = (db: string): number => {
  const sqlite = new SQLite(db, { readonly: true });
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    return (sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
};

/** Starts an ingest and resolves once it is analysing (its progress line says so). */
type Ingest = {
  child: ChildProcess;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves once stderr so far passes the test. */
  stderr: (test: (text: string) => boolean) => Promise<void>;
};

function ingestUntilAnalysing(file: string, db: string): Promise<Ingest> {
  const child = spawn(process.execPath, [...CLI, 'ingest', file, '--db', db, '--progress-every', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  const waiters: Array<() => void> = [];
  const whenStderr = (test: (text: string) => boolean): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => (test(stderr) ? resolve() : void waiters.push(check));
      check();
    });
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
      for (const w of waiters.splice(0)) w();
      // Past the first few articles: the file is being analysed, far from its end.
      if (/analysing 5\/\d+ articles/.test(stderr)) resolve({ child, exited, stderr: whenStderr });
    });
    void exited.then((e) => reject(new Error(`ingest ended before analysing: ${e.stderr}`)));
  });
}

describe('signals during an ingest', () => {
  it('Ctrl-C mid-file saves the articles analysed so far and stops, the store consistent', async () => {
    const db = join(dir, 'sigint.db');
    const { child, exited } = await ingestUntilAnalysing(digest(300), db);
    child.kill('SIGINT');
    const { code, stdout, stderr } = await exited;
    expect(code, stderr).toBe(1);
    expect(stdout).toMatch(/interrupted/);
    const stored = articlesIn(db);
    // Mid-file: some of the file went in, not all of it (between files, it was all or none).
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(300);
    expect(stdout).toContain(`${stored} article`);
  }, 240_000);

  it('SIGTERM stops it as Ctrl-C does, and a second SIGTERM meanwhile leaves the store consistent', async () => {
    const db = join(dir, 'sigterm.db');
    const { child, exited, stderr } = await ingestUntilAnalysing(digest(301), db);
    child.kill('SIGTERM');
    // The second once the first is heard: two signals sent together may arrive as one.
    await stderr((text) => text.includes('SIGTERM: saving what is analysed'));
    child.kill('SIGTERM');
    const { code, stdout } = await exited;
    // The second signal exits at once (128 + 15) unless the clean stop, one article away, ended
    // the process first: which comes first is the scheduler's choice, not the program's.
    if (code === 143) expect(stdout).not.toMatch(/interrupted/);
    else expect([code, stdout]).toEqual([1, expect.stringMatching(/interrupted/)]);
    expect(articlesIn(db)).toBeLessThan(301);
  }, 240_000);
});

describe('paths and global options', () => {
  it('reads "--registry FILE COMMAND" as one registry file and the command', () => {
    expect(commandToLoad(['--registry', 'my-actors.yaml', 'ingest', 'digest.txt'])?.name).toBe('ingest');
    expect(commandToLoad(['--registry', 'a.yaml', '--registry', 'b.yaml', '--db', 'x.db', 'ingest', 'digest.txt'])?.name).toBe('ingest');
  });

  it('exits 2 for an empty folder or a glob that matches nothing, naming it, before loading anything', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const registry = join(dir, 'actors.yaml');
    writeFileSync(registry, 'actors: []\n');
    const folder = run(['--registry', registry, 'ingest', empty, '--db', join(dir, 'empty.db')]);
    expect(folder.status, folder.stderr).toBe(2);
    expect(folder.stderr).toContain(`${empty}: the folder holds no file to read`);
    const glob = run(['ingest', join(dir, '*.nothing'), '--db', join(dir, 'empty.db')]);
    expect(glob.status, glob.stderr).toBe(2);
    expect(glob.stderr).toMatch(/\*\.nothing: the pattern matches no file/);
  });

  it('serve checks --registry when it starts, not at the first upload', () => {
    const bad = join(dir, 'bad-actors.yaml');
    writeFileSync(bad, 'actors:\n  - id: [unclosed\n');
    const r = run(['--registry', bad, '--db', join(dir, 'serve.db'), 'serve', '--port', '0']);
    expect(r.status, r.stdout).not.toBe(0);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toContain('bad-actors.yaml');
    expect(r.stdout).not.toContain('serving');
  });
});
