
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { type Analyzer, createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { refreshRecordsOfEvents } from '../../src/records/record-upkeep.js';
import { findRecords, getRecord, type RecordDetail, recordsPage } from '../../src/records/record-views.js';
import { addCorrection, undoLastCorrection } from '../../src/store/corrections-repository.js';
import type { Store } from '../../src/store/open-store.js';
import { recordDecision, undoLastDecision } from '../../src/store/review-repository.js';
import { openTestStore } from '../support/test-store.js';

const FIXTURES = join(__dirname, '../fixtures/records');
const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');
const FILES = ['wire-strike.txt', 'ledger-strike.txt', 'gazette-strike.txt', 'valley-bridge.txt', 'coast-bridge.txt'].map((f) => join(FIXTURES, f));

let analyzer: Analyzer;
beforeAll(() => {
  analyzer = createAnalyzer(loadKnowledge());
});

interface Verdict {
  id: string;
  independentOutlets: number;
  outletCount: number;
  disputed: boolean;
}

async function storedVerdicts(store: Store): Promise<Verdict[]> {
  const rows = await store
    .selectFrom('event_records')
    .select(['id', 'independent_outlets', 'outlet_count', 'disputed'])
    .where('mention_count', '>', 0)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, independentOutlets: r.independent_outlets, outletCount: r.outlet_count, disputed: r.disputed === 1 }));
}

/** The verdicts getRecord works out from the reports, for the same records. */
async function shownVerdicts(store: Store, ids: readonly string[]): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const id of ids) {
    const r = await getRecord(store, id);
    out.push(r ? { id, independentOutlets: r.independentOutlets, outletCount: r.outlets.length, disputed: r.disputed } : { id, independentOutlets: 0, outletCount: 0, disputed: false });
  }
  return out;
}

