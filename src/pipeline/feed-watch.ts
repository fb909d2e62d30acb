import { InputError } from '../errors.js';
import { articleId } from '../ingest/article-id.js';
import { type FeedPoll, pollFeed } from '../ingest/feed-poll.js';
import { type FeedState, formatDuration, isDue, nextFeedState, type ScheduleOptions } from '../ingest/feed-schedule.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { loadFeedStates, recordFeedItems, saveFeedState, seenItemKeys, storedArticleIds } from '../store/feeds-repository.js';
import type { Store } from '../store/open-store.js';
import type { Analyzer } from './analyze-article.js';
import { saveRawArticles } from './ingest-files.js';

export interface WatchOptions {
  readonly analyzer: Analyzer;
  /** Interval between polls of a healthy feed. */
  readonly everyMs: number;
  /** Poll every feed once, now, whatever its schedule, then return. */
  readonly once?: boolean;
  /** Return after this many polls (GETs) in all, counted over every feed. */
  readonly maxPolls?: number;
  /** Stops the watcher: a request in flight is dropped, a save in progress finishes. */
  readonly signal?: AbortSignal;
  /** One line per poll, and warnings. */
  readonly log?: (line: string) => void;
  /** Each poll's report, after its state is saved. */
  readonly onPoll?: (report: FeedPollReport) => void;
  readonly now?: () => Date;
  /** Waits until the next feed is due; resolves early when `signal` aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
  readonly random?: () => number;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/** What one poll of one feed did. */
export interface FeedPollReport {
  readonly url: string;
  readonly kind: FeedPoll['kind'];
  /** Articles stored by this poll. */
  readonly fresh: number;
  /** Items recognised: seen in this feed before, or their article already stored. */
  readonly known: number;
  readonly rejected: readonly InputError[];
  readonly error: InputError | null;
  /** The state saved after the poll. */
  readonly state: FeedState;
}

export interface WatchSummary {
  polls: number;
  failedPolls: number;
  fresh: number;
  known: number;
  /** Feeds whose last poll in this run failed. */
  failingFeeds: string[];
  stopped: boolean;
}

/**
 * The key that says "this item again" within one feed: its RSS guid or Atom id, else its link,
 * else its article id. Feeds re-send items with a corrected typo or a longer summary; keyed by
 * guid or link, such an edit is not a new item. Only an item with neither falls back to its
 * content, and then an edited text does count as new.
 */
export function feedItemKey(raw: RawArticle): string {
  const id = raw.extra.guid ?? raw.extra.id;
  if (typeof id === 'string' && id.trim() !== '') return `id:${id.trim()}`;
  if (raw.url !== null) return `url:${raw.url}`;
  return `article:${articleId(raw)}`;
}

/**
 * Polls one feed and stores what is new: the articles, the items remembered and the feed's
 * new state (validators, backoff) go in one transaction. Null when the watcher was stopped
 * before anything was saved.
 */
export async function pollAndIngest(store: Store, state: FeedState, options: WatchOptions): Promise<FeedPollReport | null> {
  const now = (options.now ?? (() => new Date()))();
  const schedule: ScheduleOptions = { everyMs: options.everyMs, random: options.random };
  const poll = await pollFeed(state, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, now: () => now, signal: options.signal });
  if (options.signal?.aborted) return null;
  const at = now.toISOString();
  const failure = async (error: InputError, retryAfterMs: number | null): Promise<FeedPollReport> => {
    const next = nextFeedState(state, { kind: 'failed', message: error.message, retryAfterMs }, now, schedule);
    await saveFeedState(store, next);
    return { url: state.url, kind: 'failed', fresh: 0, known: 0, rejected: [], error, state: next };
  };
  if (poll.kind === 'failed') return failure(poll.error, poll.retryAfterMs);
  if (poll.kind === 'not-modified') {
    const next = nextFeedState(state, { kind: 'not-modified' }, now, schedule);
    await saveFeedState(store, next);
    return { url: state.url, kind: 'not-modified', fresh: 0, known: 0, rejected: [], error: null, state: next };
  }

