import type { Transaction } from 'kysely';
import { type ActorRecord, newActorRecord } from '../../src/store/mentions-repository.js';
import type { Database } from '../../src/store/schema.js';

/** Facts for an actor nobody listed, as the knowledge would give them: its surface and type only. */
export const describeNewActor = (id: string, surface: string, type: string): ActorRecord => newActorRecord(id, surface, type);

/** A bare article row for layer tests that build their Documents by hand. */
export async function insertArticleRow(trx: Transaction<Database>, id: string, text: string): Promise<void> {
  await trx
    .insertInto('articles')
    .values({ id, title: 't', outlet_id: null, author_id: null, date: '2020-05-05', date_precision: 'day', date_reason: null, url: null, text, author_bio: null, content_hash: id, extra: '{}', source_file: 'f', start_line: 1, end_line: 1, start_byte: 0, end_byte: 1, reader: 'text', ingested_at: 'now' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
