import { EXIT_OK, UsageError } from '../../errors.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../ingest/input-limits.js';
import { READER_NAMES, type ReaderName } from '../../ingest/raw-article.js';
import { positiveInt } from '../cli-arguments.js';
import { sigintBreaker } from '../sigint-breaker.js';
import type { DefineCommand } from '../cli-context.js';
import { count } from '../plural.js';

type IngestOptions = { reader?: string; queue?: string; quiet?: boolean; progressEvery: number } & Partial<InputLimits>;

/** `dossier ingest <paths...>`: read, analyse and store, or enqueue for workers with --queue. */
export const define: DefineCommand = (command, context) => {
  command
    .argument('<paths...>')
    .option('--reader <name>', `force a reader: ${READER_NAMES.join(', ')}`)
    .option('--queue <url>', 'enqueue the articles on Redis (redis://host:port[/db]) for `dossier worker` processes instead of analyzing them here')
    .option('--quiet', 'no progress on stderr (the summary and errors still print)')
    .option('--progress-every <seconds>', 'off a terminal, a progress line on stderr every <seconds> once the run is that long (0: at every step)', positiveInt, 10)
    .option('--max-input-bytes <n>', `refuse an input larger than n bytes after decompression (default ${DEFAULT_INPUT_LIMITS.maxInputBytes})`, positiveInt)
    .option('--max-line-bytes <n>', `refuse an input with a line longer than n bytes (default ${DEFAULT_INPUT_LIMITS.maxLineBytes})`, positiveInt)
    .option('--max-article-chars <n>', `cut an article longer than n characters, with a warning (default ${DEFAULT_INPUT_LIMITS.maxArticleChars})`, positiveInt)
    .option('--max-articles-per-file <n>', `refuse an input of more than n articles (default ${DEFAULT_INPUT_LIMITS.maxArticlesPerFile})`, positiveInt)
    .addHelpText('after', '\nExamples:\n  dossier ingest digest.txt\n  dossier ingest feeds/ "pages/*.html" --db news.db\n  cat export.jsonl | dossier ingest - --reader jsonl')
    .action(async (paths: string[], opts: IngestOptions) => {
      const limits: Partial<InputLimits> = Object.fromEntries(
        (Object.keys(DEFAULT_INPUT_LIMITS) as Array<keyof InputLimits>).flatMap((k) => (opts[k] === undefined ? [] : [[k, opts[k]]])),
      );
      // The summary's time is the whole run, loading the models and gazetteer included.
      const started = performance.now();
      if (opts.reader && !READER_NAMES.includes(opts.reader as ReaderName)) throw new UsageError(`unknown reader "${opts.reader}"; one of ${READER_NAMES.join(', ')}`);
      const reader = opts.reader as ReaderName | undefined;
      // Readers, models and gazetteer load only when there is text to read.
      const [{ expandInputs, ingestFiles }, { inputSizes, progressBar, progressLines, silentProgress }] = await Promise.all([
        import('../../pipeline/ingest-files.js'),
        import('../ingest-progress.js'),
      ]);
      const files = await expandInputs(paths);
      const stdin = files.includes('-') ? await readStdin() : undefined;
      const tty = process.stderr.isTTY === true;
      const show = { sizes: inputSizes(files), everyMs: opts.progressEvery * 1000 };
      const progress = opts.quiet ? silentProgress : tty ? progressBar(show) : progressLines(show);
      if (opts.queue) {
        const queueUrl = opts.queue;
        const { ingestToQueue } = await import('../ingest-to-queue.js');
        await context.withStore(async (store) => {
          if ((await ingestToQueue(store, queueUrl, files, { reader, stdin, progress, limits })) !== EXIT_OK) context.someInputsFailed();
        });
        return;
      }
      const analyzer = await context.analyzer();
      const store = await context.openStore();
      let stop = false;
      const stopping = new AbortController();
      const onSigint = (signal: NodeJS.Signals): void => {
        // A second signal is someone who will not wait: the open transaction is rolled back by
        // the database (SQLite's journal, PostgreSQL's dropped connection), so exiting is safe.
        if (stop) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
        stop = true;
        stopping.abort(signal);
        process.stderr.write(`\ndossier: ${signal}: saving what is analysed and stopping (again to quit at once)\n`);
      };
      // The article in hand is dropped at the signal: Ctrl-C ends its analysis where it is, SIGTERM
      // at its next stage; the articles analysed before it are saved as at a stop between two.
      const interrupt = { signal: stopping.signal, within: sigintBreaker(() => onSigint('SIGINT')) };
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigint);
      try {
        const s = await ingestFiles(store, files, {
          reader,
          analyzer,
          stdin,
          limits,
          interrupt,
          onStep: (step) => progress.step(step),
          onKnowledgeLoading: () => progress.knowledgeLoading(),
        });
        progress.stop();
        for (const w of s.warnings) process.stderr.write(`warning: ${w}\n`);
        for (const e of s.errors) process.stderr.write(`error: ${e.message} [${e.code}]\n`);
        if (s.storageError) process.stderr.write(`error: ${s.storageError.message} [${s.storageError.code}]\n`);
        const seconds = (performance.now() - started) / 1000;
        const mb = s.bytes / 1e6;
        // A rate says something only for a run long enough to measure one: a few small files read in no time.
        const rate = mb >= 1 ? ` (${mb.toFixed(1)} MB, ${(mb / Math.max(s.seconds, 1e-9)).toFixed(2)} MB/s reading and analysing)` : '';
        process.stdout.write(
          `${count(s.files, 'file')}, ${count(s.articlesNew, 'article')} new, ${s.articlesKnown} already known, ${count(s.errors.length, 'error')}, ${seconds.toFixed(1)} s${rate}${s.storageError ? ', stopped by a storage error' : stop ? ', interrupted' : ''}\n`,
        );
        if (s.errors.length > 0 || s.storageError || stop) context.someInputsFailed();
      } finally {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
        await store.destroy();
      }
    });
};

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
