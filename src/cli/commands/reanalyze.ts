import type { DefineCommand } from '../cli-context.js';
import { count } from '../plural.js';

/** `dossier reanalyze`: the annotation stages again over stored articles. */
export const define: DefineCommand = (command, context) => {
  command.option('--force', 'rewrite every article, not only those made by older stage versions').action(async (opts: { force?: boolean }) => {
    const analyzer = await context.analyzer();
    const { reanalyzeStored } = await import('../../pipeline/reanalyze.js');
    await context.withStore(async (store) => {
      const s = await reanalyzeStored(store, analyzer, { force: opts.force === true });
      for (const id of s.skipped) process.stderr.write(`warning: ${id}: stored text does not normalize to itself; left as it was\n`);
      process.stdout.write(`${count(s.articles, 'article')}, ${s.updated} re-annotated, ${s.skipped.length} skipped, ${s.seconds.toFixed(1)} s\n`);
    });
  });
};
