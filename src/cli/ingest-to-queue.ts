import { EXIT_OK, EXIT_SOME_INPUTS_FAILED } from '../errors.js';
import type { InputLimits } from '../ingest/input-limits.js';
import type { ReaderName } from '../ingest/raw-article.js';
import { parseQueueUrl } from '../queue/queue-url.js';
import type { Store } from '../store/open-store.js';
import type { IngestProgress } from './ingest-progress.js';
import { count } from './plural.js';

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
