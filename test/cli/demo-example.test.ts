import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStoreTarget } from '../support/test-store.js';

// The demo (`npm run demo`) must show what Dossier is for: these tests hold the example set to
// the records, witnesses and disagreements the README and the demo promise. They run the built
// CLI and scripts/demo.mjs as a user would.
const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/dossier.js');
const DEMO = join(ROOT, 'scripts/demo.mjs');

interface RecordJson {
  id: string;
  place: { name: string } | null;
  outlets: string[];
  independentOutlets: number;
  witnesses: Array<{ outlets: string[]; articleIds: string[]; reasons: string[] }>;
  contradictions: Array<{ field: string; values: Array<{ value: string; claimants: string[]; outlets: string[] }> }>;
}

describe('the example set and npm run demo', () => {
  let dir: string;
  let db: string;
  let first: ReturnType<typeof spawnSync>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-demo-'));
    db = await freshStoreTarget('demo');
    first = spawnSync(process.execPath, [DEMO], { cwd: dir, encoding: 'utf8', env: { ...process.env, DOSSIER_DB: db } });
  });
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { cwd: dir, encoding: 'utf8' });

  it('ingests the six articles, prints the records and says where the store is and how to serve it', () => {
    expect(first.status, String(first.stderr)).toBe(0);
    const out = String(first.stdout);
    expect(out).toMatch(/^1 file, 6 articles new, 0 already known, 0 errors/m);
    expect(out).toMatch(/number:killed disputed:/);
    expect(out).toMatch(/source disputed:/);
    expect(out).toMatch(/witnesses:\n/);
    expect(out).toContain(`The articles, events and records are in ${db}`);
    expect(out).toMatch(/node \S*dossier\.js --db \S+ serve/);
  });

  it('adds nothing when run again', () => {
    const again = spawnSync(process.execPath, [DEMO], { cwd: dir, encoding: 'utf8', env: { ...process.env, DOSSIER_DB: db } });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^1 file, 0 articles new, 6 already known, 0 errors/m);
  });

  it('makes one record of the Kirkuk attack: the wire copy one witness, the toll and the perpetrator disputed', () => {
    const list = JSON.parse(cli('records', '--place', 'Kirkuk', '--json').stdout) as RecordJson[];
    expect(list).toHaveLength(1);
    const r = JSON.parse(cli('record', list[0]!.id, '--json').stdout) as RecordJson;
    expect(r.outlets.sort()).toEqual(['Example Wire', 'Harbor Gazette', 'Northern Ledger']);
    // The Harbor Gazette's verbatim copy of the Example Wire story is no second witness.
    expect(r.independentOutlets).toBe(2);
    const copy = r.witnesses.find((w) => w.outlets.includes('Example Wire'));
    expect(copy?.outlets).toContain('Harbor Gazette');
    expect(copy?.reasons).toContain('shared passage');
    const killed = r.contradictions.find((c) => c.field === 'number:killed');
    expect(killed?.values.map((v) => v.value).sort()).toEqual(['3', '5']);
    expect(killed?.values.find((v) => v.value === '5')?.outlets).toEqual(['Northern Ledger']);
    const source = r.contradictions.find((c) => c.field === 'source');
    const values = source?.values.map((v) => v.value) ?? [];
    expect(values.some((v) => /Kata'ib Hezbollah \(claimed, per Aram Bakir\)/.test(v))).toBe(true);
    expect(values.some((v) => /Kata'ib Hezbollah \(denied\)/.test(v))).toBe(true);
  });

  it('places the protest in Tahrir Square, reported by two outlets that disagree on the injured', () => {
    const list = JSON.parse(cli('records', '--place', 'Tahrir', '--json').stdout) as RecordJson[];
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list.every((r) => r.outlets.length === 2)).toBe(true);
    const injured = list.flatMap((r) => r.contradictions).find((c) => c.field === 'number:injured');
    expect(injured?.values.map((v) => v.value).sort()).toEqual(['25', '40']);
  });
});
