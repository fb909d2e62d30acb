import type { Kysely, Transaction } from 'kysely';
import { PASSAGES_LAYER, PASSAGES_VERSION } from './passages-repository.js';
import type { Database } from './schema.js';

/** Ids per query: well under either engine's limit on bound parameters. */
const CHUNK = 500;

/**
 * Of these article ids, the ones stored with every layer made by exactly these stage versions
 * and passages made by this version: saving them again would change nothing, so an ingest can
 * count them as known without analysing them (saveArticle and saveLayers make the same test).
 */
export async function upToDateArticles(
  db: Kysely<Database> | Transaction<Database>,
  ids: readonly string[],
  stageVersions: ReadonlyArray<{ readonly layer: string; readonly version: string }>,
): Promise<Set<string>> {
  const want = new Map(stageVersions.map((s) => [s.layer, s.version]));
  want.set(PASSAGES_LAYER, PASSAGES_VERSION);
  const stored = new Map<string, Map<string, string>>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db.selectFrom('article_layers').select(['article_id', 'layer', 'version']).where('article_id', 'in', unique.slice(i, i + CHUNK)).execute();
    for (const r of rows) {
      const layers = stored.get(r.article_id) ?? new Map<string, string>();
      layers.set(r.layer, r.version);
      stored.set(r.article_id, layers);
    }
  }
  const same = (layers: Map<string, string>): boolean => layers.size === want.size && [...want].every(([layer, version]) => layers.get(layer) === version);
  return new Set([...stored].filter(([, layers]) => same(layers)).map(([id]) => id));
}
