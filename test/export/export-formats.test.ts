import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CSV_FIELDS, renderCsv } from '../../src/export/csv-format.js';
import { EXPORT_FORMATS } from '../../src/export/export-formats.js';
import { acledGeoPrecision, acledTimePrecision, type ExportActor, type ExportRow, fatalitiesOf, isoFirstDay, sortRows, updateSummary } from '../../src/export/export-row.js';
import { GDELT_FIELDS, renderGdelt } from '../../src/export/gdelt-format.js';
import { renderGeojson } from '../../src/export/geojson-format.js';
import { renderGexf } from '../../src/export/gexf-format.js';
import { renderGraphml } from '../../src/export/graphml-format.js';
import { renderTimelinejs } from '../../src/export/timelinejs-format.js';
import { xmlId } from '../../src/export/xml-text.js';
import { cameoCode } from '../../src/knowledge/events/cameo-table.js';
import { readCsv } from './csv-reader.js';

// Rows written by hand, with the awkward values real news brings: commas, quotes, line breaks, markup.
const actor = (name: string, id: string | null = null): ExportActor => ({ key: id ?? `name:${name.toLowerCase()}`, id, name, cameo: null, type: id ? 'organization' : 'unresolved', country: null });

const mention = (eventId: string, evidence: string, killed: number[] = [], outlet = 'Example Wire') => ({
  eventId,
  articleId: `a_${eventId}`,
  outlet,
  published: '2023-01-02',
  url: null,
  title: null,
  code: '190',
  modality: 'asserted',
  date: '2023-01-01',
  datePrecision: 'day',
  magnitudes: killed.map((value) => ({ kind: 'killed', value, qualifier: 'exact', text: String(value) })),
  evidence,
  evidenceSpan: { start: 0, end: evidence.length },
  lead: true,
});

function row(over: Partial<ExportRow> & { id: string }): ExportRow {
  return {
    level: 'records',
    recordId: over.id,
    code: '190',
    plover: 'ASSAULT',
    ploverMode: null,
    date: '2023-01-01',
    datePrecision: 'day',
    source: [actor('Rebels, "North" wing'), actor('first line\nsecond line')],
    target: [actor('Town <Guard> & co', 'x-guard'), actor('The "Iron" Guard')],
    place: { id: 'gn:1', name: 'Alpha, "Old" town', lat: 10.5, lon: 20.25, geonamesId: 1, precision: 'city', country: 'IRQ', admin1: 'IQ-BG' },
    modality: null,
    outlets: ['Example Wire'],
    independentOutlets: 1,
    disputed: false,
    contradictions: [],
    mentionCount: 1,
    mentions: [mention(`e_${over.id}`, 'They said "no, never" <script>alert(1)</script>')],
    ...over,
  };
}

const ROWS = sortRows([
  row({ id: 'r_b' }),
  row({ id: 'r_a', date: '2022-05', datePrecision: 'month', place: { id: 'gn:2', name: 'Iraq', lat: 33, lon: 44, geonamesId: 2, precision: 'country', country: 'IRQ', admin1: null } }),
  row({ id: 'r_c', date: null, datePrecision: null, place: null, target: [], code: '141', plover: 'PROTEST' }),
]);

