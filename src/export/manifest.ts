import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FieldDescription } from './export-format.js';
import type { StoreCoverage } from './export-queries.js';
import type { ExportLevel, ExportRow } from './export-row.js';

/**
 * The sidecar that makes a dataset citable and diffable: what made it, from which store, with
 * which filters, how many rows went in and which were left out, and the file's SHA-256.
 */

export interface ExportManifest {
  dossier: { version: string };
  format: string;
  level: ExportLevel;
  filters: Record<string, unknown>;
  /** The only value that differs between two exports of the same store with the same filters. */
  generatedAt: string;
  file: { name: string | null; bytes: number; sha256: string; mediaType: string };
  counts: {
    /** Rows the filters selected. */
    rows: number;
    /** Rows in the file (GeoJSON leaves out unplaced rows, TimelineJS undated ones, graphs rows without both actors). */
    written: number;
    leftOut: Record<string, number>;
    mentions: number;
    articles: number;
    outlets: number;
  };
  store: StoreCoverage;
  fields: readonly FieldDescription[];
}

let version: string | undefined;

/** Dossier's version, from package.json (two levels up from this file, in src/ and in dist/ alike). */
export function dossierVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export interface ManifestInput {
  format: string;
  mediaType: string;
  level: ExportLevel;
  filters: Record<string, unknown>;
  generatedAt: Date;
  fileName: string | null;
  data: string;
  rows: readonly ExportRow[];
  written: number;
  leftOut: Record<string, number>;
  store: StoreCoverage;
  fields: readonly FieldDescription[];
}

/** Filters as given, without the unset ones, keys sorted: the same filters give the same JSON. */
export function normalizeFilters(filters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined && v !== false)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

export function buildManifest(m: ManifestInput): ExportManifest {
  const mentions = m.rows.flatMap((r) => r.mentions);
  return {
    dossier: { version: dossierVersion() },
    format: m.format,
    level: m.level,
    filters: normalizeFilters(m.filters),
    generatedAt: m.generatedAt.toISOString(),
    file: { name: m.fileName, bytes: Buffer.byteLength(m.data, 'utf8'), sha256: sha256(m.data), mediaType: m.mediaType },
    counts: {
      rows: m.rows.length,
      written: m.written,
      leftOut: m.leftOut,
      mentions: new Set(mentions.map((x) => x.eventId)).size,
      articles: new Set(mentions.map((x) => x.articleId)).size,
      outlets: new Set(mentions.flatMap((x) => (x.outlet === null ? [] : [x.outlet]))).size,
    },
    store: m.store,
    fields: m.fields,
  };
}

export const manifestText = (m: ExportManifest): string => `${JSON.stringify(m, null, 2)}\n`;
