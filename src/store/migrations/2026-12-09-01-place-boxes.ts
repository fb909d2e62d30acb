import type { Kysely } from 'kysely';

// Frozen in time: imports nothing from src/. Kysely<any> is the documented migration type.
// A region or area ("Middle East", "western Anbar") is a box, not a point: the places table
// keeps its west, south, east and north edges in degrees (west > east across the antimeridian),
// null for the points. Places stored before stay points until their article is analysed again.

const EDGES = ['bbox_west', 'bbox_south', 'bbox_east', 'bbox_north'] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  for (const edge of EDGES) await db.schema.alterTable('places').addColumn(edge, 'real').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function down(db: Kysely<any>): Promise<void> {
  for (const edge of EDGES) await db.schema.alterTable('places').dropColumn(edge).execute();
}
