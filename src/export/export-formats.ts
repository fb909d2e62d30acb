import { csvFormat } from './csv-format.js';
import type { ExportFormat } from './export-format.js';
import { gdeltFormat } from './gdelt-format.js';
import { geojsonFormat } from './geojson-format.js';
import { gexfFormat } from './gexf-format.js';
import { graphmlFormat } from './graphml-format.js';
import { jsonlFormat } from './jsonl-format.js';
import { timelinejsFormat } from './timelinejs-format.js';

/** Every export format, by the name `dossier export --format` takes. */
export const EXPORT_FORMATS: ReadonlyMap<string, ExportFormat> = new Map(
  [csvFormat, jsonlFormat, geojsonFormat, gexfFormat, graphmlFormat, timelinejsFormat, gdeltFormat].map((f) => [f.name, f]),
);

export const EXPORT_FORMAT_NAMES: readonly string[] = [...EXPORT_FORMATS.keys()];
