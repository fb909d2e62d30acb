import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
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
  await db.schema
    .createTable('passage_bands')
    .addColumn('band_key', 'integer', (c) => c.notNull())
    .addColumn('passage_id', 'integer', (c) => c.notNull().references('passages.id'))
    .addPrimaryKeyConstraint('passage_bands_pk', ['band_key', 'passage_id'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema
    .createTable('repeats')
    .addColumn('passage_id', 'integer', (c) => c.notNull().references('passages.id'))
    .addColumn('other_passage_id', 'integer', (c) => c.notNull().references('passages.id'))
    .addColumn('similarity', 'real', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('repeats_pk', ['passage_id', 'other_passage_id'])
    .execute();
  await db.schema.createIndex('repeats_other').on('repeats').column('other_passage_id').execute();
  // Full-text search: FTS5 over title and text, kept in step by triggers.
  await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END`.execute(db);
  await sql`CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END`.execute(db);
}
