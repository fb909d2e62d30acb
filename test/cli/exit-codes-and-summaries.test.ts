import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStoreTarget } from '../support/test-store.js';

// Runs the built CLI (npm test builds before vitest) on the shipped example set: what it exits
// with and what it says, as a user sees it.
const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/dossier.js');

describe('the CLI tells the truth', () => {
  let dir: string;
  let db: string;
  let ingest: ReturnType<typeof spawnSync>;
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { cwd: dir, encoding: 'utf8' });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-truth-'));
    db = await freshStoreTarget('truth');
    ingest = run('ingest', join(ROOT, 'examples'));
  });

  it('counts the ingest in agreeing plurals, without a rate for a few small files', () => {
    expect(ingest.status, String(ingest.stderr)).toBe(0);
    expect(String(ingest.stdout)).toMatch(/^1 file, 6 articles new, 0 already known, 0 errors, \d+\.\d s\n$/);
    // Names a registry person with a role, for the human output test below.
    writeFileSync(join(dir, 'one.txt'), 'Old recording resurfaces\nExample Wire – June 3, 2024\nAn old recording of Abu Bakr al-Baghdadi was shared in Basra on Monday.\n');
    expect(run('ingest', 'one.txt').stdout).toMatch(/^1 file, 1 article new, 0 already known, 0 errors, /);
    // A record told by one outlet (the Harbor Gazette's accusation) reads "1 outlet".
    const records = run('records').stdout;
    expect(records).toMatch(/ \[\d+ mentions?, 1 outlet, 1 independent/);
    expect(records).not.toMatch(/\b1 (mentions|outlets)\b/);
  });

  it('refuses impossible dates as the API does: a usage error, exit 2', () => {
    for (const [command, option, value] of [
      ['records', '--from', '2020-13-45'],
      ['events', '--to', '2020-02-30'],
      ['articles', '--from', '2021-02-29'],
      ['timeline', '--to', '2020-00'],
      ['export', '--from', '2020-04-31'],
    ] as const) {
      const r = command === 'export' ? run(command, '--format', 'csv', option, value) : run(command, option, value);
      expect(r.status, `${command} ${option} ${value}`).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error: option '${option} <date>' argument '${value}' is invalid\\. not a calendar date`));
      expect(r.stdout).toBe('');
    }
    // A real leap day and a bare month are dates.
    expect(run('articles', '--from', '2020-02-29').status).toBe(0);
    expect(run('records', '--to', '2025-03').status).toBe(0);
  });

  it('exits 1 naming the id when an article, record, actor or event is not in the store', () => {
    for (const [args, message] of [
      [['show', 'a_0000000000'], 'error: no article with id a_0000000000 (see dossier articles)'],
      [['record', 'r_0000000000'], 'error: no event record with id r_0000000000 (see dossier records)'],
      [['actor', 'nobody-at-all'], 'error: no actor with id nobody-at-all (see dossier actors)'],
      [['review', 'accept', 'e_0000000000'], 'error: no event with id e_0000000000'],
      [['actors', 'rename', 'nobody-at-all', 'Somebody'], 'error: no actor with id "nobody-at-all" (see dossier actors)'],
    ] as const) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toBe(`${message}\n`);
    }
  });

  it('exits 2 on usage errors, with the same prefix', () => {
    const code = run('records', '--code', 'abc');
    expect(code.status).toBe(2);
    expect(code.stderr).toBe('error: a CAMEO code is digits: "19", "190", "1951"\n');
    const kind = run('review', 'accept', 'x_1');
    expect(kind.status).toBe(2);
    expect(kind.stderr).toMatch(/^error: "x_1" is neither an event/);
  });

  it('says what export wrote and what it left out and why', () => {
    const all = JSON.parse(run('records', '--json').stdout) as Array<{ place: unknown }>;
    const unplaced = all.filter((r) => r.place === null).length;
    // The example set has records both with and without a place, so both lines are exercised.
    expect(unplaced).toBeGreaterThan(0);
    expect(unplaced).toBeLessThan(all.length);
    const r = run('export', '--format', 'geojson', '--out', 'records.geojson');
    expect(r.status, r.stderr).toBe(0);
    const placed = all.length - unplaced;
    const records = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;
    expect(r.stderr).toBe(
      `wrote ${placed} of ${records(all.length)} as GeoJSON to records.geojson, manifest records.geojson.manifest.json\n` +
        `${unplaced} of ${records(all.length)} ${unplaced === 1 ? 'has' : 'have'} no place: left out of GeoJSON\n`,
    );
    const features = (JSON.parse(readFileSync(join(dir, 'records.geojson'), 'utf8')) as { features: unknown[] }).features;
    expect(features).toHaveLength(placed);

    // To stdout, the summary stays on stderr and says no manifest was written.
    const csv = run('export', '--format', 'csv');
    expect(csv.stdout.split('\n').filter(Boolean)).toHaveLength(all.length + 1);
    expect(csv.stderr).toBe(`wrote ${all.length} of ${records(all.length)} as CSV to stdout (no manifest: --out or --manifest writes one)\n`);

    const none = run('export', '--format', 'jsonl', '--from', '1990', '--to', '1990', '--out', 'none.jsonl');
    expect(none.stderr).toBe('wrote 0 of 0 records as JSONL to none.jsonl, manifest none.jsonl.manifest.json\nno records match the filters\n');
  });

  it('prints no raw JSON in human output', () => {
    const stats = run('stats');
    expect(stats.stdout).toMatch(/^byReader: digest 7$/m);
    expect(stats.stdout).not.toMatch(/[{}[\]"]/);
    const actor = run('actor', 'per-abu-bakr-al-baghdadi');
    expect(actor.status, actor.stderr).toBe(0);
    expect(actor.stdout).toMatch(/^role: \S.* of arm-isis \(\d{4}/m);
    expect(actor.stdout).not.toMatch(/role: \{/);
    expect(actor.stdout).toMatch(/^1 mention in 1 article$/m);
  });
});
