import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// Linking an article reads only the records it could join (records-repository.ts
// recordCandidates) and only the records that lost mentions (staleRecords), so that its cost
// does not grow with the store: this gives each of those reads an index.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  // 1 from when a re-analysis deletes one of the record's events until its attributes are worked
  // out again: finding such records used to take a count of every record's mentions per article.
  await db.schema.alterTable('event_records').addColumn('lost_mentions', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Records a store holds stale now (their count differs from their mentions) are marked, so the
  // next linking refreshes them as it did before.
  await db
    .updateTable('event_records')
    .set({ lost_mentions: 1 })
    .where('mention_count', '!=', db.selectFrom('record_mentions as m').select(db.fn.countAll().as('n')).whereRef('m.record_id', '=', 'event_records.id'))
    .execute();
  await db.schema.createIndex('event_records_lost').on('event_records').column('lost_mentions').execute();
  // Each record's target actor keys (its `targets`), with the last day it reaches: the day its
  // date range ends, or, undated, the day it was last reported. A mention with no date of its own
  // (or a record with none) joins only a record sharing a target with it, or one of its own
  // article or story: candidates are looked up by target, from a day on.
  await db.schema
    .createTable('record_targets')
    .addColumn('record_id', 'text', (c) => c.notNull().references('event_records.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addPrimaryKeyConstraint('record_targets_pk', ['record_id', 'key'])
    .execute();
  await db.schema.createIndex('record_targets_key').on('record_targets').columns(['key', 'until']).execute();
  const records = await db.selectFrom('event_records').select(['id', 'targets', 'date', 'date_end', 'last_reported']).execute();
  const rows = records.flatMap((r) =>
    [...new Set(JSON.parse(r.targets) as string[])].map((key) => ({ record_id: r.id, key, until: r.date === null ? r.last_reported : (r.date_end ?? r.date) })),
  );
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('record_targets').values(rows.slice(i, i + 200)).execute();
  // A dated record is near a dated mention when its range ends after the mention's window starts
  // (every dated record has date_end), by type as candidates are chosen: these replace the
  // indexes on root_code and date, and on plover, whose ranges ran from the year's start.
  await db.schema.createIndex('event_records_root_end').on('event_records').columns(['root_code', 'date_end']).execute();
  await db.schema.createIndex('event_records_plover_end').on('event_records').columns(['plover', 'date_end']).execute();
  await db.schema.dropIndex('event_records_root').ifExists().execute();
  await db.schema.dropIndex('event_records_plover').ifExists().execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('event_records_root').ifNotExists().on('event_records').columns(['root_code', 'date']).execute();
  await db.schema.createIndex('event_records_plover').ifNotExists().on('event_records').column('plover').execute();
  for (const name of ['event_records_root_end', 'event_records_plover_end', 'event_records_lost']) await db.schema.dropIndex(name).ifExists().execute();
  await db.schema.dropTable('record_targets').ifExists().execute();
  await db.schema.alterTable('event_records').dropColumn('lost_mentions').execute();
}
