import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { DossierError, errorCodeOf, isErrorCode } from '../errors.js';
import type { SearchHit } from '../store/articles-repository.js';
import { dialectOf } from '../store/dialect.js';
import { parseBoundedSearch } from '../store/search-query.js';
import { type DataVersionProbe, sqliteDataVersion } from '../store/sqlite-data-version.js';
import type { Store } from '../store/open-store.js';
import { createReadCache } from './read-cache.js';
import { type ReadArgs, type ReadName, type ReadResult, runRead } from './read-queries.js';

export interface ReadRequest {
  readonly id: number;
  readonly name: ReadName;
  readonly args: unknown;
}

export type ReadReply = { readonly id: number; readonly result: unknown } | { readonly id: number; readonly error: { readonly code: string; readonly message: string } };

/** What a read thread posts once its connection is open and it can take reads. */
export type ReadyMessage = { readonly ready: true };

/** A reply's error as raised in the thread: by its catalogue code, which crosses the thread boundary as a string. */
const errorOfReply = (error: { readonly code: string; readonly message: string }): Error =>
  isErrorCode(error.code) && error.code !== 'DOSSIER_INTERNAL' ? new DossierError(error.code, error.message) : new Error(error.message);

/** Runs the API's heavy reads (read-queries.ts) for its routes; `close` ends its threads. */
export interface ReadRunner {
  read<N extends ReadName>(name: N, args: ReadArgs<N>): Promise<ReadResult<N>>;
  search(query: string, limit: number): Promise<SearchHit[]>;
  close(): Promise<void>;
}

export interface ReadRunnerOptions {
  /** Threads for the lists, the timeline, the stats and the look-ups; a read that finds them all busy waits for one, within its budget. */
  readonly threads: number;
  /**
   * Threads of their own for the searches (/api/search, /api/find), so that a client sending
   * expensive searches back to back keeps busy only these and the lists never queue behind it.
   */
  readonly searchThreads?: number;
  /** Milliseconds a read may take, waiting included, before it is answered 503. */
  readonly budgetMs: number;
  /**
   * How much nicer than the process the list threads run (Linux). 0 by default: a list is one
   * bounded page read by index, and at 10 nicer than the server the lists waited for every other
   * process on a shared machine (load 8-15 on two cores: a 0.1 s read took over a second, and half
   * the pages of the web app were not ready within 1 s). Beside the server's thread two list
   * threads at its own priority still leave it its share of the CPU.
   */
  readonly niceBy?: number;
  /**
   * How much nicer than the process the search threads run (Linux), so that the one read a client
   * can make expensive at will (an OR of very common words, seconds on a large store) yields the
   * CPU to the server's thread, which must keep answering (/api/health in milliseconds).
   */
  readonly searchNiceBy?: number;
  /**
   * Searches that may wait for a search thread; one more is answered 503 at once. A flood of
   * in-bounds searches then costs the server what a refused query costs, instead of a queue
   * that grows without end and answers every search 503 only at the end of its budget.
   */
  readonly maxWaitingSearches?: number;
  /**
   * Answers kept while the store is unchanged (read-cache.ts), by read and arguments; 0 keeps
   * none. The overview's counts, the top actors and the most reported records each read whole
   * tables, and the store changes only when something is written.
   */
  readonly cachedAnswers?: number;
}

export const DEFAULT_READ_RUNNER: ReadRunnerOptions = { threads: 2, searchThreads: 1, budgetMs: 5000, niceBy: 0, searchNiceBy: 10, maxWaitingSearches: 8, cachedAnswers: 64 };

/** The reads that run in the search threads (each may read the postings of many words); every other read runs in the list threads. */
const SEARCHES: ReadonlySet<ReadName> = new Set(['search', 'find']);

export const laneOf = (name: ReadName): 'search' | 'list' => (SEARCHES.has(name) ? 'search' : 'list');

/** The error past the budget: a search is told how to narrow itself, a list how to page. */
export function overBudget(name: ReadName, budgetMs: number): DossierError {
  return name === 'search' || name === 'find'
    ? new DossierError('DOSSIER_SEARCH_TIMEOUT', `the search took longer than its budget of ${budgetMs} ms; narrow it (fewer or rarer words, a phrase) and try again`)
    : new DossierError('DOSSIER_READ_TIMEOUT', `the ${name} took longer than its budget of ${budgetMs} ms; narrow it (a date range, a smaller page) and try again`);
}

/** PostgreSQL's answer to a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

/**
 * In the store's own connection: PostgreSQL runs the query in its server process, not on our
 * thread, and ends it itself past the budget (statement_timeout, set for this read only).
 * Without a file (a store in tests) the read just runs.
 */
