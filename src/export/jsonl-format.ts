import type { ExportFormat, FieldDescription, FormatOutput } from './export-format.js';
import type { ExportRow } from './export-row.js';

/** One JSON object per line: the whole row, provenance included, for tools that read structure. */

export const JSONL_FIELDS: readonly FieldDescription[] = [
  { name: 'level', description: '"records" or "events"' },
  { name: 'id', description: 'record id (r_…) or event id (e_…)' },
  { name: 'recordId', description: 'the record the row is or belongs to (null: an event in no record)' },
  { name: 'code', description: 'CAMEO event code' },
  { name: 'plover', description: 'PLOVER event type' },
  { name: 'ploverMode', description: 'PLOVER mode, when the code has one' },
  { name: 'date', description: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { name: 'datePrecision', description: 'day, week, month, year, ... (as stored)' },
  { name: 'source', description: 'source actors: key, id, name, cameo, type, country' },
  { name: 'target', description: 'target actors, as source' },
  { name: 'place', description: 'id, name, lat, lon, geonamesId, precision, country (ISO alpha-3), admin1 (ISO 3166-2); null when unplaced' },
  { name: 'modality', description: 'events level: asserted, reported, claimed, denied, planned, ...; null at records level (see mentions)' },
  { name: 'outlets', description: 'outlets that reported it' },
  { name: 'independentOutlets', description: 'independent witnesses of the record' },
  { name: 'disputed', description: 'the reports of the record contradict each other' },
  { name: 'contradictions', description: 'each disputed field with its values, and for each value the outlets, articles, events and evidence' },
  { name: 'mentionCount', description: 'event mentions in the record' },
  { name: 'mentions', description: 'provenance: eventId, articleId, outlet, published, url, title, code, modality, date, datePrecision, magnitudes, evidence, evidenceSpan {start, end} (offsets in the stored text), lead' },
];

export function renderJsonl(rows: readonly ExportRow[]): FormatOutput {
  return { text: rows.map((r) => `${JSON.stringify(r)}\n`).join(''), written: rows.length, leftOut: {} };
}

export const jsonlFormat: ExportFormat = { name: 'jsonl', extension: 'jsonl', mediaType: 'application/x-ndjson', fields: JSONL_FIELDS, render: renderJsonl };
