import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// Frozen in time: imports nothing from src/ but the dialect test. Kysely<any> is the documented migration type.
// The order articles went into the store, which is the order their events were linked in: what
// `dossier relink` replays. SQLite has it already (rowid); PostgreSQL gets a sequence, since one
// ingest stamps a whole batch with one ingested_at time. Rows already stored are numbered in
// the table's physical order, the closest there is to the order they came in.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`ALTER TABLE articles ADD COLUMN insert_seq bigserial`.execute(db);
  await sql`CREATE INDEX articles_insert_seq ON articles (insert_seq)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`ALTER TABLE articles DROP COLUMN insert_seq`.execute(db);
}