describe('stored record verdicts on the invented fixtures', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('verdicts');
    expect((await ingestFiles(store, FILES, { analyzer })).errors).toEqual([]);
  });

  it('stores, for every record, the verdicts getRecord shows', async () => {
    const stored = await storedVerdicts(store);
    expect(stored.length).toBeGreaterThan(3);
    // The fixtures hold a disputed strike and a wire story run by two outlets: verdicts that are not all zeros.
    expect(stored.some((v) => v.disputed)).toBe(true);
    expect(stored.some((v) => v.independentOutlets >= 2)).toBe(true);
    expect(stored.some((v) => v.outletCount > v.independentOutlets)).toBe(true);
    expect(stored).toEqual(await shownVerdicts(store, stored.map((v) => v.id)));
  });

  it('filters and shows the lists by the stored verdicts', async () => {
    const all = await findRecords(store);
    const disputed = await findRecords(store, { disputed: true });
    expect(disputed.length).toBeGreaterThan(0);
    expect(disputed.map((r) => r.id)).toEqual(all.filter((r) => r.contradictions.length > 0).map((r) => r.id));
    for (const n of [1, 2, 3]) {
      const kept = await findRecords(store, { minIndependent: n });
      const expected = [];
      for (const r of all) if ((await getRecord(store, r.id))!.independentOutlets >= n) expected.push(r.id);
      expect(kept.map((r) => r.id)).toEqual(expected);
    }
    const one = await findRecords(store, { minIndependent: 2, disputed: true, limit: 1 });
    expect(one).toHaveLength(1);
    expect(one[0]!.disputed && one[0]!.independentOutlets >= 2).toBe(true);
  });

  it('works the verdicts out again when a review decision hides a report, and when it is undone', async () => {
    const strike = (await findRecords(store, { disputed: true, minIndependent: 2 }))[0]!;
    const detail = (await getRecord(store, strike.id))!;
    // Reject every report of one outlet: the record loses a witness.
    const gazette = detail.reports.filter((m) => m.outlet === 'Harbor Gazette');
    expect(gazette.length).toBeGreaterThan(0);
    for (const m of gazette) await recordDecision(store, { kind: 'event', itemId: m.eventId, decision: 'reject' }, refreshRecordsOfEvents);
    const after = (await storedVerdicts(store)).find((v) => v.id === strike.id)!;
    expect(after.outletCount).toBe(detail.outlets.length - 1);
    expect([after]).toEqual(await shownVerdicts(store, [strike.id]));
    for (const _ of gazette) await undoLastDecision(store, refreshRecordsOfEvents);
    const restored = (await storedVerdicts(store)).find((v) => v.id === strike.id)!;
    expect(restored).toEqual({ id: strike.id, independentOutlets: detail.independentOutlets, outletCount: detail.outlets.length, disputed: detail.disputed });
  });

  it('filters by actor and outlet on the reports a record shows, in SQL: the records a reading of every record keeps, paged, a rejected report not counted', async () => {
    const kept = async (keep: (r: RecordDetail) => boolean): Promise<string[]> => {
      const ids: string[] = [];
      for (const r of await findRecords(store)) if (keep((await getRecord(store, r.id))!)) ids.push(r.id);
      return ids;
    };
    const names = (r: RecordDetail, needle: string): boolean =>
      r.reports.some((m) => [...m.source, ...m.target].some((a) => a.id === needle || a.name.toLowerCase().includes(needle.toLowerCase())));
    const sameAsReading = async (): Promise<void> => {
      for (const outlet of ['gazette', 'Example Wire', 'no such outlet']) {
        const page = await recordsPage(store, { outlet });
        expect(page.items.map((r) => r.id)).toEqual(await kept((r) => r.outlets.some((o) => o.toLowerCase().includes(outlet.toLowerCase()))));
        expect(page.total).toBe(page.items.length);
      }
      for (const actor of ['arm-isis', 'islamic', 'no such actor']) {
        const page = await recordsPage(store, { actor });
        expect(page.items.map((r) => r.id)).toEqual(await kept((r) => names(r, actor)));
        expect(page.total).toBe(page.items.length);
      }
    };
    await sameAsReading();
    const gazette = await recordsPage(store, { outlet: 'gazette' });
    expect(gazette.total).toBeGreaterThan(1);
    expect(await recordsPage(store, { outlet: 'gazette' }, { limit: 1, offset: 1 })).toEqual({ items: gazette.items.slice(1, 2), total: gazette.total });
    // Every report of the Gazette in the strike's record rejected: the record is no longer the Gazette's.
    const strike = (await findRecords(store, { disputed: true, minIndependent: 2 }))[0]!;
    const hidden = (await getRecord(store, strike.id))!.reports.filter((m) => m.outlet === 'Harbor Gazette');
    expect(hidden.length).toBeGreaterThan(0);
    expect(gazette.items.map((r) => r.id)).toContain(strike.id);
    for (const m of hidden) await recordDecision(store, { kind: 'event', itemId: m.eventId, decision: 'reject' }, refreshRecordsOfEvents);
    expect((await recordsPage(store, { outlet: 'gazette' })).items.map((r) => r.id)).not.toContain(strike.id);
    await sameAsReading();
    for (const _ of hidden) await undoLastDecision(store, refreshRecordsOfEvents);
    expect((await recordsPage(store, { outlet: 'gazette' })).items.map((r) => r.id)).toContain(strike.id);
  });

  it('rewrites a record’s actors and verdicts when an actor correction moves its reports’ actors', async () => {
    const strike = (await findRecords(store, { disputed: true, minIndependent: 2 }))[0]!;
    const sourcesOf = async (): Promise<string[]> =>
      JSON.parse((await store.selectFrom('event_records').select('sources').where('id', '=', strike.id).executeTakeFirstOrThrow()).sources) as string[];
    expect(await sourcesOf()).toContain('arm-isis');
    await addCorrection(store, { op: 'split', actor: 'arm-isis', surface: 'Islamic State' }, refreshRecordsOfEvents);
    expect(await sourcesOf()).toContain('split:arm-isis:islamic-state');
    expect(await sourcesOf()).not.toContain('arm-isis');
    const stored = await storedVerdicts(store);
    expect(stored).toEqual(await shownVerdicts(store, stored.map((v) => v.id)));
    await undoLastCorrection(store, refreshRecordsOfEvents);
    expect(await sourcesOf()).toContain('arm-isis');
  });
});

describe('stored record verdicts on the seed digest', needsFiles(SEED), () => {
  it('equal the shown ones for every record', async () => {
    const store = await openTestStore('verdicts-seed');
    expect((await ingestFiles(store, [SEED], { analyzer })).errors).toEqual([]);
    const stored = await storedVerdicts(store);
    expect(stored.filter((v) => v.disputed).length).toBeGreaterThan(0);
    expect(stored).toEqual(await shownVerdicts(store, stored.map((v) => v.id)));
    await store.destroy();
  }, 240_000);
});
