import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// Each story row keeps a digest of what it holds, written with it: a linker that read a story
// for an earlier article reads it again only when the digest changed (records/story-memo.ts),
// instead of parsing every story of the ±7-day window for every article. Rows written before
// have none and are read every time, until they are written again.

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stories').addColumn('digest', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stories').dropColumn('digest').execute();
}
