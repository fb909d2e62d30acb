import { UsageError } from '../../errors.js';
import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

type ArticlesOptions = { outlet?: string; author?: string; from?: string; to?: string; sort: string; limit?: number; json?: boolean };

/** `dossier articles`: the stored articles, filtered and sorted. */
export const define: DefineCommand = (command, context) => {
  command
    .option('--outlet <name>', 'outlet name contains')
    .option('--author <name>', 'author name contains')
    .option('--from <date>', 'on or after (YYYY[-MM[-DD]])')
    .option('--to <date>', 'on or before (YYYY[-MM[-DD]])')
    .option('--sort <key>', 'date, -date (default), title, outlet', '-date')
    .option('--limit <n>', 'at most n articles', positiveInt)
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  dossier articles --outlet "press tv" --from 2020-04 --json\n  dossier articles --sort title --limit 20')
    .action(async (opts: ArticlesOptions) => {
      if (!['date', '-date', 'title', 'outlet'].includes(opts.sort)) throw new UsageError(`unknown sort "${opts.sort}"`);
      const [{ findArticles }, { printArticles }] = await Promise.all([import('../../store/articles-repository.js'), import('../print-articles.js')]);
      await context.withStore(async (store) => printArticles(await findArticles(store, { ...opts, sort: opts.sort as 'date' }), opts.json === true));
    });
};
