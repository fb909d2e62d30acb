import SQLite from 'better-sqlite3';

/** The data version of a SQLite file, as one connection of its own sees it. */
export interface DataVersionProbe {
  /** Changes whenever anything is committed to the file (by this process or another) since the last call. */
  version(): number;
  close(): void;
}

/**
 * A read-only connection that only asks `PRAGMA data_version`: the number moves when another
 * connection commits, and this one never writes, so every change to the file moves it: the
 * server's own ingest, a review decision, a `dossier ingest` in another process. A look-up of a
 * few microseconds, on the calling thread.
 */
export function sqliteDataVersion(path: string): DataVersionProbe {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  return {
    version: () => Number(db.pragma('data_version', { simple: true })),
    close: () => db.close(),
  };
}
