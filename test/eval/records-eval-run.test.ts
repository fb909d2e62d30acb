import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../support/cli-in-process.js';
import { needsFiles } from '../support/prerequisites.js';
import { InputError } from '../../src/errors.js';
import { RecordsEvalReportSchema } from '../../src/eval/records-eval.js';
import { runRecordsEval } from '../../src/eval/records-system.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/records-eval');
const DEV = join(import.meta.dirname, '../../../shared/corpus/multi-outlet-dev');
const SUMMARY = /^eval records found=\d\.\d{3} frag=\d+\.\d{2} b3=\d\.\d{3} witnesses=\d\.\d{3} contradictions=\d\.\d{3} copies=\d\.\d{3} events=\d+$/;

/** A copy of the fixture folder whose gold.json is `gold`, or with no gold.json at all. */
function folderWithGold(gold: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-records-eval-'));
  copyFileSync(join(FIXTURE, 'articles.jsonl'), join(dir, 'articles.jsonl'));
  if (gold !== null) writeFileSync(join(dir, 'gold.json'), gold);
  return dir;
}

const fixtureGold = (): { events: Array<Record<string, unknown>> } => JSON.parse(readFileSync(join(FIXTURE, 'gold.json'), 'utf8'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dossier eval records on the fixture folder', () => {
  it('ingests the articles, prints a row per event and ends with the summary line', async () => {
    const r = await runCli(['eval', 'records', FIXTURE]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const last = lines.at(-1) ?? '';
    expect(last).toMatch(SUMMARY);
    expect(last).toMatch(/ events=2$/);
    // Line 2 is line 1 word for word: the store must link them as copies.
    expect(last).toMatch(/ copies=1\.000 /);
    expect(lines.some((l) => l.startsWith('samarra-checkpoint-attack-2024-03-04 '))).toBe(true);
    expect(lines.some((l) => l.startsWith('basra-water-protest-2024-03-06 '))).toBe(true);
  });

  it('keeps the store with --keep-db and prints JSON with --json', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'dossier-records-eval-db-')), 'kept.db');
    const r = await runCli(['eval', 'records', FIXTURE, '--keep-db', db, '--json']);
    expect(r.status).toBe(0);
    const report = RecordsEvalReportSchema.parse(JSON.parse(r.stdout));
    expect(report.summary.events).toBe(2);
    expect(report.system.articles).toBe(5);
    // The same text tells the same event: a verbatim copy joins its original's record.
    const attack = report.events.find((e) => e.id === 'samarra-checkpoint-attack-2024-03-04');
    expect(attack?.mainLines).toEqual(expect.arrayContaining([1, 2]));
    expect(existsSync(db)).toBe(true);
    const listed = await runCli(['--db', db, 'records', '--json']);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(report.system.records);
    // A second run would link onto the first one's records: refused.
    const again = await runCli(['eval', 'records', FIXTURE, '--keep-db', db]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });
});

describe('dossier eval records on bad input', () => {
  it('names a missing file', async () => {
    await expect(runRecordsEval(folderWithGold(null))).rejects.toThrow(/gold\.json: cannot read the file \(ENOENT\)/);
    const r = await runCli(['eval', 'records', join(FIXTURE, 'no-such-folder')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no-such-folder.*gold\.json: cannot read the file/);
  });

  it('names malformed gold: not JSON, a wrong field, a line out of range', async () => {
    await expect(runRecordsEval(folderWithGold('{"events": ['))).rejects.toThrow(/gold\.json: not JSON/);
    const gold = fixtureGold();
    const badField = { ...gold, events: [{ ...gold.events[0], contradictions: [{ field: 'weapons' }] }] };
    await expect(runRecordsEval(folderWithGold(JSON.stringify(badField)))).rejects.toThrow(/gold\.json: event 1 \(samarra-checkpoint-attack-2024-03-04\): contradictions\.0\.field/);
    const outOfRange = { ...gold, events: [{ ...gold.events[0], articles: [1, 2, 6] }] };
    const error = await runRecordsEval(folderWithGold(JSON.stringify(outOfRange))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/gold\.json: event 1 \(samarra-checkpoint-attack-2024-03-04\): articles: line 6 is out of range \(.*articles\.jsonl has 5 article lines\)/);
  });
});

describe('dossier eval records on ../shared/corpus/multi-outlet-dev', needsFiles(DEV), () => {
  it('completes on the 13 events and reports copies', async () => {
    const r = await runCli(['eval', 'records', DEV]);
    expect(r.status).toBe(0);
    const last = r.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(SUMMARY);
    expect(last).toMatch(/ copies=\d\.\d{3} events=13$/);
  });
});
