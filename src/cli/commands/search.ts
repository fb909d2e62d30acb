import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

/** `dossier search <query>`: full-text search over the stored articles. */
export const define: DefineCommand = (command, context) => {
  command
    .argument('<query>')
    .option('--limit <n>', 'at most n hits', positiveInt, 20)
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  dossier search "air defense"\n  dossier search \'"S-400" AND Iraq\' --json')
    .action(async (query: string, opts: { limit: number; json?: boolean }) => {
      const [{ searchArticles }, { printHits }] = await Promise.all([import('../../store/articles-repository.js'), import('../print-articles.js')]);
      await context.withStore(async (store) => {
        // A query the search cannot read is raised by the store as DOSSIER_SEARCH_BAD_QUERY.
        const hits = await searchArticles(store, query, opts.limit);
        printHits(hits, opts.json === true);
      });
    });
};
