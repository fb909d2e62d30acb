import { UsageError } from '../../errors.js';
import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

type WorkerOptions = { queue?: string; concurrency: number; lockDuration: number; stalledInterval?: number; jobDelayMs?: number; quiet?: boolean };

/** `dossier worker`: analyzes and stores queued articles until SIGTERM or SIGINT. */
export const define: DefineCommand = (command, context) => {
  command
    .option('--queue <url>', 'the Redis queue: redis://[user:password@]host[:port][/db][?queue=name] (also $DOSSIER_QUEUE)')
    .option('--concurrency <n>', 'jobs held at once by this process', positiveInt, 1)
    .option('--lock-duration <ms>', "a job's lock: a killed worker's job is retried once it expires", positiveInt, 30_000)
    .option('--stalled-interval <ms>', 'how often to look for jobs whose worker died (default: the lock duration)', positiveInt)
    .option('--job-delay-ms <ms>', 'test aid: wait this long at the start of every article job', positiveInt)
    .option('--quiet', 'print errors only, not one line per job')
    .addHelpText('after', '\nExamples:\n  dossier ingest --queue redis://127.0.0.1:6379 corpus/\n  dossier worker --queue redis://127.0.0.1:6379 --concurrency 2 --db news.db')
    .action(async (o: WorkerOptions) => {
      const url = o.queue ?? process.env.DOSSIER_QUEUE;
      if (!url) throw new UsageError('worker needs --queue redis://host:port (or $DOSSIER_QUEUE)');
      if (o.concurrency < 1 || o.lockDuration < 1) throw new UsageError('--concurrency and --lock-duration must be at least 1');
      const [{ parseQueueUrl }, { untilStopSignal }] = await Promise.all([import('../../queue/queue-url.js'), import('../stop-signal.js')]);
      const target = parseQueueUrl(url);
      // Listening from the start: a signal while the models load ends the worker cleanly too.
      const stopped = untilStopSignal();
      const a = await context.analyzer();
      // Everything loaded before the first job: no job waits for the gazetteer.
      a.knowledge?.preload();
      const { startIngestWorker } = await import('../../queue/ingest-worker.js');
      await context.withStore(async (store) => {
        const worker = startIngestWorker(store, a, target, {
          concurrency: o.concurrency,
          lockDuration: o.lockDuration,
          stalledInterval: o.stalledInterval,
          jobDelayMs: o.jobDelayMs,
          log: (line) => {
            if (line.startsWith('error:')) process.stderr.write(`${line}\n`);
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
};
