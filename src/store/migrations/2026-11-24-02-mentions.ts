import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  // One row per identity that has been mentioned (registry actors are copied in on first
  // mention, so the store stays readable without the registry files that produced it).
  await db.schema
    .createTable('actors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('sector', 'text')
    .addColumn('cameo', 'text')
    .addColumn('wikidata', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('member_of', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('entity_mentions')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // What the pipeline said, and what it is after the analyst's corrections: re-deriving
    // actor_id from raw_actor_id is how corrections survive re-runs and undo.
    .addColumn('raw_actor_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('link_confidence', 'real')
    .addColumn('link_reason', 'text')
    .addPrimaryKeyConstraint('entity_mentions_pk', ['article_id', 'idx'])
    .execute();
  await db.schema.createIndex('entity_mentions_actor').on('entity_mentions').column('actor_id').execute();
  await db.schema.createIndex('entity_mentions_raw_actor').on('entity_mentions').column('raw_actor_id').execute();
  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lat', 'real', (c) => c.notNull())
    .addColumn('lon', 'real', (c) => c.notNull())
    .addColumn('geonames_id', 'integer')
    .addColumn('feature_class', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('admin1', 'text')
    .addColumn('precision', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('place_mentions')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('entity_idx', 'integer')
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('place_mentions_pk', ['article_id', 'idx'])
    .execute();
  await db.schema.createIndex('place_mentions_place').on('place_mentions').column('place_id').execute();
  await db.schema
    .createTable('time_mentions')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('mod', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('time_mentions_pk', ['article_id', 'idx'])
    .execute();
  await db.schema.createIndex('time_mentions_value').on('time_mentions').column('value').execute();
  // The analyst's overlay: an append-only log of corrections, replayed over raw links.
  await db.schema
    .createTable('actor_corrections')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Which stage versions made an article's layers, so a re-run can tell what is stale.
  await db.schema
    .createTable('article_layers')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_layers_pk', ['article_id', 'layer'])
    .execute();
}
