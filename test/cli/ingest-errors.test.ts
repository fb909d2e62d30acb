import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStoreTarget } from '../support/test-store.js';

// Runs the built CLI (npm test builds before vitest), as a user would.
const BIN = join(__dirname, '../../bin/dossier.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

const GOOD = 'Quay reopens\nExample Wire – June 3, 2024\nThe port of Saltmere reopened its northern quay on Monday after a crane collapse.\n';

describe('dossier ingest on bad input', () => {
  let dir: string;
  const db: Record<'bad' | 'again', string> = { bad: '', again: '' };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-bad-'));
    for (const k of ['bad', 'again'] as const) db[k] = await freshStoreTarget(k);
    writeFileSync(join(dir, 'good.txt'), GOOD);
    // The one good file in a store of its own, for the second run and DOSSIER_DB below: each
    // ingest costs a start-up with the models, the bulk of this file's time.
    expect(run(['ingest', 'good.txt', '--db', db.again], dir).status).toBe(0);
    writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Quay\nExample Wire – June 3, 2024\nCaf'), Buffer.from([0xe9]), Buffer.from(' open.\n')]));
    writeFileSync(join(dir, 'truncated.txt.gz'), gzipSync(GOOD).subarray(0, 20));
    writeFileSync(join(dir, 'broken.xml'), '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<title>Example Wire</title>\n<item><title>Unclosed</item>\n');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'records.jsonl'), '{"title":"Quay reopens","text":"The port reopened its quay.","outlet":"Example Wire","date":"2024-06-03"}\nnot json\n');
  });

  it('names each bad file with its line or byte and reason, stores the rest, exits 1', () => {
    const r = run(['ingest', '.', 'missing.txt', '--db', db.bad], dir);
    expect(r.status).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error:'));
    expect(errors.find((l) => l.includes('binary.bin'))).toMatch(/binary.bin:1: binary content/);
    expect(errors.find((l) => l.includes('latin1.txt'))).toMatch(/latin1.txt:3: invalid UTF-8/);
    expect(errors.find((l) => l.includes('truncated.txt.gz'))).toMatch(/gzip/);
    expect(errors.find((l) => l.includes('broken.xml'))).toMatch(/broken.xml:\d+/);
    expect(errors.find((l) => l.includes('empty.txt'))).toMatch(/empty/);
    expect(errors.find((l) => l.includes('records.jsonl'))).toMatch(/records.jsonl:2/);
    expect(errors.find((l) => l.includes('missing.txt'))).toMatch(/cannot read/);
    expect(r.stdout).toMatch(/2 articles new, 0 already known, 7 errors/);
    const list = JSON.parse(run(['articles', '--json', '--db', db.bad], dir).stdout) as Array<{ title: string }>;
    expect(list.map((a) => a.title).sort()).toEqual(['Quay reopens', 'Quay reopens']);
  });

  it('adds nothing on a second run and exits 0 when all went in', () => {
    const r = run(['ingest', 'good.txt', '--db', db.again], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 articles new, 1 already known, 0 errors/);
  });

  it('exits 2 on a usage error and prints help with examples', () => {
    expect(run(['ingest', 'good.txt', '--reader', 'nope'], dir).status).toBe(2);
    expect(run(['frobnicate'], dir).status).toBe(2);
    const help = run(['articles', '--help'], dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
  });

  it('honours DOSSIER_DB like --db', () => {
    const listed = spawnSync(process.execPath, [BIN, 'articles', '--json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, DOSSIER_DB: db.again } });
    const list = JSON.parse(listed.stdout) as Array<{ id: string; source: { file: string; startLine: number } }>;
    expect(list).toHaveLength(1);
    expect(list[0]!.source).toMatchObject({ file: 'good.txt', startLine: 1 });
  });
});
