import type { Contradiction, FigureUpdates } from '../records/contradictions.js';

/**
 * One row of an exported dataset, whatever the format: an event record (one real-world event,
 * every report of it) or a single event mention. The formats are pure functions of these rows.
 */

export type ExportLevel = 'records' | 'events';

export const EXPORT_LEVELS: readonly ExportLevel[] = ['records', 'events'];

/** The modalities an events-level export filters by (here, not in export-dataset.ts, so `export --help` loads no store code). */
export const EXPORT_MODALITIES = ['asserted', 'reported', 'claimed', 'denied', 'planned', 'conditional', 'hypothetical', 'negated'] as const;

export interface ExportActor {
  /** The actor id, or "name:" + the lower-cased name without a leading count when no registry actor was linked. */
  key: string;
  id: string | null;
  name: string;
  /** CAMEO actor code ("IRQGOV"), when known. */
  cameo: string | null;
  /** The registry's type (state, organization, person, ...); "unresolved" for an actor not in the registry. */
  type: string | null;
  /** ISO 3166-1 alpha-3 of the actor, from the registry. */
  country: string | null;
}

export interface ExportPlace {
  id: string | null;
  name: string;
  lat: number;
  lon: number;
  geonamesId: number | null;
  /** site, city, district, region, country or area. */
  precision: string | null;
  /** ISO 3166-1 alpha-3. */
  country: string | null;
  /** ISO 3166-2 ("IQ-KI"). */
  admin1: string | null;
}

export interface ExportMagnitude {
  kind: string;
  value: number | null;
  qualifier: string;
  text: string;
}

/** Where a row comes from: one event mention in one article, with the sentence that says it. */
export interface ExportMention {
  eventId: string;
  articleId: string;
  outlet: string | null;
  published: string | null;
  url: string | null;
  title: string | null;
  code: string;
  modality: string;
  date: string | null;
  datePrecision: string | null;
  magnitudes: ExportMagnitude[];
  evidence: string;
  /** Character offsets of the evidence in the stored article text. */
  evidenceSpan: { start: number; end: number };
  /** True when the evidence starts in the article's first paragraph (GDELT's IsRootEvent). */
  lead: boolean;
}

export interface ExportRow {
  level: ExportLevel;
  /** The record id (records level) or the event id (events level). */
  id: string;
  /** The record this row is or belongs to; null for an event in no record. */
  recordId: string | null;
  code: string;
  plover: string | null;
  ploverMode: string | null;
  date: string | null;
  datePrecision: string | null;
  source: ExportActor[];
  target: ExportActor[];
  place: ExportPlace | null;
  /** Events level only: the mention's modality (asserted, reported, claimed, ...). */
  modality: string | null;
  outlets: string[];
  /** Of the record; null when the row is an event in no record. */
  independentOutlets: number | null;
  disputed: boolean | null;
  contradictions: Contradiction[];
  /** Counts of the record that rose as reports came out (not disputes); absent on old rows. */
  updates?: FigureUpdates[];
  /** Mentions of the record (events level: of the record it belongs to, 1 when none). */
  mentionCount: number;
  /** The mentions this row rests on (events level: the one event). */
  mentions: ExportMention[];
}

/** Rows in a stable order, oldest first, undated last, then by id: two exports of one store diff cleanly. */
export function sortRows(rows: readonly ExportRow[]): ExportRow[] {
  return [...rows].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

export const articleIdsOf = (row: ExportRow): string[] => unique(row.mentions.map((m) => m.articleId));

/**
 * The stated death toll. A toll that rose as reports came out is its latest figure (the count
 * grew; the series is in the notes). Otherwise, within one report the largest figure (a total is
 * usually the largest number); across reports the lowest, as ACLED does with conflicting counts;
 * the dispute itself is left to the notes. Null when no report states a number: unknown is not zero.
 */
export function fatalitiesOf(row: ExportRow): number | null {
  const rising = row.updates?.find((u) => u.kind === 'killed')?.series.at(-1);
  const latest = rising ? Number(rising.value.replace(/^at least /, '')) : Number.NaN;
  if (Number.isFinite(latest)) return latest;
  const perMention = row.mentions
    .map((m) => m.magnitudes.filter((x) => x.kind === 'killed' && x.value !== null).map((x) => x.value!))
    .filter((vs) => vs.length > 0)
    .map((vs) => Math.max(...vs));
  return perMention.length === 0 ? null : Math.min(...perMention);
}

/** "number:killed: 3 (Example Wire) vs 5 (River Courier)", one clause per disputed field. */
export function disputeSummary(contradictions: readonly Contradiction[]): string {
  return contradictions
    .map((c) => `${c.field.replace(/^number:/, '')}: ${c.values.map((v) => `${v.value} (${v.outlets.join(', ') || 'unknown outlet'})`).join(' vs ')}`)
    .join('; ');
}

/** "killed: 3 (2022-05-03, Example Wire) → 5 (2022-05-04, River Courier)", one clause per count that rose. */
export function updateSummary(updates: readonly FigureUpdates[] | undefined): string {
  return (updates ?? []).map((u) => `${u.kind}: ${u.series.map((v) => `${v.value} (${v.published}, ${v.outlets.join(', ') || 'unknown outlet'})`).join(' → ')}`).join('; ');
}

/** The first day of a YYYY, YYYY-MM or YYYY-MM-DD date, or null for anything else. */
export function firstDay(date: string | null): { year: number; month: number; day: number } | null {
  const m = date === null ? null : /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 1, day: m[3] ? Number(m[3]) : 1 };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** YYYY-MM-DD of the first day the date covers; empty when undated. */
export function isoFirstDay(date: string | null): string {
  const d = firstDay(date);
  return d ? `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}` : '';
}

/** Precisions finer than a day still name a day. */
const DAY_OR_FINER = new Set(['day', 'part-of-day', 'hour', 'minute', 'second']);

/** The precision the date really has: a stored "day" precision on a "YYYY-MM" value is a month. */
export function effectivePrecision(date: string | null, precision: string | null): string | null {
  if (date === null) return null;
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) return /^\d{4}-\d{2}/.test(date) ? 'month' : 'year';
  return precision ?? 'day';
}

/** ACLED's time_precision: 1 the day is known, 2 within about a week, 3 a month or coarser. */
export function acledTimePrecision(date: string | null, precision: string | null): number | null {
  const p = effectivePrecision(date, precision);
  if (p === null) return null;
  if (DAY_OR_FINER.has(p)) return 1;
  return p === 'week' ? 2 : 3;
}

/** ACLED's geo_precision: 1 the town or site, 2 near it or part of a region, 3 a province or country. */
export function acledGeoPrecision(place: ExportPlace | null): number | null {
  if (place === null) return null;
  switch (place.precision) {
    case 'site':
    case 'city':
    case 'district':
      return 1;
    case 'area':
      return 2;
    default:
      return 3;
  }
}

/** Outlets of the row's mentions, in order of first report, for rows built from single events. */
export const outletsOf = (mentions: readonly ExportMention[]): string[] => unique(mentions.map((m) => m.outlet).filter((o): o is string => o !== null));
