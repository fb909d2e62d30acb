import { InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors.js';
import { parseDuration } from '../../ingest/feed-schedule.js';
import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';
import { count } from '../plural.js';

const DEFAULT_EVERY_MS = 10 * 60_000;

const duration = (v: string): number => {
  const ms = parseDuration(v);
  if (ms === null) throw new InvalidArgumentError('expected a duration such as 30s, 10m, 1h or 1h30m');
  return ms;
};

/** Only http(s): a watcher that read local files would be `ingest` in a loop, with none of its checks. */
export function feedUrlOrThrow(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`"${raw}" is not a URL; dossier watch takes http(s) feed addresses (use dossier ingest for files)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`"${raw}": only http and https feeds can be watched, not ${url.protocol} (use dossier ingest for files)`);
  }
  return url.href;
}

/** `dossier watch <feed-url...>`. */
export const define: DefineCommand = (command, context) => {
  command
    .argument('<feed-urls...>')
    .option('--every <duration>', 'interval between polls of a feed: 30s, 10m, 1h, 1h30m (default: 10m)', duration)
    .option('--once', 'poll every feed once now, then exit (exit 1 if any failed)')
    .option('--max-polls <n>', 'exit after n polls in all', positiveInt)
    .addHelpText(
      'after',
      '\nExamples:\n  dossier watch https://news.example.org/rss.xml --every 15m\n  dossier watch https://a.example/feed https://b.example/atom --once --db news.db',
    )
    .action(async (rawUrls: string[], opts: { every?: number; once?: boolean; maxPolls?: number }) => {
      const urls = rawUrls.map(feedUrlOrThrow);
      if (opts.maxPolls === 0) throw new UsageError('--max-polls must be at least 1');
      const { watchFeeds } = await import('../../pipeline/feed-watch.js');
      const analyzer = await context.analyzer();
      // Everything loaded before the first poll, as the feeds' answers wait for no one.
      analyzer.knowledge?.preload();
      await context.withStore(async (store) => {
        const stop = new AbortController();
        const onSignal = (): void => {
          if (!stop.signal.aborted) process.stderr.write('watch: stopping after the current save\n');
          stop.abort();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
          const s = await watchFeeds(store, urls, {
            analyzer,
            everyMs: opts.every ?? DEFAULT_EVERY_MS,
            once: opts.once === true,
            maxPolls: opts.maxPolls,
            signal: stop.signal,
            log: (line) => process.stderr.write(`${line}\n`),
          });
          process.stdout.write(
            `${count(s.polls, 'poll')}, ${count(s.fresh, 'article')} new, ${s.known} already known, ${s.failedPolls} failed${s.stopped ? ', stopped' : ''}\n`,
          );
          if (opts.once && s.failingFeeds.length > 0) context.someInputsFailed();
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      });
    });
};
