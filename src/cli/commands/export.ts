import { EXPORT_FORMAT_NAMES } from '../../export/export-formats.js';
import { EXPORT_MODALITIES, type ExportLevel } from '../../export/export-row.js';
import type { ExportFilters } from '../../export/export-dataset.js';
import { addEventFilterOptions, boundingBox, positiveInt, unitInterval } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

interface ExportOptions extends ExportFilters {
  format: string;
  level: string;
  out?: string;
  manifest?: string;
  header?: boolean;
  title?: string;
}

const HELP = `
Output:
  With --out FILE, the data goes to FILE and its manifest to FILE.manifest.json (Dossier version,
  format, level, filters, time, row counts, the store's article count and date range, the SHA-256
  of FILE, a field dictionary). Without --out the data goes to stdout and no manifest is written
  unless --manifest FILE asks for one. The same store and filters give byte-identical data; only the
  manifest's generatedAt differs. Columns and how to open each format: docs/exports.md.

Examples:
  dossier export --format csv --out strikes.csv --code 19 --from 2020-01
  dossier export --format geojson --level events --bbox 38,29,49,38 --out events.geojson
  dossier export --format gexf --actor irq-pmu --out network.gexf
  dossier export --format gdelt --header --disputed > disputed.tsv`;

/** `dossier export`: the records or event mentions the filters select, as a dataset file with its manifest. */
export const define: DefineCommand = (command, context) => {
  command
    .requiredOption('--format <name>', EXPORT_FORMAT_NAMES.join(', '))
    .option('--level <level>', 'records (one row per real-world event) or events (one row per event mention)', 'records')
    .option('--out <file>', 'write the data to this file and the manifest to <file>.manifest.json')
    .option('--manifest <file>', 'write the manifest here (without --out, the only way to get one)')
    .option('--header', 'gdelt: add a header row (GDELT files have none)')
    .option('--title <text>', 'geojson, gexf, timelinejs: a title for the dataset');
  addEventFilterOptions(command)
    .option('--disputed', 'only records whose reports contradict each other (events level: mentions of such records)')
    .option('--min-independent <n>', 'only records with at least n independent outlets', positiveInt)
    .option('--plover <type>', 'PLOVER event type (ASSAULT, PROTEST, ...)')
    .option('--bbox <box>', 'minLon,minLat,maxLon,maxLat', boundingBox)
    .option('--modality <m>', `events level: ${EXPORT_MODALITIES.join(', ')}`)
    .option('--min-confidence <x>', 'events level: only mentions at or above this confidence (0..1)', unitInterval)
    .addHelpText('after', HELP)
    .action(async (o: ExportOptions) => {
      const { format, level, out, manifest, header, title, ...filters } = o;
      const request = { format, level: level as ExportLevel, filters, ...(header ? { header } : {}), ...(title ? { title } : {}) };
      const [{ checkExportRequest, writeExport }, { exportSummary }] = await Promise.all([import('../../export/export-dataset.js'), import('../export-summary.js')]);
      checkExportRequest(request);
      await context.withStore(async (store) => {
        const written = await writeExport(store, request, {
          ...(out ? { out } : {}),
          ...(manifest ? { manifest } : {}),
          write: (data) => {
            process.stdout.write(data);
          },
        });
        process.stderr.write(exportSummary(written, { ...(out ? { out } : {}), ...(manifest ? { manifest } : {}) }));
      });
    });
};
