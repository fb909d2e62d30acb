import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { InputError } from '../errors.js';
import type { InputLimits } from '../ingest/input-limits.js';
import type { ReaderName } from '../ingest/raw-article.js';
import { readInputFile } from '../pipeline/ingest-files.js';
import type { Store } from '../store/open-store.js';
import { ARTICLE_JOB, type ArticleJob, articleJobId, WRITE_JOB, type WriteJob } from './ingest-job.js';
import { registerBatch } from './ordered-writes.js';
import type { QueueTarget } from './queue-url.js';

export interface EnqueueSummary {
  files: number;
  articles: number;
  /** The batch key, or null when no article was found. */
  batch: string | null;
  errors: InputError[];
  bytes: number;
  seconds: number;
}

export interface EnqueueOptions {
  readonly reader?: ReaderName;
  readonly stdin?: Buffer;
  /** Overrides of the input limits, as for `ingest`. */
  readonly limits?: Partial<InputLimits>;
  readonly onFile?: (file: string, done: number, total: number) => void;
}

/** How long an article job may fail (store unreachable, lock timeouts) before it is left in the failed set. */
const JOB_OPTIONS = { attempts: 8, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: { count: 10_000 } } as const;
const BULK = 500;

/** Connection options for a short-lived producer: fail after a few tries rather than wait forever. */
export function producerConnection(target: QueueTarget) {
  return { ...target.connection, retryStrategy: (times: number) => (times > 3 ? null : 200 * times), maxRetriesPerRequest: 3 };
}

/**
 * Reads and splits the inputs exactly as `ingest` does (cheap), numbers their articles in that
 * order, and enqueues one job per article. The batch is registered in the store only once every
 * job is on the queue, then a write job follows: a batch cut short by a crash is never written
 * half, and the articles workers analyzed before the batch existed are written by that job.
 */
export async function enqueueFiles(store: Store, target: QueueTarget, files: readonly string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const started = performance.now();
  const batch = `b${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  const summary: EnqueueSummary = { files: 0, articles: 0, batch: null, errors: [], bytes: 0, seconds: 0 };
  const queue = new Queue<ArticleJob | WriteJob>(target.name, { connection: producerConnection(target) });
  // An unreachable Redis is reported by the first add; the event only needs a listener.
  queue.on('error', () => {});
  try {
    for (const [i, file] of files.entries()) {
      options.onFile?.(file, i, files.length);
      summary.files++;
      let articles: ArticleJob['article'][];
      try {
        const read = await readInputFile(file, options);
        summary.bytes += read.bytes;
        summary.errors.push(...read.rejected);
        articles = read.articles;
      } catch (error) {
        summary.errors.push(error instanceof InputError ? error : new InputError('DOSSIER_INPUT_UNREADABLE', { file }, (error as Error).message));
        continue;
      }
      for (let k = 0; k < articles.length; k += BULK) {
        const jobs = articles.slice(k, k + BULK).map((article, j) => {
          const index = summary.articles + k + j;
          return { name: ARTICLE_JOB, data: { batch, index, article }, opts: { ...JOB_OPTIONS, jobId: articleJobId(batch, index) } };
        });
        await queue.addBulk(jobs);
      }
      summary.articles += articles.length;
    }
    if (summary.articles > 0) {
      await registerBatch(store, batch, summary.articles);
      await queue.add(WRITE_JOB, { batch }, { ...JOB_OPTIONS, jobId: `${batch}-write` });
      summary.batch = batch;
    }
  } finally {
    await queue.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
