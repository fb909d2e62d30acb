import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// Indexes for the first page of the web app's lists on a large store (issue 15):
// - articles (date, id): the quotes list, latest article first, walks the articles in this
//   order and stops at its page, where it sorted every quote of the store with its article's text;
// - event_records (mention_count, date, id): the most-reported records, read from the index;
// - record_mentions (record_id, event_id): a record's live mentions (the EXISTS every records
//   list and count asks of each record) from the index alone;
// - entity_mentions (actor_id, text): the ways the news wrote each actor, read from the index:
//   a search's "is this a spelling of an actor" (a LIKE on every mention's words) and an actor's
//   spellings read every mention row through entity_mentions_actor, ten times slower;
// - place_mentions (place_id, article_id): each place's mentions and articles counted from the
//   index (the map's places).

const INDEXES = [
  ['articles_date_id', 'articles', ['date', 'id']],
  ['event_records_reports', 'event_records', ['mention_count', 'date', 'id']],
  ['record_mentions_record_event', 'record_mentions', ['record_id', 'event_id']],
  ['entity_mentions_actor_text', 'entity_mentions', ['actor_id', 'text']],
  ['place_mentions_place_article', 'place_mentions', ['place_id', 'article_id']],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).ifNotExists().on(table).columns([...columns]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
