import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// Indexes for the web app's first pages on a large store (21k articles, 200k entity mentions):
// each one lets a list or a count read an index instead of the table, whose article rows carry
// the whole text.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  // Actors by mention and article counts (overview, actors, search): a scan of this index alone.
  await db.schema.createIndex('entity_mentions_actor_article').ifNotExists().on('entity_mentions').columns(['actor_id', 'article_id']).execute();
  // Outlets with their article counts and date ranges, without reading article rows.
  await db.schema.createIndex('articles_outlet_date').ifNotExists().on('articles').columns(['outlet_id', 'date']).execute();
  // The store's counts by reader (stats).
  await db.schema.createIndex('articles_reader').ifNotExists().on('articles').column('reader').execute();
  // Records latest first (overview, records list, timeline).
  await db.schema.createIndex('event_records_date').ifNotExists().on('event_records').column('date').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['entity_mentions_actor_article', 'articles_outlet_date', 'articles_reader', 'event_records_date']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
