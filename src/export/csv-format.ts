import { cameoName, rootCode } from './cameo-names.js';
import { countryName } from './country-names.js';
import type { ExportFormat, FieldDescription, FormatOutput } from './export-format.js';
import { acledGeoPrecision, acledTimePrecision, articleIdsOf, disputeSummary, type ExportRow, fatalitiesOf, isoFirstDay, updateSummary } from './export-row.js';

/** One row per record or event, with ACLED's column names where they mean the same thing. */

export const CSV_FIELDS: readonly FieldDescription[] = [
  { name: 'event_date', description: 'YYYY-MM-DD; for a month or year only its first day, and time_precision says so; empty when undated' },
  { name: 'time_precision', description: "ACLED's scale: 1 the day is known, 2 within about a week, 3 a month or coarser; empty when undated" },
  { name: 'event_type', description: 'PLOVER event type (ASSAULT, PROTEST, ...); the CAMEO root name for codes PLOVER drops (01, 02)' },
  { name: 'sub_event_type', description: 'the CAMEO code name ("Use conventional military force")' },
  { name: 'actor1', description: 'the first source actor (who did it)' },
  { name: 'assoc_actor_1', description: 'the other source actors, "; "-separated' },
  { name: 'actor2', description: 'the first target actor (to whom)' },
  { name: 'assoc_actor_2', description: 'the other target actors, "; "-separated' },
  { name: 'country', description: "the place's country name" },
  { name: 'admin1', description: 'the ISO 3166-2 code of the first-level division ("IQ-KI"); ACLED writes its name' },
  { name: 'location', description: 'the place name' },
  { name: 'latitude', description: 'WGS84 decimal degrees' },
  { name: 'longitude', description: 'WGS84 decimal degrees' },
  { name: 'geo_precision', description: "ACLED's scale: 1 town or site, 2 near a town or part of a region, 3 province or country" },
  { name: 'source', description: 'the outlets that reported it, "; "-separated' },
  { name: 'notes', description: 'the evidence sentence of the first report; then "disputed: " and each contradiction with who states which value' },
  { name: 'fatalities', description: 'people killed when a report states a number; the latest figure of a toll that rose as reports came out, the lowest when reports differ (the series or the dispute is in notes); empty when unknown, never 0 for unknown' },
  { name: 'record_id', description: 'Dossier event record id (r_…); at events level the record the mention belongs to' },
  { name: 'event_ids', description: 'the event mention ids (e_…) the row rests on, "; "-separated' },
  { name: 'independent_outlets', description: "number of independent witnesses of the record (outlets sharing an owner or a copied passage count once)" },
  { name: 'disputed', description: 'true when the reports of the record contradict each other' },
  { name: 'mention_count', description: 'number of event mentions in the record' },
  { name: 'article_ids', description: 'ids of the articles the row rests on, "; "-separated (dossier show <id>)' },
  { name: 'modality', description: 'how the reports state it (asserted, reported, claimed, denied, planned, ...), "; "-separated' },
  { name: 'cameo_code', description: 'CAMEO event code' },
  { name: 'plover_type', description: 'PLOVER event type, empty for codes PLOVER drops' },
];

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const csvLine = (values: readonly string[]): string => `${values.map(csvField).join(',')}\r\n`;

const names = (xs: ReadonlyArray<{ name: string }>): string => xs.map((x) => x.name).join('; ');
const num = (n: number | null): string => (n === null ? '' : String(n));
const bool = (b: boolean | null): string => (b === null ? '' : String(b));

export function csvValues(row: ExportRow): string[] {
  const first = row.mentions[0];
  const dispute = disputeSummary(row.contradictions);
  const updated = updateSummary(row.updates);
  const notes = [first?.evidence.replace(/\s+/g, ' ').trim() ?? '', dispute ? `disputed: ${dispute}` : '', updated ? `updated: ${updated}` : ''].filter(Boolean).join(' | ');
  return [
    isoFirstDay(row.date),
    num(acledTimePrecision(row.date, row.datePrecision)),
    row.plover ?? cameoName(rootCode(row.code)),
    cameoName(row.code),
    row.source[0]?.name ?? '',
    names(row.source.slice(1)),
    row.target[0]?.name ?? '',
    names(row.target.slice(1)),
    countryName(row.place?.country ?? null),
    row.place?.admin1 ?? '',
    row.place?.name ?? '',
    num(row.place?.lat ?? null),
    num(row.place?.lon ?? null),
    num(acledGeoPrecision(row.place)),
    row.outlets.join('; '),
    notes,
    num(fatalitiesOf(row)),
    row.recordId ?? '',
    row.mentions.map((m) => m.eventId).join('; '),
    num(row.independentOutlets),
    bool(row.disputed),
    String(row.mentionCount),
    articleIdsOf(row).join('; '),
    [...new Set(row.mentions.map((m) => m.modality))].join('; '),
    row.code,
    row.plover ?? '',
  ];
}

export function renderCsv(rows: readonly ExportRow[]): FormatOutput {
  return { text: csvLine(CSV_FIELDS.map((f) => f.name)) + rows.map((r) => csvLine(csvValues(r))).join(''), written: rows.length, leftOut: {} };
}

export const csvFormat: ExportFormat = { name: 'csv', extension: 'csv', mediaType: 'text/csv; charset=utf-8', fields: CSV_FIELDS, render: renderCsv };
