import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeStep, formatDuration, fractionDone, progressLine, progressLines } from '../../src/cli/ingest-progress.js';
import type { IngestStep } from '../../src/pipeline/ingest-files.js';
import { freshSqliteTarget } from '../support/test-store.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');

/** The CLI from source, off a terminal (stderr a pipe), as a log or CI runs it. */
function ingest(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/run-cli.ts', '--db', freshSqliteTarget('progress'), 'ingest', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((done) => child.once('close', (code) => done({ code, stdout, stderr })));
}

const step = (phase: IngestStep['phase'], fileIndex: number, done: number, total: number, files = 2): IngestStep => ({
  phase,
  file: `in/file-${fileIndex}.txt`,
  fileIndex,
  files,
  done,
  total,
});

describe('ingest progress, worked out', () => {
  it('weighs files by size and a file by its articles analysed, then linked', () => {
    const sizes = [300, 100];
    expect(fractionDone(step('reading', 0, 0, 0), sizes)).toBe(0);
    expect(fractionDone(step('analysing', 0, 5, 10), sizes)).toBeCloseTo(0.1875);
    expect(fractionDone(step('linking', 0, 10, 10), sizes)).toBe(0.75);
    expect(fractionDone(step('reading', 1, 0, 0), sizes)).toBe(0.75);
    expect(fractionDone(step('linking', 1, 4, 4), sizes)).toBe(1);
    // No sizes (stdin, URLs): one file, one share.
    expect(fractionDone(step('reading', 1, 0, 0), [0, 0])).toBe(0.5);
  });

  it('says the phase, the article and file in hand, the share done and the time left', () => {
    expect(describeStep('loading knowledge', null)).toBe('loading knowledge');
    const line = progressLine({ phase: 'analysing', step: step('analysing', 0, 3, 12), fraction: 0.25 }, 30);
    expect(line).toBe('ingest: analysing 3/12 articles of file 1/2 (file-0.txt), 25% done, about 1 min 30 s left');
    expect(progressLine({ phase: 'loading knowledge', step: null, fraction: 0 }, 0)).toBe('ingest: loading knowledge, 0% done');
    expect(formatDuration(3725)).toBe('1 h 02 min');
  });

  it('off a terminal, writes a line only once the run has gone on for the interval, then once per interval', () => {
    let clock = 0;
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk: Buffer) => {
      written += chunk.toString();
    });
    const progress = progressLines({ sizes: [100, 100], everyMs: 10_000, stream: out as unknown as NodeJS.WriteStream, now: () => clock });
    progress.knowledgeLoading();
    clock = 4_000;
    progress.step(step('reading', 0, 0, 0));
    clock = 9_000;
    progress.step(step('analysing', 0, 1, 2));
    expect(written).toBe('');
    clock = 14_000;
    progress.step(step('linking', 0, 2, 2));
    clock = 20_000;
    progress.step(step('reading', 1, 0, 0));
    clock = 24_500;
    progress.step(step('analysing', 1, 1, 2));
    // Measured from the first step (4 s): 10 s for half the run, so 10 s left; then 20.5 s for
    // five eighths (the second file's first article analysed, of two), so 12.3 s left.
    expect(written.split('\n').filter(Boolean)).toEqual([
      'ingest: linking 2/2 articles of file 1/2 (file-0.txt), 50% done, about 10 s left',
      'ingest: analysing 1/2 articles of file 2/2 (file-1.txt), 62% done, about 12 s left',
    ]);
  });
});

describe('dossier ingest off a terminal', () => {
  it('writes its phases to stderr line by line, the summary alone on stdout; --quiet writes no progress', async () => {
    const [shown, quiet] = await Promise.all([ingest('--progress-every', '0', EXAMPLES), ingest('--quiet', EXAMPLES)]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^1 file, 6 articles new, 0 already known, 0 errors, [\d.]+ s\n$/);
    const lines = shown.stderr.split('\n').filter(Boolean);
    expect(lines.every((l) => l.startsWith('ingest: '))).toBe(true);
    // The knowledge loads once the file is read and holds a new article.
    expect(lines[0]).toBe('ingest: reading file 1/1 (kirkuk-rockets-and-baghdad-protest.txt), 0% done');
    expect(lines[1]).toBe('ingest: loading knowledge, 0% done');
    expect(lines.filter((l) => /^ingest: analysing \d\/6 articles of file 1\/1 /.test(l))).toHaveLength(6);
    expect(lines.filter((l) => /^ingest: linking \d\/6 articles of file 1\/1 /.test(l))).toHaveLength(6);
    expect(lines.at(-1)).toMatch(/^ingest: linking 6\/6 articles .*, 100% done, about 0 s left$/);
    const shares = lines.map((l) => Number(/(\d+)% done/.exec(l)?.[1]));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));

    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^1 file, 6 articles new/);
  });

  it('keeps its share while the knowledge loads past known files, and measures the time left again after the load', () => {
    let clock = 0;
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk: Buffer) => {
      written += chunk.toString();
    });
    const progress = progressLines({ sizes: [100, 100], everyMs: 0, stream: out as unknown as NodeJS.WriteStream, now: () => clock });
    progress.step(step('reading', 0, 0, 0));
    clock = 1_000;
    // The first file was all known: the second's first new article loads the knowledge (20 s).
    progress.step(step('reading', 1, 0, 0));
    progress.knowledgeLoading();
    clock = 21_000;
    progress.step(step('analysing', 1, 1, 2));
    clock = 25_000;
    progress.step(step('linking', 1, 1, 2));
    const lines = written.split('\n').filter(Boolean);
    expect(lines[2]).toBe('ingest: loading knowledge, 50% done');
    // Measured from the end of the load, not from the start: nothing to tell at once, then 4 s
    // at 87% done, so about 1 s left (from the start, 25 s would have said about 4 s).
    expect(lines[3]).toBe('ingest: analysing 1/2 articles of file 2/2 (file-1.txt), 62% done');
    expect(lines[4]).toBe('ingest: linking 1/2 articles of file 2/2 (file-1.txt), 87% done, about 1 s left');
  });
});
