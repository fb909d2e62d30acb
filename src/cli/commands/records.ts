import { UsageError } from '../../errors.js';
import { addEventFilterOptions, positiveInt } from '../cli-arguments.js';
import type { RecordFilter } from '../../store/records-queries.js';
import type { DefineCommand } from '../cli-context.js';

/** The list's filters are the store's own (one shape for the CLI, the API and the exports). */
type RecordsOptions = Pick<RecordFilter, 'actor' | 'code' | 'from' | 'to' | 'place' | 'outlet' | 'disputed' | 'minIndependent'> & {
  limit?: number;
  json?: boolean;
};

/** `dossier records`: event records, one per real-world event. */
export const define: DefineCommand = (command, context) => {
  addEventFilterOptions(command)
    .option('--disputed', 'only records whose reports contradict each other')
    .option('--min-independent <n>', 'only records with at least n independent outlets', positiveInt)
    .option('--limit <n>', 'at most n records', positiveInt)
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  dossier records --disputed\n  dossier records --actor per-qasem-soleimani --json\n  dossier records --code 19 --min-independent 2')
    .action(async (o: RecordsOptions) => {
      if (o.code && !/^\d{1,4}$/.test(o.code)) throw new UsageError('a CAMEO code is digits: "19", "190", "1951"');
      const { limit, json: _json, ...filter } = o;
      const [{ recordsPage }, print] = await Promise.all([import('../../records/record-views.js'), import('../print-records.js')]);
      await context.withStore(async (store) => {
        // The same query path as GET /api/records, with the same filters.
        const { items: records } = await recordsPage(store, filter, { limit });
        if (o.json) process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
        else
          for (const r of records) {
            process.stdout.write(print.recordLine(r) + print.contradictionLines(r.contradictions) + print.updateLines(r.updates) + print.inconsistencyLines(r.inconsistencies));
          }
      });
    });
};
