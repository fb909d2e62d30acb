import { delimiter } from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerServeCommand } from '../api/serve-command.js';
import { EXIT_OK, EXIT_SOME_INPUTS_FAILED, EXIT_USAGE, exitCodeOf, NotFoundError, UsageError } from '../errors.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../ingest/input-limits.js';
import type { ReaderName } from '../ingest/raw-article.js';
import { READER_NAMES } from '../ingest/raw-article.js';
import { findArticles, getArticle, type StoreStats, searchArticles, storeStats } from '../store/articles-repository.js';
import { findEvents, findQuotes } from '../store/events-queries.js';
import { articleAnnotations } from '../store/mentions-queries.js';
import { openStore, type Store, storePath } from '../store/open-store.js';
import { isoDate, positiveInt } from './cli-arguments.js';
import { registerEvalCommands } from './eval-commands.js';
import { registerEventCommands } from './event-commands.js';
import { registerExportCommands } from './export-commands.js';
import { registerMentionCommands } from './mention-commands.js';
import { count } from './plural.js';
import { inputSizes, progressBar, progressLines, silentProgress } from './ingest-progress.js';
import { printArticle, printArticles, printHits } from './print-articles.js';
import { ingestToQueue, registerQueueCommands } from './queue-commands.js';
import { registerRecordCommands } from './record-commands.js';
import { registerWatchCommands } from './watch-commands.js';

