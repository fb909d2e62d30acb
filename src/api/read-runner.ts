import { Worker } from 'node:worker_threads';
import { DossierError, errorCodeOf, isErrorCode } from '../errors.js';
import { type SearchHit, searchArticles } from '../store/articles-repository.js';
import { dialectOf } from '../store/dialect.js';
import type { Store } from '../store/open-store.js';

export interface SearchRequest {
  readonly id: number;
  readonly query: string;
  readonly limit: number;
}

export type SearchReply = { readonly id: number; readonly hits: SearchHit[] } | { readonly id: number; readonly error: { readonly code: string; readonly message: string } };

/** A reply's error as raised in the thread: by its catalogue code, which crosses the thread boundary as a string. */
const errorOfReply = (error: { readonly code: string; readonly message: string }): Error =>
  isErrorCode(error.code) && error.code !== 'DOSSIER_INTERNAL' ? new DossierError(error.code, error.message) : new Error(error.message);

/** Runs a search for a route; `close` ends its threads. */
export interface SearchRunner {
  search(query: string, limit: number): Promise<SearchHit[]>;
  close(): Promise<void>;
}

export interface SearchRunnerOptions {
  /** Search threads; a search that finds them all busy waits for one, within its budget. */
  readonly threads: number;
  /** Milliseconds a search may take, waiting included, before it is answered 503. */
  readonly budgetMs: number;
}

export const DEFAULT_SEARCH_RUNNER: SearchRunnerOptions = { threads: 2, budgetMs: 5000 };

/** In the store's own thread: PostgreSQL runs the query in its server process, not ours. */
export const inlineSearch = (store: Store): SearchRunner => ({ search: (q, limit) => searchArticles(store, q, limit), close: async () => {} });

/**
 * Full-text search off the server's thread, for a SQLite store: SQLite runs a query
 * synchronously, so one expensive search (an OR of very common words on a large store takes
 * seconds) held every other request, /api/health included. Here it runs in a worker thread with
 * its own read-only connection. Past the budget the client gets 503 naming it and the thread is
 * replaced (SQLite cannot be interrupted from outside; the old thread ends when its query does).
 */
export function threadedSearch(path: string, options: SearchRunnerOptions = DEFAULT_SEARCH_RUNNER): SearchRunner {
  // From the sources (tsx, tests) the worker is the .ts file, read through tsx as the server is.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./search-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
  // Loader flags do not reach a worker's own entry on Node 20: from the sources it registers tsx first.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  type Slot = { worker: Worker; busy: boolean; current: number | null };
  const slots: Slot[] = [];
  const waiting: Array<(slot: Slot) => void> = [];
  const pending = new Map<number, (reply: SearchReply) => void>();
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: fromSource ? new Worker(boot, { eval: true, workerData: { path } }) : new Worker(entry, { workerData: { path } }), busy: false, current: null };
    slot.worker.on('message', (reply: SearchReply) => {
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    });
    // A thread that cannot open the file (or dies) answers its search with the reason, not with a wait.
    slot.worker.on('error', (error) => {
      if (slot.current === null) return;
      pending.get(slot.current)?.({ id: slot.current, error: { code: errorCodeOf(error), message: error.message } });
      pending.delete(slot.current);
    });
    slot.worker.unref();
    return slot;
  };
  for (let i = 0; i < options.threads; i++) slots.push(spawn());

  const release = (slot: Slot): void => {
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  };
  const acquire = (): Promise<Slot> => {
    const free = slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };

  return {
    async search(query, limit) {
      if (closed) throw new DossierError('DOSSIER_API_STOPPING', 'the server is stopping');
      const id = nextId++;
      let timer: NodeJS.Timeout | undefined;
      let taken: Slot | null = null;
      const overBudget = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new DossierError('DOSSIER_SEARCH_TIMEOUT', `the search took longer than its budget of ${options.budgetMs} ms; narrow it (fewer or rarer words, a phrase) and try again`)),
          options.budgetMs,
        );
      });
      const run = (async (): Promise<SearchReply> => {
        const slot = await acquire();
        taken = slot;
        return new Promise<SearchReply>((resolve) => {
          pending.set(id, resolve);
          slot.current = id;
          slot.worker.postMessage({ id, query, limit } satisfies SearchRequest);
        });
      })();
      try {
        const reply = await Promise.race([run, overBudget]);
        if (taken) release(taken);
        if ('error' in reply) throw errorOfReply(reply.error);
        return reply.hits;
      } catch (error) {
        const timedOut = error instanceof DossierError && error.code === 'DOSSIER_SEARCH_TIMEOUT';
        if (timedOut && taken) {
          // The thread is still in the query: leave it to finish and end, and put a fresh one in its place.
          const slot: Slot = taken;
          pending.delete(id);
          void slot.worker.terminate();
          const fresh = spawn();
          slots[slots.indexOf(slot)] = fresh;
          release(fresh);
        } else if (timedOut) {
          // Never got a thread: stop waiting for one.
          run.then((reply) => {
            const slot = taken;
            if (slot) release(slot);
            return reply;
          }, () => {});
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** The runner for a store: threads for a SQLite file, the store itself for PostgreSQL. */
export function searchRunnerFor(store: Store, path: string | null, options?: SearchRunnerOptions): SearchRunner {
  return dialectOf(store) === 'sqlite' && path !== null ? threadedSearch(path, options) : inlineSearch(store);
}
