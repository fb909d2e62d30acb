import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// Stories: the articles that report one news story, found before their events are linked
// (src/records/stories.ts). `stories` holds what a new article is compared against (the days it
// spans, the sum of its articles' word vectors, the people, groups and places they name);
// `story_articles` holds each article's own signature, so a story can be worked out again when
// an article leaves it (re-analysis); `record_mentions.lead` marks each article's lead event. Stores made before get their stories from `dossier relink`.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stories')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('first_day', 'integer')
    .addColumn('last_day', 'integer')
    .addColumn('article_count', 'integer', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('actors', 'text', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stories_days').ifNotExists().on('stories').columns(['last_day', 'first_day']).execute();
  await db.schema
    .createTable('story_articles')
    .ifNotExists()
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('day', 'integer')
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('actors', 'text', (c) => c.notNull())
    .addColumn('places', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_articles_story').ifNotExists().on('story_articles').column('story_id').execute();
  // 1 when the mention is its article's lead event: a story's main record is the one holding its leads.
  await db.schema.alterTable('record_mentions').addColumn('lead', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('record_mentions').dropColumn('lead').execute();
  await db.schema.dropTable('story_articles').ifExists().execute();
  await db.schema.dropTable('stories').ifExists().execute();
}
