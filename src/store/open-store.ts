import SQLite from 'better-sqlite3';
import { type Dialect, Kysely, type Migration, type MigrationProvider, Migrator, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { DossierError } from '../errors.js';
import { describeTarget, dialectOf, isPostgresTarget, PostgresSchemaPlugin } from './dialect.js';
import * as articlesMigration from './migrations/2026-11-24-01-articles.js';
import * as mentionsMigration from './migrations/2026-11-24-02-mentions.js';
import * as eventsMigration from './migrations/2026-11-24-03-events.js';
import * as recordsMigration from './migrations/2026-11-24-04-records.js';
import * as feedsMigration from './migrations/2026-11-24-05-feeds.js';
import * as queueMigration from './migrations/2026-11-24-06-queue.js';
import * as webIndexesMigration from './migrations/2026-11-24-08-web-indexes.js';
import * as recordVerdictsMigration from './migrations/2026-11-24-09-record-verdicts.js';
import * as articleOrderMigration from './migrations/2026-11-24-10-article-order.js';
import * as headlineTextMigration from './migrations/2026-12-06-01-headline-text.js';
import * as storiesMigration from './migrations/2026-12-07-01-stories.js';
import * as linkingBoundsMigration from './migrations/2026-12-08-01-linking-bounds.js';
import * as placeBoxesMigration from './migrations/2026-12-09-01-place-boxes.js';
import * as storyDigestsMigration from './migrations/2026-12-10-01-story-digests.js';
import * as pageIndexesMigration from './migrations/2026-12-11-01-page-indexes.js';
import type { Database } from './schema.js';
import { keepStatementsPrepared, WriterFirstSqliteDialect } from './sqlite-writer-dialect.js';

const migrations: Record<string, Migration> = {
  '2026-11-24-01-articles': articlesMigration,
  '2026-11-24-02-mentions': mentionsMigration,
  '2026-11-24-03-events': eventsMigration,
  '2026-11-24-04-records': recordsMigration,
  '2026-11-24-05-feeds': feedsMigration,
  '2026-11-24-06-queue': queueMigration,
  '2026-11-24-08-web-indexes': webIndexesMigration,
  '2026-11-24-09-record-verdicts': recordVerdictsMigration,
  '2026-11-24-10-article-order': articleOrderMigration,
  '2026-12-06-01-headline-text': headlineTextMigration,
  '2026-12-07-01-stories': storiesMigration,
  '2026-12-08-01-linking-bounds': linkingBoundsMigration,
  '2026-12-09-01-place-boxes': placeBoxesMigration,
  '2026-12-10-01-story-digests': storyDigestsMigration,
  '2026-12-11-01-page-indexes': pageIndexesMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export type Store = Kysely<Database>;

/** The store could not be opened: the server is down or refuses us, the database or the file's folder is missing. */
export class StoreUnreachableError extends DossierError {
  constructor(target: string, cause: unknown) {
    super('DOSSIER_STORE_UNREACHABLE', `cannot open the store at ${describeTarget(target)}: ${causeMessage(cause)}`, { cause });
    this.name = 'StoreUnreachableError';
  }
}

/** Node's connection errors to a host with several addresses are an AggregateError with no message of its own. */
function causeMessage(cause: unknown): string {
  if (cause instanceof AggregateError && !cause.message) return cause.errors.map(causeMessage).join('; ');
  if (cause instanceof Error) return cause.message || (cause as Error & { code?: string }).code || cause.name;
  return String(cause);
}

/**
 * Opens (and migrates) the store: a `postgres://` or `postgresql://` URL opens PostgreSQL,
 * anything else is the embedded SQLite file (WAL, foreign keys on). Same schema, migrations
 * and queries on both.
 */
export async function openStore(target: string): Promise<Store> {
  return openStoreAt(target, null);
}

/**
 * Opens the store migrated (up or down) to the named migration, or to the latest with null: a
 * test of a migration opens a store as it was before it, writes it the old way, then migrates.
 */
export async function openStoreAt(target: string, migration: string | null): Promise<Store> {
  if (migration !== null && !(migration in migrations)) throw new Error(`no store migration named "${migration}"`);
  const db = new Kysely<Database>({ dialect: isPostgresTarget(target) ? await postgresDialect(target) : sqliteDialect(target) });
  const migrating = dialectOf(db) === 'postgres' ? db.withPlugin(new PostgresSchemaPlugin()) : db;
  const migrator = new Migrator({ db: migrating, provider });
  const { error } = migration === null ? await migrator.migrateToLatest() : await migrator.migrateTo(migration);
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return db;
}

/**
 * How long one statement waits for another process's write lock before SQLite answers BUSY;
 * the ingest then retries the whole file (withTransientRetry), so a writer holding the lock
 * longer than this delays the other but does not fail it.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

function sqliteDialect(path: string): Dialect {
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(path);
    // The busy timeout first: switching to WAL takes a lock that another process may hold.
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // The first read of the file: one that is not a database ("file is not a database") is
    // refused here, as the store, before any input is read and blamed for it.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite?.close();
    throw new StoreUnreachableError(path, error);
  }
  return new WriterFirstSqliteDialect({ database: keepStatementsPrepared(sqlite) });
}

/**
 * bigint (count(*), sum) and numeric arrive from pg as strings; the store's code reads counts
 * as numbers on both engines. Every value it keeps is far below 2^53.
 */
function numberTypes(client: typeof pg): pg.CustomTypesConfig {
  const types = new client.TypeOverrides();
  types.setTypeParser(client.types.builtins.INT8, Number);
  types.setTypeParser(client.types.builtins.NUMERIC, Number);
  return types;
}

async function postgresDialect(url: string): Promise<Dialect> {
  // Imported here: a SQLite run does not load the PostgreSQL client.
  const { default: client } = await import('pg');
  // allowExitOnIdle: a CLI run ends when its work does, without waiting for idle connections to time out.
  const pool = new client.Pool({ connectionString: url, types: numberTypes(client), allowExitOnIdle: true });
  // An idle connection the server drops is discarded by the pool; the next query reconnects or fails there.
  pool.on('error', () => {});
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end();
    throw new StoreUnreachableError(url, error);
  }
  return new PostgresDialect({ pool });
}

/** `--db` wins over DOSSIER_DB, which wins over dossier.db in the working directory: a file path or a PostgreSQL URL. */
export function storeTarget(option: string | undefined): string {
  return option ?? process.env.DOSSIER_DB ?? 'dossier.db';
}

/** The former name of storeTarget, kept for its callers. */
export const storePath = storeTarget;
