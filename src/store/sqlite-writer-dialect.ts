import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/** What the statement cache needs of a better-sqlite3 database. */
interface PreparingDatabase {
  prepare(sql: string): SqliteDatabaseStatement;
  close(): unknown;
}

type SqliteDatabaseStatement = ReturnType<SqliteDatabase['prepare']> & { readonly busy: boolean };

/** How many distinct statements stay prepared; the oldest used goes first. */
export const PREPARED_STATEMENTS_KEPT = 500;

/**
 * The database with its statements kept prepared, by SQL text: Kysely prepares every query it
 * runs anew, and on a small ingest preparing cost as much as running. A statement still
 * being read (busy) is not shared: that query gets one of its own.
 */
export function keepStatementsPrepared(database: PreparingDatabase, kept = PREPARED_STATEMENTS_KEPT): SqliteDatabase {
  const prepared = new Map<string, SqliteDatabaseStatement>();
  return {
    prepare(sql: string) {
      const found = prepared.get(sql);
      if (found !== undefined && !found.busy) {
        // Most recently used last, so the first entry is the one to drop.
        prepared.delete(sql);
        prepared.set(sql, found);
        return found;
      }
      const statement = database.prepare(sql);
      if (found === undefined) {
        prepared.set(sql, statement);
        if (prepared.size > kept) prepared.delete(prepared.keys().next().value ?? sql);
      }
      return statement;
    },
    close() {
      prepared.clear();
      database.close();
    },
  };
}

/**
 * Every transaction the store opens writes, so it begins as a writer: `BEGIN IMMEDIATE` takes
 * SQLite's write lock first, and a second process waits out the busy timeout for it. A plain
 * `BEGIN` reads first and asks for the lock later; in WAL mode SQLite then answers BUSY at once
 * (its busy handler cannot run without risking a deadlock), which lost whole files when two
 * `dossier ingest` ran on one database.
 */
class WriterFirstSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite's DDL is transactional, but Kysely's adapter says it is not and so runs the
 * migrations with no lock across processes: two processes opening a new file at once both
 * created the tables. Said true, the migrations run in one (immediate) transaction, which
 * serializes them between processes.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Kysely's SQLite dialect, with writer-first transactions and migrations under the write lock. */
export class WriterFirstSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new WriterFirstSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
