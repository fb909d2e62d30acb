import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// Frozen in time: imports nothing from src/ but the dialect test. Kysely<any> is the documented migration type.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('outlets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('authors')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('outlet_id', 'integer', (c) => c.references('outlets.id'))
    .addColumn('author_id', 'integer', (c) => c.references('authors.id'))
    .addColumn('date', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('date_reason', 'text')
    .addColumn('url', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_bio', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('start_line', 'integer', (c) => c.notNull())
    .addColumn('end_line', 'integer', (c) => c.notNull())
    .addColumn('start_byte', 'integer', (c) => c.notNull())
    .addColumn('end_byte', 'integer', (c) => c.notNull())
    .addColumn('reader', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_date').on('articles').column('date').execute();
  await db.schema.createIndex('articles_outlet').on('articles').column('outlet_id').execute();
  await db.schema
    .createTable('paragraphs')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('paragraphs_pk', ['article_id', 'idx'])
    .execute();
  await db.schema
    .createTable('passages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('exact_hash', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('shingle_count', 'integer', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('passages_article').on('passages').column('article_id').execute();
  // One clustered B-tree (band key, passage) and integer keys: this table gets 32 rows per
  // passage, and its inserts were over half of ingest time with a text key and a second index.
  const bands = db.schema
    .createTable('passage_bands')
    // bigint: SQLite's integer affinity all the same, and 8 bytes on PostgreSQL (band * 2^32 + hash).
    .addColumn('band_key', 'bigint', (c) => c.notNull())
    .addColumn('passage_id', 'integer', (c) => c.notNull().references('passages.id'))
    .addPrimaryKeyConstraint('passage_bands_pk', ['band_key', 'passage_id']);
  // PostgreSQL has no rowid to drop; its heap plus the primary key index serve the same lookups.
  await (postgres ? bands : bands.modifyEnd(sql`without rowid`)).execute();
  await db.schema
    .createTable('repeats')
    .addColumn('passage_id', 'integer', (c) => c.notNull().references('passages.id'))
    .addColumn('other_passage_id', 'integer', (c) => c.notNull().references('passages.id'))
    .addColumn('similarity', 'real', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('repeats_pk', ['passage_id', 'other_passage_id'])
    .execute();
  await db.schema.createIndex('repeats_other').on('repeats').column('other_passage_id').execute();
  if (postgres) await postgresSearch(db);
  else await sqliteSearch(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
async function sqliteSearch(db: Kysely<any>): Promise<void> {
  // Full-text search: FTS5 over title and text, kept in step by triggers.
  await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END`.execute(db);
  await sql`CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END`.execute(db);
}

/**
 * Full-text search on PostgreSQL: one tsvector per article (title weighted A, text B) in a side
 * table, so `SELECT *` on articles reads the same columns as on SQLite, kept in step by a
 * trigger and dropped with its article. The 'simple' configuration lower-cases and does not
 * stem, like FTS5's unicode61 tokenizer.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
async function postgresSearch(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE articles_fts (
    article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    document tsvector NOT NULL)`.execute(db);
  await sql`CREATE INDEX articles_fts_document ON articles_fts USING gin (document)`.execute(db);
  await sql`CREATE FUNCTION articles_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO articles_fts (article_id, document)
      VALUES (NEW.id, setweight(to_tsvector('simple', NEW.title), 'A') || setweight(to_tsvector('simple', NEW.text), 'B'))
      ON CONFLICT (article_id) DO UPDATE SET document = excluded.document;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER articles_fts_sync AFTER INSERT OR UPDATE OF title, text ON articles
    FOR EACH ROW EXECUTE FUNCTION articles_fts_sync()`.execute(db);
}
