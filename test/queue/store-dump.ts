import { sql } from 'kysely';
import { openStore } from '../../src/store/open-store.js';

/** Bookkeeping and derived tables: migrations, the queue's own tables, full-text index internals. */
const SKIPPED_TABLE = /^(kysely_|queue_|sqlite_)|_fts/;
/** Wall-clock stamps differ between any two runs. */
const WALL_CLOCK_COLUMN = /_at$/;

/**
 * Every row of every news table as sorted JSON lines, ids and all, wall-clock columns left out:
 * two stores are the same record exactly when their dumps are equal.
 */
export async function dumpStore(target: string): Promise<Record<string, string[]>> {
  const store = await openStore(target);
  try {
    const out: Record<string, string[]> = {};
    for (const table of await store.introspection.getTables()) {
      if (SKIPPED_TABLE.test(table.name)) continue;
      const columns = table.columns.map((c) => c.name).filter((c) => !WALL_CLOCK_COLUMN.test(c));
      const rows = await sql<Record<string, unknown>>`SELECT ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(table.name)}`.execute(store);
      out[table.name] = rows.rows.map((r) => JSON.stringify(columns.map((c) => r[c]))).sort();
    }
    return out;
  } finally {
    await store.destroy();
  }
}
