import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  // One row per watched feed: the validators the server gave (sent back on the next poll) and
  // the backoff, so a restarted watcher neither refetches everything nor hammers a failing feed.
  // Times are ISO-8601 UTC text, compared as strings, the same on SQLite and PostgreSQL.
  await db.schema
    .createTable('feeds')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('last_ok_at', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_poll_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Every item a feed has shown, by its guid / Atom id / link (or the article id when it has
  // none): an item seen once is never ingested again from that feed, even when its text was
  // edited. The article id is not a foreign key: the memory of an item outlives its article.
  await db.schema
    .createTable('feed_items')
    .addColumn('feed_url', 'text', (c) => c.notNull().references('feeds.url').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_items_pk', ['feed_url', 'item_key'])
    .execute();
  await db.schema.createIndex('feed_items_article').on('feed_items').column('article_id').execute();
}