/** Runs the CLI and returns its exit code: 0 all went in, 1 some inputs failed, 2 usage. */
export async function main(argv: readonly string[]): Promise<number> {
  let code = EXIT_OK;
  const program = new Command('dossier')
    .description('Turn raw news into a sourced, queryable record.')
    .option('--db <path|url>', 'SQLite database file, or a postgres:// URL (default: $DOSSIER_DB or ./dossier.db)')
    .option('--registry <files...>', 'your actor registry files (YAML or JSON), applied over the shipped actors (also $DOSSIER_REGISTRY, separated by the path delimiter)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const registryFiles = (): string[] => program.opts<{ registry?: string[] }>().registry ?? (process.env.DOSSIER_REGISTRY ?? '').split(delimiter).filter(Boolean);
  // The models and gazetteer load only for the commands that analyze text.
  const fullAnalyzer = async () => {
    const [{ loadKnowledge }, { createAnalyzer }] = await Promise.all([import('../pipeline/load-knowledge.js'), import('../pipeline/analyze-article.js')]);
    return createAnalyzer(loadKnowledge({ registryFiles: registryFiles() }));
  };
  const db = () => openStore(storePath(program.opts<{ db?: string }>().db));
  // Every read command opens the store, does one thing, and closes it whatever happens.
  const withStore = async (work: (store: Store) => Promise<void>): Promise<void> => {
    const store = await db();
    try {
      await work(store);
    } finally {
      await store.destroy();
    }
  };

  program
    .command('ingest')
    .description('Read news files (digest, HTML, RSS/Atom, JSONL, text, Reuters SGML, .gz), folders, globs or - for stdin, and store their articles')
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
    .action(async (paths: string[], opts: { reader?: string; queue?: string; quiet?: boolean; progressEvery: number } & Partial<InputLimits>) => {
      const limits: Partial<InputLimits> = Object.fromEntries(
        (Object.keys(DEFAULT_INPUT_LIMITS) as Array<keyof InputLimits>).flatMap((k) => (opts[k] === undefined ? [] : [[k, opts[k]]])),
      );
      // The summary's time is the whole run, loading the models and gazetteer included.
      const started = performance.now();
      if (opts.reader && !READER_NAMES.includes(opts.reader as ReaderName)) throw new UsageError(`unknown reader "${opts.reader}"; one of ${READER_NAMES.join(', ')}`);
      // Readers, models and gazetteer load only when there is text to read.
      const { expandInputs, ingestFiles } = await import('../pipeline/ingest-files.js');
      const files = await expandInputs(paths);
      const stdin = files.includes('-') ? await readStdin() : undefined;
      const tty = process.stderr.isTTY === true;
      const show = { sizes: inputSizes(files), everyMs: opts.progressEvery * 1000 };
      const progress = opts.quiet ? silentProgress : tty ? progressBar(show) : progressLines(show);
      if (opts.queue) {
        const queueUrl = opts.queue;
        await withStore(async (store) => {
          code = await ingestToQueue(store, queueUrl, files, { reader: opts.reader as ReaderName | undefined, stdin, progress, limits });
        });
        return;
      }
      progress.knowledgeLoading();
      const analyzer = await fullAnalyzer();
      const store = await db();
      let stop = false;
      const onSigint = (): void => {
        stop = true;
      };
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigint);
      try {
        const s = await ingestFiles(store, files, {
          reader: opts.reader as ReaderName | undefined,
          analyzer,
          stdin,
          limits,
          shouldStop: () => stop,
          onStep: (step) => progress.step(step),
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
        if (s.errors.length > 0 || s.storageError || stop) code = EXIT_SOME_INPUTS_FAILED;
      } finally {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
        await store.destroy();
      }
    });

  program
    .command('articles')
    .description('List stored articles')
    .option('--outlet <name>', 'outlet name contains')
    .option('--author <name>', 'author name contains')
    .option('--from <date>', 'on or after (YYYY[-MM[-DD]])', isoDate)
    .option('--to <date>', 'on or before (YYYY[-MM[-DD]])', isoDate)
    .option('--sort <key>', 'date, -date (default), title, outlet', '-date')
    .option('--limit <n>', 'at most n articles', positiveInt)
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  dossier articles --outlet "press tv" --from 2020-04 --json\n  dossier articles --sort title --limit 20')
    .action(async (opts: { outlet?: string; author?: string; from?: string; to?: string; sort: string; limit?: number; json?: boolean }) => {
      if (!['date', '-date', 'title', 'outlet'].includes(opts.sort)) throw new UsageError(`unknown sort "${opts.sort}"`);
      await withStore(async (store) => printArticles(await findArticles(store, { ...opts, sort: opts.sort as 'date' }), opts.json === true));
    });

  program
    .command('show')
    .description('Show one article: metadata, provenance, text with entities, places, times and repeated passages marked')
    .argument('<id>')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  dossier show a_1234abcd --json')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withStore(async (store) => {
        const article = await getArticle(store, id);
        if (!article) throw new NotFoundError('article', id, ' (see dossier articles)');
        const claims = { events: await findEvents(store, { articleId: id, includeRejected: true }), quotes: await findQuotes(store, { articleId: id, includeRejected: true }) };
        printArticle(article, await articleAnnotations(store, id), claims, opts.json === true);
      });
    });

  program
    .command('search')
    .description('Full-text search: ranked hits with snippets ("quoted phrases", OR, NOT, prefix*)')
    .argument('<query>')
    .option('--limit <n>', 'at most n hits', positiveInt, 20)
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  dossier search "air defense"\n  dossier search \'"S-400" AND Iraq\' --json')
    .action(async (query: string, opts: { limit: number; json?: boolean }) => {
      await withStore(async (store) => {
        const hits = await searchArticles(store, query, opts.limit);
        printHits(hits, opts.json === true);
      });
    });

  program
    .command('stats')
    .description('Counts of what the store holds')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withStore(async (store) => {
        const s = await storeStats(store);
        // A breakdown reads as "digest 6, html 2", not as JSON.
        const text = (v: StoreStats[keyof StoreStats]): string => (v !== null && typeof v === 'object' ? Object.entries(v).map(([k, n]) => `${k} ${n}`).join(', ') || '-' : String(v ?? '-'));
        process.stdout.write(opts.json ? `${JSON.stringify(s, null, 2)}\n` : `${Object.entries(s).map(([k, v]) => `${k}: ${text(v)}`).join('\n')}\n`);
      });
    });

  program
    .command('reanalyze')
    .description('Run the annotation stages again over stored articles (after upgrading Dossier or editing --registry files)')
    .option('--force', 'rewrite every article, not only those made by older stage versions')
    .action(async (opts: { force?: boolean }) => {
      const analyzer = await fullAnalyzer();
      const { reanalyzeStored } = await import('../pipeline/reanalyze.js');
      await withStore(async (store) => {
        const s = await reanalyzeStored(store, analyzer, { force: opts.force === true });
        for (const id of s.skipped) process.stderr.write(`warning: ${id}: stored text does not normalize to itself; left as it was\n`);
        process.stdout.write(`${count(s.articles, 'article')}, ${s.updated} re-annotated, ${s.skipped.length} skipped, ${s.seconds.toFixed(1)} s\n`);
      });
    });

  registerMentionCommands(program, withStore);
  registerEventCommands(program, withStore);
  registerRecordCommands(program, withStore);
  registerExportCommands(program, withStore);
  registerQueueCommands(program, withStore, fullAnalyzer);
  registerWatchCommands(program, withStore, { analyzer: fullAnalyzer, failed: () => { code = EXIT_SOME_INPUTS_FAILED; } });

  registerServeCommand(program, { storePath: () => storePath(program.opts<{ db?: string }>().db), analyzer: fullAnalyzer });
  registerEvalCommands(program, () => {
    code = EXIT_SOME_INPUTS_FAILED;
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    // One prefix for every error, as commander and the per-file ingest errors write it; the exit code is the catalogue's.
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return exitCodeOf(error);
  }
  return code;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
