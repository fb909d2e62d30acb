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

/**
 * Five short articles, one of `chars` characters (news-like sentences of our own), five short
 * ones again: the long one is in analysis once the progress says 5 of 11 are analysed.
 */
function digestWithALongArticle(name: string, chars: number): string {
  const short = (word: string, i: number): string => `${word} ${i} reopens in Saltmere\nExample Wire – June 3, 2024\nThe harbour master of Saltmere said ${word.toLowerCase()} ${i} reopened on Monday.\n`;
  const towns = ['Saltmere', 'Fenwick', 'Dunmore', 'Ashby'];
  const body: string[] = [];
  for (let i = 0, n = 0; n < chars - 100; i++) {
    const sentence = `Mayor Ida Renner of ${towns[i % 4]} said on May ${1 + (i % 28)}, 2024, that ferry pier ${i} would close, a council spokesman told Example Wire.`;
    body.push(sentence, i % 4 === 3 ? '\n\n' : ' ');
    n += sentence.length + 1;
  }
  const long = `Ferry piers close across the coast\nExample Wire – June 4, 2024\n${body.join('')}\n`;
  const path = join(dir, name);
  writeFileSync(path, [1, 2, 3, 4, 5].map((i) => short('Quay', i)).concat(long, [1, 2, 3, 4, 5].map((i) => short('Berth', i))).join('\n'));
  return path;
}

const titlesIn = (db: string): string[] => {
  const sqlite = new SQLite(db, { readonly: true });
  try {
    return (sqlite.prepare('SELECT title FROM articles ORDER BY title').all() as Array<{ title: string }>).map((r) => r.title);
  } finally {
    sqlite.close();
  }
};

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

function ingestUntilAnalysing(file: string, db: string, options: readonly string[] = []): Promise<Ingest> {
  const child = spawn(process.execPath, [...CLI, 'ingest', file, '--db', db, '--progress-every', '0', ...options], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
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

describe('signals during the analysis of one long article', () => {
  // An article at the analysis ceiling (1,000,000 characters) takes 12–14 s to analyse on the
  // 2-core development machine at load 3–6 (measured through this same CLI), far past the
  // bounds below: a stop that waited for the article's end could not pass them. The bound is
  // generous for a loaded CI machine; at load 6 the exit came 0.15 s after Ctrl-C.
  const CEILING = ['--max-article-chars', '1000000'];
  const QUAYS = [1, 2, 3, 4, 5].map((i) => `Quay ${i} reopens in Saltmere`);

  it('Ctrl-C 1 s into it exits within 3 s, the article dropped, those before it stored, the store consistent', async () => {
    const db = join(dir, 'long-sigint.db');
    const { child, exited } = await ingestUntilAnalysing(digestWithALongArticle('long-sigint.txt', 1_000_000), db, CEILING);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sent = performance.now();
    child.kill('SIGINT');
    const { code, stdout, stderr } = await exited;
    expect(performance.now() - sent, stderr).toBeLessThan(3000);
    expect(code, stderr).toBe(1);
    expect(stdout).toMatch(/5 articles new.*interrupted/);
    expect(stderr).toContain('SIGINT: saving what is analysed');
    expect(articlesIn(db)).toBe(5);
    expect(titlesIn(db)).toEqual(QUAYS);
  }, 240_000);

  it('SIGTERM stops it at its next stage, before its end: the article dropped, those before it stored', async () => {
    const db = join(dir, 'long-sigterm.db');
    const { child, exited } = await ingestUntilAnalysing(digestWithALongArticle('long-sigterm.txt', 1_000_000), db, CEILING);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGTERM');
    const { code, stdout, stderr } = await exited;
    // No bound on the time: SIGTERM waits for the stage in hand (up to several seconds at the
    // ceiling). Before the article's end all the same: it is not stored, nor any after it.
    expect(code, stderr).toBe(1);
    expect(stdout).toMatch(/5 articles new.*interrupted/);
    expect(articlesIn(db)).toBe(5);
    expect(titlesIn(db)).toEqual(QUAYS);
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
