import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  // One row per `ingest --queue` run, in the order they were registered: workers write the
  // articles of a batch in index order, and a batch only after every earlier one.
  await db.schema
    .createTable('queue_batches')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('applied', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Analyzed articles waiting for their turn to be written; a row goes when it is written.
  await db.schema
    .createTable('queue_staged')
    .addColumn('batch_key', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('queue_staged_pk', ['batch_key', 'idx'])
    .execute();
  // One row whose update is the first statement of every ordered write: it takes SQLite's
  // write lock before anything is read, and a row lock on PostgreSQL.
  await db.schema
    .createTable('queue_lock')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('turns', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('queue_lock').values({ id: 1, turns: 0 }).execute();
}
