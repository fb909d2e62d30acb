import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import type { EventFilter } from '../store/events-queries.js';
import type { Store } from '../store/open-store.js';
import type { RecordFilter } from '../store/records-queries.js';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from './export-formats.js';
import { loadEventRows, loadRecordRows, storeCoverage } from './export-queries.js';
import { EXPORT_LEVELS, EXPORT_MODALITIES, type ExportLevel, type ExportRow } from './export-row.js';
import { buildManifest, type ExportManifest, manifestText } from './manifest.js';

/** Query with filters → rows → format → file and manifest. */

export { EXPORT_MODALITIES };

/** The filters of `dossier records` and `dossier events` (modality and confidence: events level only). */
export type ExportFilters = Pick<RecordFilter, 'actor' | 'code' | 'from' | 'to' | 'place' | 'outlet' | 'disputed' | 'minIndependent'> &
  Pick<EventFilter, 'plover' | 'bbox' | 'modality' | 'minConfidence'>;

export interface ExportRequest {
  format: string;
  level: ExportLevel;
  filters: ExportFilters;
  /** GDELT: write a header row. */
  header?: boolean;
  title?: string;
}

export interface ExportResult {
  data: string;
  manifest: ExportManifest;
}

/** Throws a UsageError naming what is wrong: unknown format, level or modality, a filter the level cannot take. */
export function checkExportRequest(r: ExportRequest): void {
  if (!EXPORT_FORMATS.has(r.format)) throw new UsageError(`unknown export format "${r.format}"; one of ${EXPORT_FORMAT_NAMES.join(', ')}`);
  if (!EXPORT_LEVELS.includes(r.level)) throw new UsageError(`unknown level "${r.level}"; one of ${EXPORT_LEVELS.join(', ')}`);
  const f = r.filters;
  if (f.code !== undefined && !/^\d{1,4}$/.test(f.code)) throw new UsageError('a CAMEO code is digits: "19", "190", "1951"');
  if (f.modality !== undefined && !(EXPORT_MODALITIES as readonly string[]).includes(f.modality)) {
    throw new UsageError(`unknown modality "${f.modality}"; one of ${EXPORT_MODALITIES.join(', ')}`);
  }
  if (r.level === 'records') {
    // A record gathers mentions of several modalities and confidences: these filters only mean something per mention.
    for (const [name, value] of [['--modality', f.modality], ['--min-confidence', f.minConfidence]] as const) {
      if (value !== undefined) throw new UsageError(`${name} applies to event mentions: use it with --level events`);
    }
  }
  if (r.header && r.format !== 'gdelt') throw new UsageError('--header applies to --format gdelt only (CSV always has one)');
}

const inBox = (row: ExportRow, [minLon, minLat, maxLon, maxLat]: readonly [number, number, number, number]): boolean =>
  row.place !== null && row.place.lon >= minLon && row.place.lon <= maxLon && row.place.lat >= minLat && row.place.lat <= maxLat;

/** The rows the filters select, in a stable order. */
export async function exportRows(store: Store, level: ExportLevel, f: ExportFilters): Promise<ExportRow[]> {
  if (level === 'records') {
    const rows = await loadRecordRows(store, { actor: f.actor, code: f.code, from: f.from, to: f.to, place: f.place, outlet: f.outlet, disputed: f.disputed, minIndependent: f.minIndependent });
    return rows.filter((r) => (!f.plover || r.plover === f.plover.toUpperCase()) && (!f.bbox || inBox(r, f.bbox)));
  }
  const rows = await loadEventRows(store, {
    actor: f.actor,
    code: f.code,
    from: f.from,
    to: f.to,
    place: f.place,
    outlet: f.outlet,
    plover: f.plover,
    bbox: f.bbox,
    modality: f.modality,
    minConfidence: f.minConfidence,
  });
  // Disputed and independence are properties of the record a mention belongs to.
  return rows.filter((r) => (!f.disputed || r.disputed === true) && (f.minIndependent === undefined || (r.independentOutlets ?? 0) >= f.minIndependent));
}

/** The export's data and manifest; nothing written. */
export async function exportDataset(store: Store, request: ExportRequest, options: { fileName?: string; now?: Date } = {}): Promise<ExportResult> {
  checkExportRequest(request);
  const format = EXPORT_FORMATS.get(request.format)!;
  const rows = await exportRows(store, request.level, request.filters);
  const output = format.render(rows, { level: request.level, ...(request.header ? { header: true } : {}), ...(request.title ? { title: request.title } : {}) });
  const manifest = buildManifest({
    format: format.name,
    mediaType: format.mediaType,
    level: request.level,
    filters: { ...request.filters, ...(request.header ? { header: true } : {}) },
    generatedAt: options.now ?? new Date(),
    fileName: options.fileName ?? null,
    data: output.text,
    rows,
    written: output.written,
    leftOut: output.leftOut,
    store: await storeCoverage(store),
    fields: format.fields,
  });
  return { data: output.text, manifest };
}

export interface ExportTargets {
  /** The data file; its manifest goes beside it as <out>.manifest.json. */
  out?: string;
  /** Where to write the manifest; without `out`, the only way to get one. */
  manifest?: string;
  /** Where the data goes without `out`. */
  write?: (data: string) => void;
  now?: Date;
}

/** Runs an export and writes the data and its manifest; returns the manifest. */
export async function writeExport(store: Store, request: ExportRequest, targets: ExportTargets): Promise<ExportManifest> {
  const { data, manifest } = await exportDataset(store, request, { ...(targets.out ? { fileName: basename(targets.out) } : {}), ...(targets.now ? { now: targets.now } : {}) });
  if (targets.out) writeFileSync(targets.out, data);
  else targets.write?.(data);
  const manifestPath = targets.manifest ?? (targets.out ? `${targets.out}.manifest.json` : undefined);
  if (manifestPath) writeFileSync(manifestPath, manifestText(manifest));
  return manifest;
}
