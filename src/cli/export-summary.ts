import type { ExportManifest } from '../export/manifest.js';
import { count } from './plural.js';

/** Why a format leaves rows out, by the manifest's leftOut key: "<n of N records> <why>". */
const REASONS: Record<string, (format: string) => string> = {
  noPlace: (f) => `no place: left out of ${f}`,
  noDate: (f) => `no date: left out of ${f}`,
  withoutBothActors: (f) => `no source or no target actor: left out of the ${f} graph`,
};

const FORMAT_NAMES: Record<string, string> = { geojson: 'GeoJSON', timelinejs: 'TimelineJS', gexf: 'GEXF', graphml: 'GraphML', csv: 'CSV', jsonl: 'JSONL', gdelt: 'GDELT TSV' };

/**
 * What `dossier export` tells the user on stderr: how many rows went where, and each kind of
 * row the format had to leave out, with the reason ("104 of 128 records have no place: left
 * out of GeoJSON"). Stderr, since without --out the data itself is on stdout.
 */
export function exportSummary(m: ExportManifest, where: { out?: string; manifest?: string }): string {
  const noun = m.level === 'records' ? 'record' : 'event mention';
  const format = FORMAT_NAMES[m.format] ?? m.format;
  const to = where.out ?? 'stdout';
  const manifest = where.manifest ?? (where.out ? `${where.out}.manifest.json` : undefined);
  const lines = [`wrote ${m.counts.written} of ${count(m.counts.rows, noun)} as ${format} to ${to}${manifest ? `, manifest ${manifest}` : ' (no manifest: --out or --manifest writes one)'}`];
  for (const [key, n] of Object.entries(m.counts.leftOut)) {
    const why = REASONS[key]?.(format) ?? `left out (${key})`;
    lines.push(`${n} of ${count(m.counts.rows, noun)} ${n === 1 ? 'has' : 'have'} ${why}`);
  }
  if (m.counts.rows === 0) lines.push(`no ${noun}s match the filters`);
  return `${lines.join('\n')}\n`;
}
