import { searchArticles, storeStats } from '../store/articles-repository.js';
import { countTimeline, type TimelineFilter, timeline } from '../store/mentions-queries.js';
import type { Store } from '../store/open-store.js';

/**
 * The reads the API runs off its own thread (read-runner.ts), by name: each can take seconds on
 * a large store, and a name and plain arguments are what can be sent to a worker thread. Each
 * returns plain data (it comes back by structured clone).
 */
export const READS = {
  /** Full-text search, best first. */
  search: (store: Store, a: { readonly query: string; readonly limit: number }) => searchArticles(store, a.query, a.limit),
  /** One page of the timeline and the count of all its entries. */
  timeline: async (store: Store, a: TimelineFilter & { readonly limit: number; readonly offset: number }) => ({
    items: await timeline(store, a),
    total: await countTimeline(store, a),
  }),
  /** Counts of every table: each a scan of its table or index. */
  stats: (store: Store, _a: Record<string, never>) => storeStats(store),
} as const;

export type ReadName = keyof typeof READS;
export type ReadArgs<N extends ReadName> = Parameters<(typeof READS)[N]>[1];
export type ReadResult<N extends ReadName> = Awaited<ReturnType<(typeof READS)[N]>>;

/** Runs a read by name; the one place a name becomes a call, so the thread and the inline runner agree. */
export function runRead<N extends ReadName>(store: Store, name: N, args: ReadArgs<N>): Promise<ReadResult<N>> {
  const read = READS[name] as (store: Store, args: ReadArgs<N>) => Promise<ReadResult<N>>;
  return read(store, args);
}
