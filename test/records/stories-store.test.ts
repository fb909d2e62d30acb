import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { type Analyzer, createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { linkingKnowledge } from '../../src/pipeline/save-and-link.js';
import { relinkAllArticles } from '../../src/records/link-article.js';
import { findRecords } from '../../src/records/record-views.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';

const FIXTURES = join(__dirname, '../fixtures/stories');
const KILLING = ['wire-killing.txt', 'gazette-killing.txt', 'ledger-killing.txt'];
const ROCKETS = 'wire-rockets.txt';

let analyzer: Analyzer;
beforeAll(() => {
  analyzer = createAnalyzer(loadKnowledge());
});

/** Article titles grouped by story, each group and the list sorted. */
async function storiesByTitle(store: Store): Promise<string[][]> {
  const rows = await store.selectFrom('story_articles as s').innerJoin('articles as a', 'a.id', 's.article_id').select(['s.story_id', 'a.title']).execute();
  const groups = new Map<string, string[]>();
  for (const r of rows) groups.set(r.story_id, [...(groups.get(r.story_id) ?? []), r.title]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

async function ingestIn(order: readonly string[]): Promise<Store> {
  const store = await openTestStore('stories');
  const s = await ingestFiles(store, order.map((f) => join(FIXTURES, f)), { analyzer });
  expect(s.errors).toEqual([]);
  return store;
}

describe('stories: three outlets on one killing, in their own words, and a rocket attack the same day', () => {
  let store: Store;
  beforeAll(async () => {
    store = await ingestIn([...KILLING, ROCKETS]);
  });

  it('puts the three reports of the killing in one story and the rocket attack in another', async () => {
    expect(await storiesByTitle(store)).toEqual([
      ['Harbor council chief Tomas Verhalen shot dead in Port Ellis', 'Mourners gather for slain Port Ellis council head Verhalen', 'Verhalen assassinated: harbor leader killed near his house'],
      ['Rockets hit fuel depot near Dunmore'],
    ]);
  });

  it('makes one record of the killing from "shot dead", "assassinated" and "killed", across the three outlets', async () => {
    const records = await findRecords(store);
    const violent = records.filter((r) => ['18', '19'].includes(r.code.slice(0, 2)));
    const killing = violent.filter((r) => r.target.some((t) => t.name === 'Tomas Verhalen'));
    expect(killing).toHaveLength(1);
    expect(killing[0]!.outlets).toEqual(['Example Wire', 'Harbor Gazette', 'Northern Ledger']);
    // The rocket attack, the same day and of the same kind, stays a record of its own.
    const rockets = violent.filter((r) => r.place?.name === 'Dunmore');
    expect(rockets).toHaveLength(1);
    expect(rockets[0]!.id).not.toBe(killing[0]!.id);
    expect(rockets[0]!.outlets).toEqual(['Example Wire']);
  });

  it('finds the same stories whatever order the articles came in, and again after relinking', async () => {
    const reversed = await ingestIn([ROCKETS, ...[...KILLING].reverse()]);
    expect(await storiesByTitle(reversed)).toEqual(await storiesByTitle(store));
    await relinkAllArticles(reversed, linkingKnowledge(analyzer.knowledge!));
    expect(await storiesByTitle(reversed)).toEqual(await storiesByTitle(store));
  });
});

describe('stories: an earlier report that stood alone joins once a later one links it', () => {
  // The gazette's "the crew had switched off the tracker … before the vessel was impounded"
  // shares too few words with the wire's seizure to join it when it arrives; the ledger then
  // tells the seizure with those very words, and the gazette's record is compared again.
  const SEIZURE = ['wire-seizure.txt', 'gazette-seizure.txt', 'ledger-seizure.txt'];
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('stories-seizure');
    const s = await ingestFiles(store, SEIZURE.map((f) => join(FIXTURES, f)), { analyzer });
    expect(s.errors).toEqual([]);
  });

  it('puts the gazette’s account of the impounding in the record of the seizure the three outlets tell', async () => {
    const rows = await store
      .selectFrom('record_mentions as rm')
      .innerJoin('events as e', 'e.id', 'rm.event_id')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .innerJoin('outlets as o', 'o.id', 'a.outlet_id')
      .select(['rm.record_id', 'rm.reason', 'o.name as outlet', 'e.trigger_start', 'e.trigger_end', 'a.text'])
      .execute();
    const trigger = (r: (typeof rows)[number]) => r.text.slice(r.trigger_start, r.trigger_end);
    const impounded = rows.find((r) => r.outlet === 'Harbor Gazette' && trigger(r) === 'impounded');
    const seized = rows.find((r) => r.outlet === 'Example Wire' && trigger(r).startsWith('seized'));
    expect(impounded && seized).toBeTruthy();
    expect(impounded!.record_id).toBe(seized!.record_id);
    expect(impounded!.reason).toMatch(/^compared again once a later report of its story was linked/);
    const outlets = new Set(rows.filter((r) => r.record_id === seized!.record_id).map((r) => r.outlet));
    expect([...outlets].sort()).toEqual(['Example Wire', 'Harbor Gazette', 'Northern Ledger']);
  });
});
