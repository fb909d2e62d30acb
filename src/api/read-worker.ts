import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { errorCodeOf } from '../errors.js';
import { searchArticles } from '../store/articles-repository.js';
import type { Database } from '../store/schema.js';
import type { SearchReply, SearchRequest } from './search-runner.js';

/**
 * A search thread of `dossier serve` (search-runner.ts): its own read-only connection to the
 * SQLite file, so a slow full-text query runs here while the server's thread goes on answering.
 */
const { path } = workerData as { path: string };
const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const store = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });

parentPort?.on('message', async (request: SearchRequest) => {
  let reply: SearchReply;
  try {
    reply = { id: request.id, hits: await searchArticles(store, request.query, request.limit) };
  } catch (error) {
    reply = { id: request.id, error: { code: errorCodeOf(error), message: (error as Error).message } };
  }
  parentPort?.postMessage(reply);
});
