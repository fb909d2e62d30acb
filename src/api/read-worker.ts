import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { errorCodeOf } from '../errors.js';
import type { Database } from '../store/schema.js';
import { runRead } from './read-queries.js';
import type { ReadReply, ReadRequest } from './read-runner.js';

/**
 * A read thread of `dossier serve` (read-runner.ts): its own read-only connection to the SQLite
 * file, so a slow search or list runs here while the server's thread goes on answering.
 */
const { path } = workerData as { path: string };
const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const store = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });

parentPort?.on('message', async (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id: request.id, result: await runRead(store, request.name, request.args as never) };
  } catch (error) {
    reply = { id: request.id, error: { code: errorCodeOf(error), message: (error as Error).message } };
  }
  parentPort?.postMessage(reply);
});
