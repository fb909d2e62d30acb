import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { articleId } from '../ingest/article-id.js';
import type { Analyzer } from '../pipeline/analyze-article.js';
import { StoryMemo } from '../records/story-memo.js';
import type { Store } from '../store/open-store.js';
import { ARTICLE_JOB, type ArticleJob, articleJob, WRITE_JOB, type WriteJob, writeJob } from './ingest-job.js';
import { isStagedOrWritten, type StagedArticle, serializeAnalyzed, stageArticle, type WriteOutcome, writeDueArticles } from './ordered-writes.js';
import type { QueueTarget } from './queue-url.js';

export interface IngestWorkerOptions {
  /** Jobs one process holds at once (analysis is synchronous: more than 1 only overlaps I/O). */
  readonly concurrency?: number;
  /** How long a job's lock lives without renewal: a killed worker's job is retried after this. */
  readonly lockDuration?: number;
  /** How often stalled jobs (lock expired) are looked for; defaults to the lock duration. */
  readonly stalledInterval?: number;
  /** Test aid: wait this long at the start of every article job, so a test can kill a worker mid-job. */
  readonly jobDelayMs?: number;
  /** One line per event: job started, article written, error. */
  readonly log?: (line: string) => void;
}

export interface IngestWorker {
  /** Finishes the jobs in hand, takes no more, and disconnects. */
  close(): Promise<void>;
}

/**
 * A queue worker: analyzes article jobs with the same stage functions as `ingest`, stages the
 * result, then writes every staged article whose turn has come (see ordered-writes.ts).
 */
export function startIngestWorker(store: Store, analyzer: Analyzer, target: QueueTarget, options: IngestWorkerOptions = {}): IngestWorker {
  const log = options.log ?? (() => {});
  const lockDuration = options.lockDuration ?? 30_000;
  const onWrite = (o: WriteOutcome): void => log(`wrote ${o.batch}#${o.index} ${o.articleId} ${o.result}${o.error ? `: ${o.error}` : ''}`);
  // This worker's stories read for the articles it wrote, for its lifetime: a story another
  // worker changed since has another content digest, and is read again (see writeDueArticles).
  const stories = new StoryMemo();

  const process = async (job: Job<ArticleJob | WriteJob>): Promise<number> => {
    if (job.name === WRITE_JOB) {
      if (!writeJob.safeParse(job.data).success) throw new UnrecoverableError(`job ${job.id}: not a write job`);
      return (await writeDueArticles(store, analyzer, onWrite, stories)).length;
    }
    if (job.name !== ARTICLE_JOB) throw new UnrecoverableError(`job ${job.id}: unknown job name "${job.name}"`);
    const parsed = articleJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`job ${job.id}: bad article job: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const { batch, index, article } = parsed.data;
    log(`job ${job.id} started (attempt ${job.attemptsStarted})`);
    if (options.jobDelayMs) await new Promise((resolve) => setTimeout(resolve, options.jobDelayMs));
    if (!(await isStagedOrWritten(store, batch, index))) await stageArticle(store, batch, index, analyze(analyzer, article));
    const written = await writeDueArticles(store, analyzer, onWrite, stories);
    log(`job ${job.id} done`);
    return written.length;
  };

  const worker = new Worker<ArticleJob | WriteJob, number>(target.name, process, {
    connection: { ...target.connection, maxRetriesPerRequest: null },
    concurrency: options.concurrency ?? 1,
    lockDuration,
    stalledInterval: options.stalledInterval ?? lockDuration,
    // A job lost to a killed worker is retried, not failed: a crash is not the article's fault.
    maxStalledCount: 10,
  });
  worker.on('error', (error) => log(`error: ${error.message}`));
  worker.on('failed', (job, error) => log(`error: job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`));
  return { close: () => worker.close() };
}

/** The analysis, or why there is none: a deterministic failure is staged, not retried. */
function analyze(analyzer: Analyzer, article: ArticleJob['article']): StagedArticle {
  try {
    const a = analyzer.analyze(article);
    return { articleId: a.id, payload: serializeAnalyzed(a) };
  } catch (error) {
    const p = article.provenance;
    return { articleId: articleId(article), error: `${p.file}:${p.startLine}: analysis failed: ${(error as Error).message}` };
  }
}
