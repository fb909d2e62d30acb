import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    // Derived from article id, evidence span and code: stable across re-runs, so review
    // decisions made about an event still find it.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('trigger_start', 'integer', (c) => c.notNull())
    .addColumn('trigger_end', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('root_code', 'text', (c) => c.notNull())
    .addColumn('plover', 'text')
    .addColumn('plover_mode', 'text')
    .addColumn('place_id', 'text')
    .addColumn('place_name', 'text')
    .addColumn('lat', 'real')
    .addColumn('lon', 'real')
    .addColumn('place_precision', 'text')
    .addColumn('date', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('modality', 'text', (c) => c.notNull())
    .addColumn('speaker', 'text')
    .addColumn('speaker_actor_id', 'text')
    .addColumn('quote_idx', 'integer')
    .addColumn('magnitudes', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_article').on('events').column('article_id').execute();
  await db.schema.createIndex('events_date').on('events').column('date').execute();
  await db.schema.createIndex('events_code').on('events').column('code').execute();
  await db.schema
    .createTable('event_actors')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('pos', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('raw_actor_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cameo', 'text')
    .addPrimaryKeyConstraint('event_actors_pk', ['event_id', 'role', 'pos'])
    .execute();
  await db.schema.createIndex('event_actors_actor').on('event_actors').column('actor_id').execute();
  await db.schema
    .createTable('quotes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content_start', 'integer', (c) => c.notNull())
    .addColumn('content_end', 'integer', (c) => c.notNull())
    .addColumn('speaker_text', 'text')
    .addColumn('raw_speaker_actor_id', 'text')
    .addColumn('speaker_actor_id', 'text')
    .addColumn('speaker_name', 'text')
    .addColumn('speaker_role', 'text')
    .addColumn('via_name', 'text')
    .addColumn('via_actor_id', 'text')
    .addColumn('topic_actor_ids', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quotes_article').on('quotes').column('article_id').execute();
  await db.schema.createIndex('quotes_speaker').on('quotes').column('speaker_actor_id').execute();
  // The analyst's review decisions: an append-only log replayed at read time, like corrections.
  await db.schema
    .createTable('review_decisions')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('value', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('review_decisions_item').on('review_decisions').columns(['item_kind', 'item_id']).execute();
}
