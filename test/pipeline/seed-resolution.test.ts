
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';

const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');

/** Great-circle distance in km. */
function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

describe('the seed digest, resolved', needsFiles(SEED), () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('seed');
    const s = await ingestFiles(store, [SEED]);
    expect(s.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.destroy();
  });

  /** The actor ids that mentions spelled exactly as one of `spellings` were linked to. */
  async function actorsOf(spellings: readonly string[]): Promise<{ ids: Set<string | null>; found: Set<string> }> {
    const rows = await store.selectFrom('entity_mentions').select(['text', 'actor_id']).where('text', 'in', [...spellings]).execute();
    return { ids: new Set(rows.map((r) => r.actor_id)), found: new Set(rows.map((r) => r.text)) };
  }

  it.each([
    ['PMU', ['PMU', 'Popular Mobilization Units', 'Hashd al-Sha’abi', 'Popular Mobilization Forces']],
    ['Hezbollah', ['Hizballah', 'Hezbollah']],
    ['Islamic State', ['Daesh', 'Deash', 'ISIS', 'ISIL', 'Islamic State']],
    ['Soleimani', ['Qassem Soleimani', 'Qassim Soleimani', 'Soleimani']],
    ['Ziyadi', ['Badr al-Ziyadi', 'Ziyadi', 'Ziayadi']],
    ['Asa’ib Ahl al-Haq', ['Asa’ib Ahl al-Haq', 'Asaib Ahl al-Haq']],
    ['Khazali', ['Qais al-Khazali', 'Khazali']],
  ])('%s: every spelling resolves to one actor', async (_name, spellings) => {
    const { ids, found } = await actorsOf(spellings);
    expect(found.size).toBeGreaterThanOrEqual(Math.min(2, spellings.length));
    expect([...ids]).toHaveLength(1);
    expect([...ids][0]).not.toBeNull();
  });

  it.each([
    ['Al-Safirah', 36.07, 37.37, 15],
    ['Ain al-Assad', 33.8, 42.44, 15],
    ['al-Qaim', 34.37, 41.09, 20],
    ['Besmaya', 33.2, 44.6, 40],
    ['Nineveh', 36.2, 42.8, 150],
    ['Salahuddin', 34.5, 43.5, 150],
    ['Anbar', 33.0, 42.0, 200],
    ['Erbil', 36.19, 44.01, 15],
    ['Green Zone', 33.31, 44.38, 6],
  ])('%s resolves to the right place', async (surface, lat, lon, within) => {
    const rows = await store
      .selectFrom('place_mentions as m')
      .innerJoin('places as p', 'p.id', 'm.place_id')
      .select(['m.text', 'p.lat', 'p.lon', 'p.precision', 'p.name'])
      .where('m.text', 'like', `%${surface}%`)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(km(r.lat, r.lon, lat, lon), `${r.text} → ${r.name}`).toBeLessThan(within);
  });

  it('dates "On Monday" in the 5 May 2020 articles 2020-05-04, and "early on January 3" in the 25 May one 2020-01-03', async () => {
    const monday = await store
      .selectFrom('time_mentions as t')
      .innerJoin('articles as a', 'a.id', 't.article_id')
      .select(['t.value', 't.text', 'a.date'])
      .where('a.date', '=', '2020-05-05')
      .where('t.text', 'like', '%Monday%')
      .execute();
    expect(monday.length).toBeGreaterThanOrEqual(3);
    for (const m of monday) expect(m.value.slice(0, 10), m.text).toBe('2020-05-04');
    const january = await store
      .selectFrom('time_mentions as t')
      .innerJoin('articles as a', 'a.id', 't.article_id')
      .select(['t.value', 't.text'])
      .where('a.date', '=', '2020-05-25')
      .where('t.text', 'like', '%January 3%')
      .execute();
    expect(january.map((j) => j.value)).toEqual(['2020-01-03']);
  });
});