export function inlineReads(store: Store, options: ReadRunnerOptions = DEFAULT_READ_RUNNER): ReadRunner {
  const postgres = dialectOf(store) === 'postgres';
  const read = async <N extends ReadName>(name: N, args: ReadArgs<N>): Promise<ReadResult<N>> =>
    postgres ? withStatementTimeout(store, name, options.budgetMs, (trx) => runRead(trx, name, args)) : runRead(store, name, args);
  return { read, search: (query, limit) => read('search', { query, limit }), close: async () => {} };
}

/**
 * Runs a read on PostgreSQL with a statement timeout that holds for this read only (SET LOCAL,
 * in a transaction of its own), and answers a cancelled statement as the read's budget error.
 */
export async function withStatementTimeout<T>(store: Store, name: ReadName, budgetMs: number, work: (trx: Store) => Promise<T>): Promise<T> {
  try {
    return await store.transaction().execute(async (trx) => {
      // SET takes no bind parameters; the budget is a number of ours.
      await sql.raw(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(budgetMs))}`).execute(trx);
      return work(trx);
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === QUERY_CANCELED) throw overBudget(name, budgetMs);
    throw error;
  }
}

/**
 * Heavy reads off the server's thread, for a SQLite store: SQLite runs a query synchronously, so
 * one expensive search (an OR of very common words on a large store takes seconds) or a long
 * list held every other request, /api/health included. Here each runs in a worker thread with
 * its own read-only connection. Past the budget the client gets 503 naming it and the thread is
 * replaced (SQLite cannot be interrupted from outside; the old thread ends when its query does).
 */
export function threadedReads(path: string, options: ReadRunnerOptions = DEFAULT_READ_RUNNER): ReadRunner {
  // From the sources (tsx, tests) the worker is the .ts file, read through tsx as the server is.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./read-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
  // Loader flags do not reach a worker's own entry on Node 20: from the sources it registers tsx first.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  /** A thread, whether it is taken, the read it runs, and its start: null once it can read, the error if it could not start. */
  type Slot = { worker: Worker; busy: boolean; current: number | null; started: Promise<Error | null> };
  /** Threads that take reads in turn, and the reads waiting for one of them. */
  type Lane = { slots: Slot[]; waiting: Array<(slot: Slot) => void>; niceBy: number };
  const pending = new Map<number, (reply: ReadReply) => void>();
  let nextId = 1;
  let closed = false;

  const spawn = (niceBy: number): Slot => {
    // Nice values stop at 19.
    const workerData = { path, nice: Math.min(19, getPriority() + niceBy) };
    let settle: (failure: Error | null) => void = () => {};
    const started = new Promise<Error | null>((resolve) => {
      settle = resolve;
    });
    const slot: Slot = { worker: fromSource ? new Worker(boot, { eval: true, workerData }) : new Worker(entry, { workerData }), busy: false, current: null, started };
    slot.worker.on('message', (message: ReadReply | ReadyMessage) => {
      if ('ready' in message) return settle(null);
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    });
    // A thread that cannot open the file (or dies) answers its read with the reason, not with a wait.
    slot.worker.on('error', (error) => {
      settle(error);
      if (slot.current === null) return;
      pending.get(slot.current)?.({ id: slot.current, error: { code: errorCodeOf(error), message: error.message } });
      pending.delete(slot.current);
    });
    slot.worker.on('exit', () => settle(new Error('the read thread ended')));
    slot.worker.unref();
    return slot;
  };
  const newLane = (threads: number, niceBy: number): Lane => ({ slots: Array.from({ length: Math.max(1, threads) }, () => spawn(niceBy)), waiting: [], niceBy });
  const lists = newLane(options.threads, options.niceBy ?? DEFAULT_READ_RUNNER.niceBy ?? 0);
  // No search threads of their own (searchThreads 0): the searches share the lists' threads.
  const searchThreads = options.searchThreads ?? DEFAULT_READ_RUNNER.searchThreads ?? 0;
  const searches = searchThreads > 0 ? newLane(searchThreads, options.searchNiceBy ?? DEFAULT_READ_RUNNER.searchNiceBy ?? 0) : lists;
  const lanes = searches === lists ? [lists] : [lists, searches];

  const release = (lane: Lane, slot: Slot): void => {
    const next = lane.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  };
  /** Gives `take` a free thread now, or the first one freed after the reads already waiting. */
  const acquire = (lane: Lane, take: (slot: Slot) => void): void => {
    const free = lane.slots.find((s) => !s.busy);
    if (!free) {
      lane.waiting.push(take);
      return;
    }
    free.busy = true;
    take(free);
  };
  /** Ends a thread that cannot serve (still in a query past its budget, or never started) and puts a fresh one in its place. */
  const replace = (lane: Lane, slot: Slot): void => {
    void slot.worker.terminate();
    // Closing ends every thread: none is started in its place.
    if (closed) return;
    const fresh = spawn(lane.niceBy);
    lane.slots[lane.slots.indexOf(slot)] = fresh;
    release(lane, fresh);
  };
  const maxWaitingSearches = options.maxWaitingSearches ?? DEFAULT_READ_RUNNER.maxWaitingSearches ?? Number.POSITIVE_INFINITY;
  const cache = createReadCache(options.cachedAnswers ?? DEFAULT_READ_RUNNER.cachedAnswers ?? 0);
  // Opened at the first read: a file the threads cannot open is answered by them, with the reason.
  let probe: DataVersionProbe | null = null;
  const dataVersion = (): number | null => {
    try {
      probe ??= sqliteDataVersion(path);
      return probe.version();
    } catch {
      return null;
    }
  };

  const read = async <N extends ReadName>(name: N, args: ReadArgs<N>): Promise<ReadResult<N>> => {
    if (closed) throw new DossierError('DOSSIER_API_STOPPING', 'the server is stopping');
    const key = `${name} ${JSON.stringify(args)}`;
    // The version before the read: a write during it moves the version, and the answer kept under the old one is never given.
    const version = dataVersion();
    if (version !== null) {
      const kept = cache.get(key, version);
      if (kept !== undefined) return kept as ReadResult<N>;
    }
    const result = await readInThread(name, args);
    if (version !== null) cache.set(key, version, result);
    return result;
  };

  const readInThread = async <N extends ReadName>(name: N, args: ReadArgs<N>): Promise<ReadResult<N>> => {
    const id = nextId++;
    const lane = laneOf(name) === 'search' ? searches : lists;
    if (laneOf(name) === 'search' && lane.waiting.length >= maxWaitingSearches && lane.slots.every((s) => s.busy)) {
      throw new DossierError('DOSSIER_SEARCH_BUSY', `${lane.waiting.length} searches are waiting for the search thread already (the limit is ${maxWaitingSearches}); try again in a moment`);
    }
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(overBudget(name, options.budgetMs)), options.budgetMs);
    });
    let take: (slot: Slot) => void = () => {};
    const taken = new Promise<Slot>((resolve) => {
      take = resolve;
    });
    acquire(lane, take);
    // Past the budget the client has its 503: a read that has not begun its query by then never
    // begins it. (It used to run all the same once a thread was free, so under a load that
    // outran the threads every read behind it waited for queries no client waited for any more,
    // and timed out in turn.)
    let abandoned = false;
    // The thread running this read's query, once it runs it (typed wide: it is set in the closure below).
    let running = null as Slot | null;
    const run = (async (): Promise<ReadReply> => {
      const slot = await taken;
      // A fresh thread is still starting (seconds from the sources on a loaded machine): wait for it
      // within the budget rather than send it a read whose wait would then be blamed on the query.
      const failure = await slot.started;
      if (failure) {
        replace(lane, slot);
        return { id, error: { code: errorCodeOf(failure), message: failure.message } };
      }
      if (abandoned) {
        release(lane, slot);
        return { id, error: { code: 'DOSSIER_INTERNAL', message: 'abandoned past its budget' } };
      }
      running = slot;
      const reply = await new Promise<ReadReply>((resolve) => {
        pending.set(id, resolve);
        slot.current = id;
        slot.worker.postMessage({ id, name, args } satisfies ReadRequest);
      });
      slot.current = null;
      release(lane, slot);
      return reply;
    })();
    try {
      const reply = await Promise.race([run, budget]);
      if ('error' in reply) throw errorOfReply(reply.error);
      return reply.result as ReadResult<N>;
    } catch (error) {
      const timedOut = error instanceof DossierError && (error.code === 'DOSSIER_SEARCH_TIMEOUT' || error.code === 'DOSSIER_READ_TIMEOUT');
      if (timedOut) {
        abandoned = true;
        const waiting = lane.waiting.indexOf(take);
        if (waiting >= 0) lane.waiting.splice(waiting, 1);
        if (running) {
          // The thread is still in the query: leave it to finish and end, and put a fresh one in its place.
          pending.delete(id);
          replace(lane, running);
        }
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    read,
    search: async (query, limit) => {
      // A query past the bounds is refused here, at once: sent to a thread it waited for one
      // (and for its start, seconds on a loaded machine) only to be refused there.
      parseBoundedSearch(query);
      return read('search', { query, limit });
    },
    async close() {
      closed = true;
      probe?.close();
      await Promise.all(lanes.flatMap((l) => l.slots).map((s) => s.worker.terminate()));
    },
  };
}

/** The runner for a store: threads for a SQLite file, the store itself (with a statement timeout) for PostgreSQL. */
export function readRunnerFor(store: Store, path: string | null, options: ReadRunnerOptions = DEFAULT_READ_RUNNER): ReadRunner {
  return dialectOf(store) === 'sqlite' && path !== null ? threadedReads(path, options) : inlineReads(store, options);
}
