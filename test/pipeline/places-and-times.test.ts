import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { findPlaces } from '../../src/store/mentions-queries.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';

const ARTICLE = join(import.meta.dirname, '../fixtures/places/anbar-sweep.txt');

describe('places and times of an article about western Iraq, stored', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('places-and-times');
    const s = await ingestFiles(store, [ARTICLE]);
    expect(s.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.destroy();
  });

  async function placeOf(surface: string) {
    return store
      .selectFrom('place_mentions as m')
      .innerJoin('places as p', 'p.id', 'm.place_id')
      .selectAll('p')
      .where('m.text', '=', surface)
      .executeTakeFirst();
  }

  it('puts no name of the article in Togo', async () => {
    const countries = await store.selectFrom('places').select('country').distinct().execute();
    expect(countries.map((c) => c.country)).not.toContain('TGO');
    expect((await placeOf('Ramadi'))?.country).toBe('IRQ');
  });

  it('stores regions as boxes and towns as points', async () => {
    const middleEast = await placeOf('Middle East');
    expect(middleEast?.precision).toBe('area');
    expect([middleEast?.bbox_west, middleEast?.bbox_south, middleEast?.bbox_east, middleEast?.bbox_north].every((v) => typeof v === 'number')).toBe(true);
    const west = await placeOf('western Anbar');
    expect(west?.admin1).toBe('IQ-AN');
    expect(west?.bbox_west).not.toBeNull();
    expect((await placeOf('Ramadi'))?.bbox_west).toBeNull();
  });

  it('finds a place by the spelling the article used, and returns its box', async () => {
    const found = await findPlaces(store, { name: 'salahuddin' });
    expect(found.map((p) => p.admin1)).toContain('IQ-SD');
    const fallouja = await findPlaces(store, { name: 'Fallouja' });
    expect(fallouja.map((p) => p.country)).toEqual(['IRQ']);
    const [middleEast] = await findPlaces(store, { name: 'middle east' });
    expect(middleEast?.bbox).toHaveLength(4);
  });

  it('dates "Saturday’s assault" and "last week’s strike" from the publication date', async () => {
    const times = await store.selectFrom('time_mentions').select(['text', 'value']).execute();
    const value = (text: string) => times.find((t) => t.text === text)?.value;
    expect(value('Saturday')).toBe('2020-05-02');
    expect(value('last week')).toBe('2020-W18');
    expect(value('Tuesday')).toBe('2020-05-05');
  });

  it('dates the assault to that Saturday and places it in Salahuddin', async () => {
    const events = await store.selectFrom('events').select(['date', 'place_name']).execute();
    expect(events).toContainEqual({ date: '2020-05-02', place_name: 'Saladin Governorate' });
  });
});