  const items = distinctItems(poll.articles);
  const seen = await seenItemKeys(store, state.url, items.map((i) => i.key));
  const unseen = items.filter((i) => !seen.has(i.key));
  const stored = await storedArticleIds(store, unseen.map((i) => i.id));
  const ids = new Set<string>();
  const toSave = unseen.filter((i) => !stored.has(i.id) && !ids.has(i.id) && ids.add(i.id));
  const next = nextFeedState(state, { kind: 'ok', etag: poll.etag, lastModified: poll.lastModified, itemsSeen: unseen.length }, now, schedule);
  try {
    const saved = await saveRawArticles(
      store,
      toSave.map((i) => i.raw),
      {
        analyzer: options.analyzer,
        now: at,
        within: async (trx) => {
          // The validators go in with the items: were they saved alone, a crash between the
          // two would leave items the server will never send again (it answers 304).
          await saveFeedState(trx, next);
          await recordFeedItems(trx, state.url, unseen.map((i) => ({ key: i.key, articleId: i.id })), at);
        },
      },
    );
    return { url: state.url, kind: 'ok', fresh: saved.fresh, known: poll.articles.length - saved.fresh, rejected: poll.rejected, error: null, state: next };
  } catch (error) {
    const reason = `could not store the feed's items (${error instanceof Error ? error.message : String(error)})`;
    return failure(new InputError('DOSSIER_INPUT_UNREADABLE', { file: state.url }, reason), null);
  }
}

interface Item {
  readonly raw: RawArticle;
  readonly key: string;
  readonly id: string;
}

function distinctItems(articles: readonly RawArticle[]): Item[] {
  const byKey = new Map<string, Item>();
  for (const raw of articles) {
    const key = feedItemKey(raw);
    if (!byKey.has(key)) byKey.set(key, { raw, key, id: articleId(raw) });
  }
  return [...byKey.values()];
}

/** "feed <url>: 3 new, 12 known" / "feed <url>: not modified" / "feed <url>: failed (HTTP 503), retry in 20m". */
export function pollLine(report: FeedPollReport): string {
  const head = `feed ${report.url}: `;
  if (report.kind === 'not-modified') return `${head}not modified`;
  if (report.kind === 'ok') {
    const rejected = report.rejected.length > 0 ? `, ${report.rejected.length} rejected` : '';
    return `${head}${report.fresh} new, ${report.known} known${rejected}`;
  }
  const e = report.error;
  const reason = e === null ? 'unknown error' : e.location.line !== undefined ? `line ${e.location.line}: ${e.reason}` : e.reason;
  const { nextPollAt, lastPolledAt } = report.state;
  const wait = nextPollAt === null || lastPolledAt === null ? 0 : Date.parse(nextPollAt) - Date.parse(lastPolledAt);
  return `${head}failed (${reason}), retry in ${formatDuration(wait)}`;
}

/**
 * Watches feeds until stopped: polls each one when it is due, one at a time, and sleeps until
 * the next is due. A failing feed backs off alone; the others go on at their own pace.
 */
export async function watchFeeds(store: Store, feedUrls: readonly string[], options: WatchOptions): Promise<WatchSummary> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? sleepFor;
  const log = options.log ?? (() => {});
  const stopped = (): boolean => options.signal?.aborted === true;
  const states = await loadFeedStates(store, [...new Set(feedUrls)]);
  const summary: WatchSummary = { polls: 0, failedPolls: 0, fresh: 0, known: 0, failingFeeds: [], stopped: false };
  const failing = new Set<string>();
  const limitReached = (): boolean => options.maxPolls !== undefined && summary.polls >= options.maxPolls;

  const pollOne = async (i: number): Promise<boolean> => {
    const report = await pollAndIngest(store, states[i]!, options);
    if (report === null) return false;
    states[i] = report.state;
    summary.polls++;
    summary.fresh += report.fresh;
    summary.known += report.known;
    if (report.kind === 'failed') {
      summary.failedPolls++;
      failing.add(report.url);
    } else failing.delete(report.url);
    log(pollLine(report));
    for (const r of report.rejected) log(`warning: ${r.message}`);
    options.onPoll?.(report);
    return true;
  };

  if (options.once) {
    for (let i = 0; i < states.length && !stopped() && !limitReached(); i++) await pollOne(i);
  } else {
    while (!stopped() && !limitReached()) {
      const at = now();
      const due = states.flatMap((s, i) => (isDue(s, at) ? [i] : []));
      if (due.length === 0) {
        await sleep(untilNextDue(states, at), options.signal);
        continue;
      }
      for (const i of due) {
        if (stopped() || limitReached()) break;
        if (!(await pollOne(i))) break;
      }
    }
  }
  summary.stopped = stopped();
  summary.failingFeeds = [...failing];
  return summary;
}

function untilNextDue(states: readonly FeedState[], now: Date): number {
  const times = states.map((s) => (s.nextPollAt === null ? now.getTime() : Date.parse(s.nextPollAt)));
  return Math.max(0, Math.min(...times) - now.getTime());
}

function sleepFor(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
