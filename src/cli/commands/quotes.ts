import { positiveInt, unitInterval } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

type QuotesOptions = { speaker?: string; outlet?: string; about?: string; minConfidence?: number; all?: boolean; limit?: number; json?: boolean };

/** `dossier quotes`: quotes and claims with their speakers. */
export const define: DefineCommand = (command, context) => {
  command
    .option('--speaker <id|name>', 'speaker actor id, or a name it contains')
    .option('--outlet <name>', 'outlet name contains')
    .option('--about <actor-id>', 'quotes whose content mentions this actor')
    .option('--min-confidence <x>', 'only quotes at or above this confidence (0..1)', unitInterval)
    .option('--all', 'include quotes an analyst rejected')
    .option('--limit <n>', 'at most n quotes', positiveInt)
    .option('--json', 'print a JSON array')
    .action(async (o: QuotesOptions) => {
      const [{ findQuotes }, { printQuotes }] = await Promise.all([import('../../store/events-queries.js'), import('../print-events.js')]);
      await context.withStore(async (store) => printQuotes(await findQuotes(store, { ...o, includeRejected: o.all === true }), o.json === true));
    });
};
