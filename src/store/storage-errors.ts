/**
 * Failures of the store itself (locked, read-only, full, not a database, connection lost), told
 * apart from problems with an input: a batch never blames a file for the database's trouble.
 */

import { DossierError } from '../errors.js';

/** The store could not do what was asked; no input is at fault. */
export class StorageError extends DossierError {
  declare readonly code: 'DOSSIER_STORE_FAILED';
  /** What was being done: "saving digest.txt". */
  readonly during: string;

  constructor(during: string, cause: unknown) {
    super('DOSSIER_STORE_FAILED', `the store failed while ${during}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.during = during;
    this.name = 'StorageError';
  }
}

const POSTGRES_SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * An error raised by the database engine: better-sqlite3's SqliteError carries a `SQLITE_*`
 * code, pg's DatabaseError a five-character SQLSTATE, and a lost connection a Node socket code.
 * Some SQLSTATE classes are about the statement's data, not the store; those stay the input's.
 */
export function isStorageFailure(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_')) return !/^SQLITE_(CONSTRAINT|MISMATCH|RANGE|TOOBIG)/.test(code);
  // 22 data exception, 23 integrity constraint: the row's fault, not the store's.
  if (POSTGRES_SQLSTATE.test(code) && (error as { severity?: unknown }).severity !== undefined) return !/^2[23]/.test(code);
  return ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(code);
}

/** Lock contention and lost connections pass; anything else is about the data. */
export function isTransient(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return /^SQLITE_(BUSY|LOCKED)/.test(code) || ['40001', '40P01', '55P03', '57P01', '08006', '08003', 'ECONNRESET', 'ECONNREFUSED'].includes(code);
}

/** The longest pause between two tries (each try also waits the busy timeout). */
const MAX_RETRY_WAIT_MS = 2000;

/**
 * Runs `work` again while it fails for a transient reason, waiting longer each time (with some
 * jitter, so two writers that collided do not collide again in step). The busy timeout already
 * waited inside each try; this covers a writer that holds the lock longer than that.
 */
export async function withTransientRetry<T>(work: () => Promise<T>, tries = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isTransient(error) || attempt >= tries) throw error;
      const wait = Math.min(MAX_RETRY_WAIT_MS, 20 * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random())));
    }
  }
}
