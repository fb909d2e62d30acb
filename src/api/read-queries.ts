import { actorNetwork, type NetworkFilter } from './actor-network.js';
import { actorDetail, articleDetail } from './detail-reads.js';
import { findResults } from './find-results.js';
import { recordWithReports } from '../records/record-detail-view.js';
import { type RecordPage, recordsPage } from '../records/record-views.js';
import { type ArticleFilter, countArticles, findArticles, searchArticles, storeStats } from '../store/articles-repository.js';
import { countEvents, countQuotes, countReviewQueue, type EventFilter, findEvents, findQuotes, type QuoteFilter, reviewQueue } from '../store/events-queries.js';
import { type ActorFilter, countActors, countTimeline, findActors, findPlaces, type TimelineFilter, timeline } from '../store/mentions-queries.js';
import type { Store } from '../store/open-store.js';
import { outletCounts } from '../store/outlet-counts.js';
import type { RecordFilter } from '../store/records-queries.js';
import { outletSummaries } from '../store/records-queries.js';
import { repeatPairs } from '../store/repeats-queries.js';

/** Which page of a list a read returns. */
interface Slice {
  readonly limit: number;
  readonly offset: number;
}

/** A page of a list and how many the filter keeps in all. */
export interface PageOf<T> {
  items: T[];
  total: number;
}

/** One page of a full result read whole: sliced here, so only the page crosses back from the thread. */
const sliced = <T>(all: readonly T[], s: Slice): PageOf<T> => ({ items: all.slice(s.offset, s.offset + s.limit), total: all.length });

/**
 * The reads the API runs off its own thread (read-runner.ts), by name: each can take seconds on
 * a large store (a sort of every article, a deep page, a filter that reads every annotation),
 * and a name and plain arguments are what can be sent to a worker thread. Each returns plain
 * data (it comes back by structured clone), a list one page of it.
 */
export const READS = {
  /** Full-text search, best first. */
  search: (store: Store, a: { readonly query: string; readonly limit: number }) => searchArticles(store, a.query, a.limit),
  /** One page of the timeline and the count of all its entries. */
  timeline: async (store: Store, a: TimelineFilter & Slice) => ({
    items: await timeline(store, a),
    total: await countTimeline(store, a),
  }),
  /** Counts of every table: each a scan of its table or index. */
  stats: (store: Store, _a: Record<string, never>) => storeStats(store),
  /** One page of the articles (only the rows up to it are read) and the count of all the filter keeps. */
  articles: async (store: Store, { limit, offset, ...f }: Omit<ArticleFilter, 'limit'> & Slice) => ({
    items: (await findArticles(store, { ...f, limit: offset + limit })).slice(offset),
    total: await countArticles(store, f),
  }),
  /** One page of the coded events and their count. */
  events: async (store: Store, { limit, offset, ...f }: EventFilter & Slice) => ({
    items: await findEvents(store, { ...f, limit, offset }),
    total: await countEvents(store, f),
  }),
  /** One page of the quotes and their count. */
  quotes: async (store: Store, { limit, offset, ...f }: QuoteFilter & Slice) => ({
    items: await findQuotes(store, { ...f, limit, offset }),
    total: await countQuotes(store, f),
  }),
  /** One page of the actors; a name filter also matches spellings, which only the full list knows. */
  actors: async (store: Store, { limit, offset, ...f }: Omit<ActorFilter, 'limit' | 'offset'> & Slice) =>
    f.name ? sliced(await findActors(store, f), { limit, offset }) : { items: await findActors(store, { ...f, limit, offset }), total: await countActors(store, f) },
  /** One page of the resolved places. */
  places: async (store: Store, { limit, offset, ...f }: { name?: string; country?: string; precision?: string } & Slice) => sliced(await findPlaces(store, f), { limit, offset }),
  /** One page of the pairs of articles that share passages. */
  repeats: async (store: Store, { limit, offset, outlet }: { outlet?: string } & Slice) => sliced(await repeatPairs(store, { outlet }), { limit, offset }),
  /** One page of the event records and their count. */
  records: (store: Store, { limit, offset, sort, ...f }: RecordFilter & Slice & Pick<RecordPage, 'sort'>) => recordsPage(store, f, { limit, offset, sort }),
  /** One page of the outlets (brief: counts and dates only), by a name they contain. */
  outlets: async (store: Store, { limit, offset, name, brief }: { name?: string; brief: boolean } & Slice) => {
    const all: Array<{ name: string }> = brief ? await outletCounts(store) : await outletSummaries(store);
    const needle = name?.toLowerCase();
    return sliced(needle ? all.filter((o) => o.name.toLowerCase().includes(needle)) : all, { limit, offset });
  },
  /** The actor network (events between two resolved actors folded into edges), or null for an unknown actor. */
  network: (store: Store, f: NetworkFilter) => actorNetwork(store, f),
  /** /api/find: the actors and places a query names, and what they and its words find (a dozen queries). */
  find: (store: Store, a: { readonly q: string; readonly limit: number }) => findResults(store, a.q, a.limit),
  /** One page of the review queue, least sure first, and its length. */
  review: async (store: Store, { threshold, limit, offset }: { readonly threshold: number } & Slice) => ({
    items: await reviewQueue(store, threshold, limit, offset),
    total: await countReviewQueue(store, threshold),
  }),
  // One item by id, or null: an indexed look-up, but the article's page reads all its annotations
  // and the actor's up to 300 events and quotes, and none of it should wait behind a long list.
  /** One article with its annotations, events and quotes. */
  article: (store: Store, { id }: { readonly id: string }) => articleDetail(store, id),
  /** One event, rejected or not. */
  event: async (store: Store, { id }: { readonly id: string }) => (await findEvents(store, { id, includeRejected: true }))[0] ?? null,
  /** One event record with its reports. */
  record: (store: Store, { id }: { readonly id: string }) => recordWithReports(store, id),
  /** One actor with its events as source and target and its quotes. */
  actor: (store: Store, { id }: { readonly id: string }) => actorDetail(store, id),
} as const;

export type ReadName = keyof typeof READS;
export type ReadArgs<N extends ReadName> = Parameters<(typeof READS)[N]>[1];
export type ReadResult<N extends ReadName> = Awaited<ReturnType<(typeof READS)[N]>>;

/** Runs a read by name; the one place a name becomes a call, so the thread and the inline runner agree. */
export function runRead<N extends ReadName>(store: Store, name: N, args: ReadArgs<N>): Promise<ReadResult<N>> {
  const read = READS[name] as (store: Store, args: ReadArgs<N>) => Promise<ReadResult<N>>;
  return read(store, args);
}