describe('CSV', () => {
  it('quotes commas, quotes and line breaks so an RFC 4180 reader gets the values back', () => {
    const rows = readCsv(renderCsv(ROWS).text);
    expect(rows[0]).toEqual(CSV_FIELDS.map((f) => f.name));
    expect(rows.slice(1).every((r) => r.length === CSV_FIELDS.length)).toBe(true);
    const col = (r: string[], name: string): string => r[rows[0]!.indexOf(name)]!;
    const b = rows.find((r) => col(r, 'record_id') === 'r_b')!;
    expect(col(b, 'actor1')).toBe('Rebels, "North" wing');
    // A quote alone, a line break alone: each must be quoted too.
    expect(col(b, 'assoc_actor_1')).toBe('first line\nsecond line');
    expect(col(b, 'assoc_actor_2')).toBe('The "Iron" Guard');
    expect(col(b, 'location')).toBe('Alpha, "Old" town');
    expect(col(b, 'notes')).toBe('They said "no, never" <script>alert(1)</script>');
  });

  it('writes the first day of a month with time precision 3, and nothing for an unknown toll', () => {
    const rows = readCsv(renderCsv(ROWS).text);
    const col = (r: string[], name: string): string => r[rows[0]!.indexOf(name)]!;
    const a = rows.find((r) => col(r, 'record_id') === 'r_a')!;
    expect([col(a, 'event_date'), col(a, 'time_precision'), col(a, 'geo_precision')]).toEqual(['2022-05-01', '3', '3']);
    expect(rows.slice(1).map((r) => col(r, 'fatalities'))).toEqual(['', '', '']);
  });
});

describe('ACLED mappings', () => {
  it('maps precisions to ACLED scales', () => {
    expect([acledTimePrecision('2023-01-01', 'day'), acledTimePrecision('2023-01-01', 'week'), acledTimePrecision('2023-01', 'day'), acledTimePrecision('2023', 'year'), acledTimePrecision(null, null)]).toEqual([1, 2, 3, 3, null]);
    const place = ROWS[0]!.place!;
    expect(['site', 'city', 'district', 'area', 'region', 'country'].map((precision) => acledGeoPrecision({ ...place, precision }))).toEqual([1, 1, 1, 2, 3, 3]);
    expect([isoFirstDay('2021'), isoFirstDay('2021-07'), isoFirstDay('2021-07-09'), isoFirstDay(null)]).toEqual(['2021-01-01', '2021-07-01', '2021-07-09', '']);
  });

  it('takes the lowest of contradictory death tolls, the largest within one report, and null when none is stated', () => {
    const disputed = row({ id: 'r_d', mentions: [mention('e1', 'x', [4, 2]), mention('e2', 'y', [6]), mention('e3', 'z')] });
    expect(fatalitiesOf(disputed)).toBe(4);
    expect(fatalitiesOf(row({ id: 'r_e' }))).toBeNull();
    expect(fatalitiesOf(row({ id: 'r_f', mentions: [mention('e4', 'w', [0])] }))).toBe(0);
  });

  it('takes the latest figure of a toll that rose as reports came out', () => {
    const value = (v: string, published: string, outlet: string) => ({ value: v, published, claimants: [], outlets: [outlet], articleIds: [], eventIds: [], evidence: [] });
    const rising = row({
      id: 'r_g',
      mentions: [mention('e5', 'x', [3]), mention('e6', 'y', [5])],
      updates: [{ kind: 'killed', series: [value('3', '2022-05-03', 'Example Wire'), value('at least 5', '2022-05-04', 'River Courier')] }],
    });
    expect(fatalitiesOf(rising)).toBe(5);
    expect(updateSummary(rising.updates)).toBe('killed: 3 (2022-05-03, Example Wire) → at least 5 (2022-05-04, River Courier)');
  });
});

describe('GeoJSON', () => {
  it('writes [lon, lat] points with flat scalar properties and leaves unplaced rows out', () => {
    const out = renderGeojson(ROWS, { level: 'records' });
    const fc = JSON.parse(out.text) as { type: string; features: Array<{ geometry: { coordinates: number[] }; properties: Record<string, unknown> }> };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(2);
    expect(out.leftOut).toEqual({ noPlace: 1 });
    const b = fc.features.find((f) => f.properties.id === 'r_b')!;
    expect(b.geometry.coordinates).toEqual([20.25, 10.5]);
    for (const f of fc.features) for (const v of Object.values(f.properties)) expect(v === null || ['string', 'number', 'boolean'].includes(typeof v)).toBe(true);
    expect(fc.features.find((f) => f.properties.id === 'r_a')!.properties.geo_precision).toBe(3);
  });
});

