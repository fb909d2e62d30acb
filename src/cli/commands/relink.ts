import type { RelinkSummary } from '../../records/link-article.js';
import type { Store } from '../../store/open-store.js';
import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';
import { count } from '../plural.js';

/** Runs the rebuild; the first SIGINT or SIGTERM stops it after the batch in hand is committed. */
async function relinkUntilStopped(store: Store, batch: number, onProgress: (done: number, total: number) => void): Promise<RelinkSummary> {
  const [{ relinkAllArticles }, { loadSyntaxModel }, { loadDocumentFrequencies }] = await Promise.all([
    import('../../records/link-article.js'),
    import('../../nlp/syntax/syntax-model.js'),
    import('../../knowledge/document-frequencies.js'),
  ]);
  let stop = false;
  const onSignal = (): void => {
    stop = true;
    // A second signal gets Node's default: exit now (the batch in hand is rolled back).
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    // Linking compares words by lemma and weighs them by rarity: the syntax model's lemma rules and the document frequencies, loaded once here.
    return await relinkAllArticles(store, { lemmas: loadSyntaxModel().lemmas, documentFrequencies: loadDocumentFrequencies() }, { batch, shouldStop: () => stop, onProgress: ({ done, total }) => onProgress(done, total) });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `dossier relink`: every event record rebuilt from the stored event mentions. */
export const define: DefineCommand = (command, context) => {
  command
    .option('--batch <n>', 'articles per transaction', positiveInt, 100)
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      [
        '',
        'For a store made before event records existed, after an upgrade of the linking rule, or after',
        '`dossier reanalyze`: the records come out as a fresh ingest of the same articles makes them.',
        'Ctrl-C stops after the batch in hand; the store then holds the records of the articles linked',
        'so far, each consistent with its mentions, and exits 1. Run it again: it starts from zero.',
        '',
        'Example:\n  dossier relink --db dossier.db',
      ].join('\n'),
    )
    .action(async (o: { batch: number; json?: boolean }) => {
      await context.withStore(async (store) => {
        const tty = process.stderr.isTTY === true;
        const s = await relinkUntilStopped(store, o.batch, (done, total) => {
          if (tty) process.stderr.write(`\rrelinking: ${done}/${total} articles`);
        });
        if (tty && s.done > 0) process.stderr.write('\n');
        if (o.json) process.stdout.write(`${JSON.stringify(s)}\n`);
        else process.stdout.write(`relinked ${s.done} of ${count(s.total, 'article')} with events: ${count(s.records, 'record')}\n`);
        // An error, so the exit code says the records are incomplete.
        if (s.interrupted) throw new Error(`relink interrupted: only the first ${s.done} of ${count(s.total, 'article')} are linked; run dossier relink again (it starts from zero)`);
      });
    });
};
