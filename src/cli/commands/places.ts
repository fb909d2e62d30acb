import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

/** `dossier places`: the resolved places. */
export const define: DefineCommand = (command, context) => {
  command
    .option('--name <text>', 'name contains')
    .option('--country <iso3>', 'ISO 3166-1 alpha-3 country')
    .option('--precision <p>', 'site, city, district, region, country, area')
    .option('--limit <n>', 'at most n places', positiveInt)
    .option('--json', 'print a JSON array')
    .action(async (opts: { name?: string; country?: string; precision?: string; limit?: number; json?: boolean }) => {
      const [{ findPlaces }, { printPlaces }] = await Promise.all([import('../../store/mentions-queries.js'), import('../print-mentions.js')]);
      await context.withStore(async (store) => printPlaces(await findPlaces(store, opts), opts.json === true));
    });
};