describe('graphs', () => {
  it('gives every key a distinct XML-safe id', () => {
    const keys = ['name:a b', 'name:a_20_b', 'irq-gov', 'name:ü', 'name:a/b'];
    const ids = keys.map(xmlId);
    expect(new Set(ids).size).toBe(keys.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._:-]+$/);
  });

  it('writes well-formed GEXF and GraphML whose edges join declared nodes', () => {
    for (const render of [renderGexf, renderGraphml]) {
      const out = render(ROWS, { level: 'records' });
      expect(XMLValidator.validate(out.text)).toBe(true);
      const doc = new DOMParser().parseFromString(out.text, 'text/xml');
      const nodes = new Set([...doc.querySelectorAll('node')].map((n) => n.getAttribute('id')));
      const edges = [...doc.querySelectorAll('edge')];
      expect(edges.length).toBe(4);
      for (const e of edges) expect(nodes.has(e.getAttribute('source')) && nodes.has(e.getAttribute('target'))).toBe(true);
      expect(out.leftOut).toEqual({ withoutBothActors: 1 });
      expect(out.text).toContain('Town &lt;Guard&gt; &amp; co');
    }
  });
});

describe('TimelineJS', () => {
  it('escapes markup and gives only the known parts of a date', () => {
    const out = renderTimelinejs(ROWS, { level: 'records' });
    expect(out.text).not.toContain('<script>');
    const tl = JSON.parse(out.text) as { events: Array<{ unique_id: string; start_date: Record<string, number>; text: { headline: string; text: string } }> };
    expect(tl.events.map((e) => e.unique_id)).toEqual(['r_a', 'r_b']);
    expect(tl.events[0]!.start_date).toEqual({ year: 2022, month: 5 });
    expect(tl.events[1]!.text.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(tl.events[1]!.text.headline).toContain('Town &lt;Guard&gt; &amp; co');
    expect(out.leftOut).toEqual({ noDate: 1 });
  });
});

describe('GDELT', () => {
  it('writes one tab-separated line per row with GDELT’s codes', () => {
    const out = renderGdelt(ROWS, { level: 'records' });
    const lines = out.text.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines).toHaveLength(ROWS.length);
    expect(lines.every((l) => l.length === GDELT_FIELDS.length)).toBe(true);
    const at = (l: string[], name: string): string => l[GDELT_FIELDS.findIndex((f) => f.name === name)]!;
    const b = lines.find((l) => l[0] === 'r_b')!;
    // Tabs and line breaks inside a value would shift every later column.
    expect(at(b, 'Actor1Name')).toBe('Rebels, "North" wing');
    expect(renderGdelt([row({ id: 'r_t', source: [actor('tab\there\nand there')] })], { level: 'records' }).text.split('\t')[3]).toBe('tab here and there');
    expect([at(b, 'Day'), at(b, 'EventRootCode'), at(b, 'QuadClass'), at(b, 'GoldsteinScale')]).toEqual(['20230101', '19', '4', String(cameoCode('190')!.goldstein)]);
    expect(at(lines.find((l) => l[0] === 'r_c')!, 'QuadClass')).toBe('3');
    expect(renderGdelt(ROWS, { level: 'records', header: true }).text.split('\n')[0]).toBe(GDELT_FIELDS.map((f) => f.name).join('\t'));
  });
});

describe('docs/exports.md', () => {
  it('documents every field of every format', () => {
    const doc = readFileSync(join(__dirname, '../../docs/exports.md'), 'utf8');
    for (const format of EXPORT_FORMATS.values()) {
      expect(doc).toContain(`\`${format.name}\``);
      for (const f of format.fields) expect(doc, `${format.name}: ${f.name}`).toContain(`| \`${f.name}\` |`);
    }
  });
});
