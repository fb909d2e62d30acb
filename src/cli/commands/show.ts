import { NotFoundError } from '../../errors.js';
import type { DefineCommand } from '../cli-context.js';

/** `dossier show <id>`: one article with its annotations and claims. */
export const define: DefineCommand = (command, context) => {
  command
    .argument('<id>')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  dossier show a_1234abcd --json')
    .action(async (id: string, opts: { json?: boolean }) => {
      const [{ getArticle }, { findEvents, findQuotes }, { articleAnnotations }, { printArticle }] = await Promise.all([
        import('../../store/articles-repository.js'),
        import('../../store/events-queries.js'),
        import('../../store/mentions-queries.js'),
        import('../print-articles.js'),
      ]);
      await context.withStore(async (store) => {
        const article = await getArticle(store, id);
        if (!article) throw new NotFoundError('article', id, ' (see dossier articles)');
        const claims = { events: await findEvents(store, { articleId: id, includeRejected: true }), quotes: await findQuotes(store, { articleId: id, includeRejected: true }) };
        printArticle(article, await articleAnnotations(store, id), claims, opts.json === true);
      });
    });
};
