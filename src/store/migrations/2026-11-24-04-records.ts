import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  // One row per real-world event; its canonical attributes are recomputed from its mentions
  // whenever one joins or leaves, so they never drift from the evidence.
  await db.schema
    .createTable('event_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('root_code', 'text', (c) => c.notNull())
    .addColumn('plover', 'text')
    .addColumn('date', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('place_id', 'text')
    .addColumn('place_name', 'text')
    .addColumn('lat', 'real')
    .addColumn('lon', 'real')
    .addColumn('place_precision', 'text')
    .addColumn('country', 'text')
    .addColumn('admin1', 'text')
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('first_reported', 'text')
    .addColumn('last_reported', 'text')
    .addColumn('mention_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_records_root').on('event_records').columns(['root_code', 'date']).execute();
  await db.schema.createIndex('event_records_plover').on('event_records').column('plover').execute();
  await db.schema
    .createTable('record_mentions')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('record_id', 'text', (c) => c.notNull().references('event_records.id').onDelete('cascade'))
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_mentions_record').on('record_mentions').column('record_id').execute();
}
