import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { errorCodeOf } from '../errors.js';
import type { Database } from '../store/schema.js';
import { runRead } from './read-queries.js';
import type { ReadReply, ReadRequest, ReadyMessage } from './read-runner.js';

/**
 * A read thread of `dossier serve` (read-runner.ts): its own read-only connection to the SQLite
 * file, so a slow search or list runs here while the server's thread goes on answering.
 */
const { path, nice } = workerData as { path: string; nice: number };

/**
 * Lowers this thread's scheduling priority, so that on a busy machine a long read yields the CPU
 * to the server's thread, which must keep answering (/api/health in milliseconds). On Linux a
 * nice value is a thread's own, and /proc/thread-self names the thread ("<pid>/task/<tid>");
 * elsewhere there is no such path and the thread keeps the process's priority.
 */
function yieldToServer(): void {
  let tid: number;
  try {
    tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
  } catch {
    return;
  }
  if (!Number.isInteger(tid) || tid <= 0) return;
  try {
    setPriority(tid, nice);
  } catch {
    // A priority the system refuses leaves the thread as it was: slower answers, not wrong ones.
  }
}
yieldToServer();
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
parentPort?.postMessage({ ready: true } satisfies ReadyMessage);
