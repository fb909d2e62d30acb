import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

/** `dossier timeline`: dated mentions in time order. */
export const define: DefineCommand = (command, context) => {
  command
    .option('--from <date>', 'on or after (YYYY[-MM[-DD]])')
    .option('--to <date>', 'on or before (YYYY[-MM[-DD]])')
    .option('--limit <n>', 'at most n entries', positiveInt)
    .option('--json', 'print a JSON array')
    .action(async (opts: { from?: string; to?: string; limit?: number; json?: boolean }) => {
      const [{ timeline }, { printTimeline }] = await Promise.all([import('../../store/mentions-queries.js'), import('../print-mentions.js')]);
      await context.withStore(async (store) => printTimeline(await timeline(store, opts), opts.json === true));
    });
};
