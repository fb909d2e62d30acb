import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CSV_FIELDS } from '../../src/export/csv-format.js';
import { exportDataset } from '../../src/export/export-dataset.js';
import type { ExportRow } from '../../src/export/export-row.js';
import { GDELT_FIELDS } from '../../src/export/gdelt-format.js';
import type { ExportManifest } from '../../src/export/manifest.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { getArticle } from '../../src/store/articles-repository.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { freshStoreTarget } from '../support/test-store.js';
import { readCsv } from './csv-reader.js';

// Four short articles written for these tests (fictional outlets), ingested through the real pipeline:
// a shelling two outlets report with different death tolls, protests (one quoting a chant with a comma,
// one with markup in the text), a strike located only "in Iraq", a month-dated strike, a meeting, an arrest.
const FIXTURES = join(__dirname, '../fixtures/export');

let target: string;
let store: Store;
let dir: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write);
  try {
    return { code: await main(['--db', target, ...args]), stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** Runs an export to a fresh file; returns the data and its manifest. */
async function exportTo(name: string, ...args: string[]): Promise<{ data: string; manifest: ExportManifest; path: string }> {
  const sub = mkdtempSync(join(dir, 'x-'));
  const path = join(sub, name);
  const r = await cli('export', '--out', path, ...args);
  expect(r.code, r.stderr).toBe(0);
  return { data: readFileSync(path, 'utf8'), manifest: JSON.parse(readFileSync(`${path}.manifest.json`, 'utf8')) as ExportManifest, path };
}

const jsonl = (data: string): ExportRow[] => data.trimEnd().split('\n').map((l) => JSON.parse(l) as ExportRow);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-export-out-'));
  target = await freshStoreTarget('export');
  store = await openStore(target);
  const files = readdirSync(FIXTURES).map((f) => join(FIXTURES, f));
  const s = await ingestFiles(store, files, { analyzer: createAnalyzer(loadKnowledge()) });
  expect(s.errors).toEqual([]);
});

afterAll(async () => {
  await store.destroy();
});

