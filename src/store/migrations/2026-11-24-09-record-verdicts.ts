import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// A record's verdicts, stored so that the records lists filter and count them in SQL instead of
// working out every record's witnesses and contradictions first. They are written with the
// canonical attributes whenever a record's mentions change; until then (a store made before this
// migration) they are 0, and `dossier relink` fills them in.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('event_records').addColumn('independent_outlets', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('event_records').addColumn('outlet_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('event_records').addColumn('disputed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // The lists' two verdict filters; both are rare enough among all records to be worth an index.
  await db.schema.createIndex('event_records_disputed').ifNotExists().on('event_records').columns(['disputed', 'date']).execute();
  await db.schema.createIndex('event_records_independent').ifNotExists().on('event_records').column('independent_outlets').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_records_disputed').ifExists().execute();
  await db.schema.dropIndex('event_records_independent').ifExists().execute();
  for (const column of ['independent_outlets', 'outlet_count', 'disputed']) await db.schema.alterTable('event_records').dropColumn(column).execute();
}
