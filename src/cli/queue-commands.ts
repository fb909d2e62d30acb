import type { Command } from 'commander';
import { EXIT_OK, EXIT_SOME_INPUTS_FAILED, UsageError } from '../errors.js';
import type { InputLimits } from '../ingest/input-limits.js';
import type { ReaderName } from '../ingest/raw-article.js';
import type { Analyzer } from '../pipeline/analyze-article.js';
import { parseQueueUrl } from '../queue/queue-url.js';
import type { Store } from '../store/open-store.js';
import { positiveInt } from './cli-arguments.js';
import type { IngestProgress } from './ingest-progress.js';
import { count } from './plural.js';
import { untilStopSignal } from './stop-signal.js';

type WithStore = (work: (store: Store) => Promise<void>) => Promise<void>;

const err = (s: string): void => {
  process.stderr.write(s);
};

/**
 * `dossier ingest --queue <url> <paths...>`: reads and splits the inputs, enqueues one job per
 * article for `dossier worker` processes, prints what it enqueued; the exit code is 1 when some
 * input failed, each named on stderr as `ingest` names them.
 */
export async function ingestToQueue(
  store: Store,
  queueUrl: string,
  files: readonly string[],
  opts: { reader?: ReaderName; stdin?: Buffer; progress: IngestProgress; limits?: Partial<InputLimits> },
): Promise<number> {
  const target = parseQueueUrl(queueUrl);
  const { enqueueFiles } = await import('../queue/enqueue.js');
  const { progress, ...read } = opts;
  // Enqueueing only reads: the one phase it shows.
  const s = await enqueueFiles(store, target, files, {
    ...read,
    onFile: (file, fileIndex, n) => progress.step({ phase: 'reading', file, fileIndex, files: n, done: 0, total: 0 }),
  });
  progress.stop();
  for (const e of s.errors) err(`error: ${e.message} [${e.code}]\n`);
  process.stdout.write(
    `${count(s.files, 'file')}, ${count(s.articles, 'article')} enqueued${s.batch ? ` as batch ${s.batch}` : ''} on ${target.name}, ${count(s.errors.length, 'error')}, ${s.seconds.toFixed(1)} s\n`,
  );
  return s.errors.length > 0 ? EXIT_SOME_INPUTS_FAILED : EXIT_OK;
}

/** `dossier worker`: analyzes and stores queued articles until SIGTERM or SIGINT. */
export function registerQueueCommands(program: Command, withStore: WithStore, analyzer: () => Promise<Analyzer>): void {
  program
    .command('worker')
    .description('Process articles enqueued by `ingest --queue`: run any number, on any machine sharing the store; the store ends up as one `ingest` would leave it')
    .option('--queue <url>', 'the Redis queue: redis://[user:password@]host[:port][/db][?queue=name] (also $DOSSIER_QUEUE)')
    .option('--concurrency <n>', 'jobs held at once by this process', positiveInt, 1)
    .option('--lock-duration <ms>', "a job's lock: a killed worker's job is retried once it expires", positiveInt, 30_000)
    .option('--stalled-interval <ms>', 'how often to look for jobs whose worker died (default: the lock duration)', positiveInt)
    .option('--job-delay-ms <ms>', 'test aid: wait this long at the start of every article job', positiveInt)
    .option('--quiet', 'print errors only, not one line per job')
    .addHelpText('after', '\nExamples:\n  dossier ingest --queue redis://127.0.0.1:6379 corpus/\n  dossier worker --queue redis://127.0.0.1:6379 --concurrency 2 --db news.db')
    .action(async (o: { queue?: string; concurrency: number; lockDuration: number; stalledInterval?: number; jobDelayMs?: number; quiet?: boolean }) => {
      const url = o.queue ?? process.env.DOSSIER_QUEUE;
      if (!url) throw new UsageError('worker needs --queue redis://host:port (or $DOSSIER_QUEUE)');
      if (o.concurrency < 1 || o.lockDuration < 1) throw new UsageError('--concurrency and --lock-duration must be at least 1');
      const target = parseQueueUrl(url);
      // Listening from the start: a signal while the models load ends the worker cleanly too.
      const stopped = untilStopSignal();
      const a = await analyzer();
      const { startIngestWorker } = await import('../queue/ingest-worker.js');
      await withStore(async (store) => {
        const worker = startIngestWorker(store, a, target, {
          concurrency: o.concurrency,
          lockDuration: o.lockDuration,
          stalledInterval: o.stalledInterval,
          jobDelayMs: o.jobDelayMs,
          log: (line) => {
            if (line.startsWith('error:')) err(`${line}\n`);
            else if (!o.quiet) process.stdout.write(`${line}\n`);
          },
        });
        process.stdout.write(`worker ready on ${target.name} (pid ${process.pid})\n`);
        // Graceful: the job in hand is finished (its article staged and written) before exit.
        await stopped;
        await worker.close();
        process.stdout.write('worker closed\n');
      });
    });
}