describe('dossier export on an ingested store', () => {
  it('writes a CSV an RFC 4180 reader parses back, with ACLED columns and the disputed toll at its lowest', async () => {
    const { data, manifest } = await exportTo('records.csv', '--format', 'csv');
    const [header, ...rows] = readCsv(data);
    expect(header).toEqual(CSV_FIELDS.map((f) => f.name));
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
    expect(rows.length).toBe(manifest.counts.rows);
    const col = (r: readonly string[], name: string): string => r[header!.indexOf(name)]!;
    // A chant quoted in the evidence: a comma and quotes inside one field.
    const chant = rows.find((r) => col(r, 'notes').includes('jobs, not promises'));
    expect(col(chant!, 'notes')).toContain('"jobs, not promises"');
    const shelling = rows.filter((r) => col(r, 'disputed') === 'true');
    expect(shelling).toHaveLength(1);
    const s = shelling[0]!;
    expect(col(s, 'source').split('; ').sort()).toEqual(['Example Wire', 'River Courier']);
    expect(col(s, 'independent_outlets')).toBe('2');
    expect(col(s, 'fatalities')).toBe('3');
    // Published the same day: two figures for one moment, a dispute (a day later, 5 would be an update).
    expect(col(s, 'notes')).toMatch(/disputed: killed: 5 \(River Courier\) vs 3 \(Example Wire\)/);
    expect(col(s, 'article_ids').split('; ')).toHaveLength(2);
    // No stated toll is unknown, not zero.
    expect(rows.filter((r) => r !== s).map((r) => col(r, 'fatalities'))).toEqual(rows.filter((r) => r !== s).map(() => ''));
    const month = rows.find((r) => col(r, 'location').startsWith('Sinj'))!;
    expect([col(month, 'event_date'), col(month, 'time_precision')]).toEqual(['2022-03-01', '3']);
    const country = rows.find((r) => col(r, 'location') === 'Iraq')!;
    expect([col(country, 'geo_precision'), col(country, 'country')]).toEqual(['3', 'Iraq']);
    // Stable order: oldest first, undated last.
    const dates = rows.map((r) => col(r, 'event_date'));
    const dated = dates.filter((d) => d !== '');
    expect(dated).toEqual([...dated].sort());
    expect(dates.slice(dated.length).every((d) => d === '')).toBe(true);
  });

  it('keeps provenance in JSONL: the offsets give back the evidence from the stored article', async () => {
    for (const level of ['records', 'events']) {
      const { data, manifest } = await exportTo(`${level}.jsonl`, '--format', 'jsonl', '--level', level);
      const rows = jsonl(data);
      expect(rows.length).toBe(manifest.counts.rows);
      expect(manifest.counts.mentions).toBe(new Set(rows.flatMap((r) => r.mentions.map((m) => m.eventId))).size);
      for (const r of rows) {
        expect(r.level).toBe(level);
        for (const m of r.mentions) {
          const article = await getArticle(store, m.articleId);
          expect(article!.text.slice(m.evidenceSpan.start, m.evidenceSpan.end)).toBe(m.evidence);
        }
      }
    }
  });

  it('writes GeoJSON points as [lon, lat], the country-level strike with geo_precision 3, and counts the unplaced', async () => {
    const { data, manifest } = await exportTo('records.geojson', '--format', 'geojson');
    const rows = jsonl((await exportTo('records.jsonl', '--format', 'jsonl')).data);
    const fc = JSON.parse(data) as { type: string; features: Array<{ id: string; geometry: { type: string; coordinates: [number, number] }; properties: Record<string, unknown> }> };
    expect(fc.type).toBe('FeatureCollection');
    const placed = rows.filter((r) => r.place !== null);
    expect(fc.features.length).toBe(placed.length);
    expect(manifest.counts.written).toBe(placed.length);
    expect(manifest.counts.leftOut).toEqual({ noPlace: rows.length - placed.length });
    expect(rows.length - placed.length).toBeGreaterThan(0);
    for (const f of fc.features) {
      const r = placed.find((x) => x.id === f.id)!;
      expect(f.geometry).toEqual({ type: 'Point', coordinates: [r.place!.lon, r.place!.lat] });
      for (const v of Object.values(f.properties)) expect(v === null || typeof v !== 'object').toBe(true);
    }
    const countryLevel = fc.features.filter((f) => f.properties.place_precision === 'country');
    expect(countryLevel.length).toBeGreaterThan(0);
    expect(countryLevel.every((f) => f.properties.geo_precision === 3)).toBe(true);
    expect(fc.features.filter((f) => f.properties.place_precision === 'city').every((f) => f.properties.geo_precision === 1)).toBe(true);
  });

  it('writes GEXF and GraphML that parse, with every edge between declared nodes', async () => {
    for (const format of ['gexf', 'graphml']) {
      const { data, manifest } = await exportTo(`net.${format}`, '--format', format, '--level', 'events');
      expect(XMLValidator.validate(data)).toBe(true);
      const doc = new DOMParser().parseFromString(data, 'text/xml');
      const nodes = new Set([...doc.querySelectorAll('node')].map((n) => n.getAttribute('id')));
      const edges = [...doc.querySelectorAll('edge')];
      expect(edges.length).toBeGreaterThanOrEqual(3);
      for (const e of edges) expect(nodes.has(e.getAttribute('source')) && nodes.has(e.getAttribute('target'))).toBe(true);
      // The apostrophe in "Kurdistan Workers' Party" survives escaping.
      expect([...doc.querySelectorAll('node')].some((n) => (n.getAttribute('label') ?? n.textContent ?? '').includes("Workers' Party"))).toBe(true);
      expect(manifest.counts.written + (manifest.counts.leftOut.withoutBothActors ?? 0)).toBe(manifest.counts.rows);
      if (format === 'gexf') {
        expect(doc.querySelector('graph')!.getAttribute('mode')).toBe('static');
        const declared = new Set([...doc.querySelectorAll('attributes[class="edge"] attribute')].map((a) => a.getAttribute('id')));
        for (const v of doc.querySelectorAll('edge attvalue')) expect(declared.has(v.getAttribute('for'))).toBe(true);
      }
    }
  });

  it('writes TimelineJS with markup from articles escaped', async () => {
    const { data, manifest } = await exportTo('timeline.json', '--format', 'timelinejs');
    expect(data).not.toMatch(/<script>/i);
    const tl = JSON.parse(data) as { title: unknown; events: Array<{ unique_id: string; group: string; start_date: { year: number; month?: number; day?: number }; text: { headline: string; text: string } }> };
    expect(tl.events.length).toBe(manifest.counts.written);
    expect(tl.events.some((e) => e.text.text.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more'))).toBe(true);
    const records = jsonl((await exportTo('r.jsonl', '--format', 'jsonl')).data);
    for (const e of tl.events) {
      const r = records.find((x) => x.id === e.unique_id)!;
      expect(e.group).toBe(r.plover);
      expect(e.start_date.year).toBe(Number(r.date!.slice(0, 4)));
      expect(e.start_date.day === undefined).toBe(r.datePrecision === 'month');
    }
  });

  it('writes GDELT-like rows: right field count, QuadClass from the root, a header only when asked', async () => {
    const plain = (await cli('export', '--format', 'gdelt')).stdout;
    const lines = plain.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines.every((l) => l.length === GDELT_FIELDS.length)).toBe(true);
    expect(lines[0]![0]).toMatch(/^r_/);
    const at = (l: string[], name: string): string => l[GDELT_FIELDS.findIndex((f) => f.name === name)]!;
    const quad = (root: number): string => String(root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4);
    for (const l of lines) expect(at(l, 'QuadClass')).toBe(quad(Number(at(l, 'EventRootCode'))));
    expect(new Set(lines.map((l) => at(l, 'QuadClass'))).size).toBeGreaterThanOrEqual(3);
    expect(lines.find((l) => at(l, 'NumSources') === '2')).toBeDefined();
    const withHeader = (await cli('export', '--format', 'gdelt', '--header')).stdout.split('\n');
    expect(withHeader[0]!.split('\t')).toEqual(GDELT_FIELDS.map((f) => f.name));
    expect(withHeader.slice(1).join('\n')).toBe(plain);
  });

  it('writes a manifest whose counts and SHA-256 match the file', async () => {
    const { data, manifest, path } = await exportTo('all.csv', '--format', 'csv', '--from', '2022-05');
    expect(manifest.file.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(manifest.file.bytes).toBe(readFileSync(path).length);
    expect(readCsv(data).length - 1).toBe(manifest.counts.written);
    expect(manifest.counts.written).toBe(manifest.counts.rows);
    expect(manifest.store.articles).toBe(readdirSync(FIXTURES).length);
    expect(manifest.dossier.version).toBe((JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version);
    expect(manifest.filters).toEqual({ from: '2022-05' });
    expect([manifest.format, manifest.level]).toEqual(['csv', 'records']);
    expect(manifest.fields.map((f) => f.name)).toEqual(CSV_FIELDS.map((f) => f.name));
  });

  it('narrows the export with the filters of records and events', async () => {
    const all = jsonl((await cli('export', '--format', 'jsonl')).stdout);
    const protests = jsonl((await cli('export', '--format', 'jsonl', '--code', '14')).stdout);
    expect(protests.length).toBeGreaterThan(0);
    expect(protests.length).toBeLessThan(all.length);
    expect(protests.every((r) => r.code.startsWith('14'))).toBe(true);
    const disputed = jsonl((await cli('export', '--format', 'jsonl', '--disputed')).stdout);
    expect(disputed.map((r) => r.id)).toEqual(all.filter((r) => r.disputed).map((r) => r.id));
    const events = jsonl((await cli('export', '--format', 'jsonl', '--level', 'events')).stdout);
    const reported = jsonl((await cli('export', '--format', 'jsonl', '--level', 'events', '--modality', 'reported')).stdout);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.length).toBeLessThan(events.length);
    expect(reported.every((r) => r.modality === 'reported')).toBe(true);
    // A box around Basra only.
    const basra = jsonl((await cli('export', '--format', 'jsonl', '--level', 'events', '--bbox', '47,30,48.5,31')).stdout);
    expect(basra.length).toBeGreaterThan(0);
    expect(basra.every((r) => r.place !== null && r.place.lat > 30 && r.place.lat < 31)).toBe(true);
    const disputedMentions = jsonl((await cli('export', '--format', 'jsonl', '--level', 'events', '--disputed')).stdout);
    expect(disputedMentions.map((r) => r.recordId)).toEqual(disputedMentions.map(() => disputed[0]!.id));
    expect(disputedMentions).toHaveLength(disputed[0]!.mentionCount);
  });

  it('gives byte-identical data twice; the manifests differ only in the time', async () => {
    for (const format of ['csv', 'jsonl', 'geojson', 'gexf', 'graphml', 'timelinejs', 'gdelt']) {
      const a = await exportTo(`same.${format}`, '--format', format, '--level', 'events');
      const b = await exportTo(`same.${format}`, '--format', format, '--level', 'events');
      expect(b.data).toBe(a.data);
      expect({ ...b.manifest, generatedAt: '' }).toEqual({ ...a.manifest, generatedAt: '' });
    }
  });

  it('writes no manifest without --out unless --manifest asks, and says so in --help', async () => {
    const sub = mkdtempSync(join(dir, 'm-'));
    const r = await cli('export', '--format', 'csv', '--manifest', join(sub, 'm.json'));
    expect(r.code).toBe(0);
    const m = JSON.parse(readFileSync(join(sub, 'm.json'), 'utf8')) as ExportManifest;
    expect(m.file.sha256).toBe(createHash('sha256').update(r.stdout).digest('hex'));
    expect(m.file.name).toBeNull();
    const help = await cli('export', '--help');
    expect(help.stdout).toMatch(/--manifest/);
    expect(help.stdout).toMatch(/no manifest/);
  });

  it('refuses a bad format, level or filter with a usage error and writes nothing', async () => {
    const sub = mkdtempSync(join(dir, 'bad-'));
    mkdirSync(join(sub, 'out'));
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'xlsx'], /unknown export format "xlsx"/],
      [['--format', 'csv', '--level', 'articles'], /unknown level "articles"/],
      [['--format', 'csv', '--modality', 'reported'], /--level events/],
      [['--format', 'csv', '--level', 'events', '--modality', 'rumoured'], /unknown modality/],
      [['--format', 'csv', '--code', 'abc'], /CAMEO code is digits/],
      [['--format', 'csv', '--header'], /--header applies to --format gdelt/],
      [['--format', 'csv', '--bbox', '1,2,3'], /minLon,minLat,maxLon,maxLat/],
      [['--format', 'csv', '--from', 'May 2022'], /YYYY/],
    ];
    for (const [args, message] of cases) {
      const out = join(sub, 'out', 'x.csv');
      const r = await cli('export', '--out', out, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('exports through the library as the CLI does', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const { data, manifest } = await exportDataset(store, { format: 'csv', level: 'records', filters: {} }, { now });
    expect(manifest.generatedAt).toBe(now.toISOString());
    expect(data).toBe((await cli('export', '--format', 'csv')).stdout);
  });
});
