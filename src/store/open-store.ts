import SQLite from 'better-sqlite3';
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from 'kysely';
import * as articlesMigration from './migrations/2026-11-24-01-articles.js';
import * as mentionsMigration from './migrations/2026-11-24-02-mentions.js';
import * as eventsMigration from './migrations/2026-11-24-03-events.js';
import * as recordsMigration from './migrations/2026-11-24-04-records.js';
import type { Database } from './schema.js';

const migrations: Record<string, Migration> = {
  '2026-11-24-01-articles': articlesMigration,
  '2026-11-24-02-mentions': mentionsMigration,
  '2026-11-24-03-events': eventsMigration,
  '2026-11-24-04-records': recordsMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export type Store = Kysely<Database>;

/** Opens (and migrates) the embedded SQLite store: WAL, foreign keys on. */
export async function openStore(path: string): Promise<Store> {
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  return db;
}

/** `--db` wins over DOSSIER_DB, which wins over dossier.db in the working directory. */
export function storePath(option: string | undefined): string {
  return option ?? process.env.DOSSIER_DB ?? 'dossier.db';
}
