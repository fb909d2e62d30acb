import { linkingKnowledge } from '../../src/pipeline/save-and-link.js';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import { main } from '../../src/cli/main.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { type Analyzer, createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { relinkAllArticles } from '../../src/records/link-article.js';
import { getRecord } from '../../src/records/record-views.js';
import { articlesInLinkingOrder } from '../../src/store/records-repository.js';
import { freshStoreTarget } from '../support/test-store.js';

const FIXTURES = join(__dirname, '../fixtures/records');
const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');
// Ingested one file at a time, against alphabetical order: linking order then differs from id and file-name order.
const FILES = ['wire-strike.txt', 'valley-bridge.txt', 'ledger-strike.txt', 'gazette-strike.txt', 'coast-bridge.txt'].map((f) => join(FIXTURES, f));

let knowledge: Knowledge;
let analyzer: Analyzer;
beforeAll(() => {
  knowledge = loadKnowledge();
  analyzer = createAnalyzer(knowledge);
});

/** Everything linking decides: each record's row (canonical attributes and verdicts) and each mention's link. */
async function snapshot(store: Store) {
  const records = await store.selectFrom('event_records').selectAll().orderBy('id').execute();
  const links = await store.selectFrom('record_mentions').selectAll().orderBy('event_id').execute();
  return { records, links };
}

async function ingestOneByOne(store: Store): Promise<void> {
  for (const f of FILES) expect((await ingestFiles(store, [f], { analyzer })).errors).toEqual([]);
}

describe('dossier relink', () => {
  let target: string;
  let store: Store;
  let fresh: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    target = await freshStoreTarget('relink');
    store = await openStore(target);
    await ingestOneByOne(store);
    fresh = await snapshot(store);
    expect(fresh.records.length).toBeGreaterThan(3);
    expect(fresh.records.some((r) => r.mention_count > 2)).toBe(true);
  });

  it('orders articles as they were ingested', async () => {
    const byFile = await store.selectFrom('articles').select(['id', 'source_file']).execute();
    const fileOf = new Map(byFile.map((a) => [a.id, a.source_file]));
    // Stored relative to the working folder (provenance never holds an absolute path).
    const order = (await articlesInLinkingOrder(store)).map((id) => FILES.findIndex((f) => f.endsWith(`/${fileOf.get(id)!}`)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(FILES.length);
  });

  it('rebuilds, in small batches, the records a fresh ingest made', async () => {
    const progress: number[] = [];
    const s = await relinkAllArticles(store, linkingKnowledge(knowledge), { batch: 2, onProgress: (p) => progress.push(p.done) });
    expect(s).toMatchObject({ done: FILES.length, total: FILES.length, interrupted: false, records: fresh.records.length });
    expect(progress).toEqual([2, 4, 5]);
    expect(await snapshot(store)).toEqual(fresh);
  });

  it('builds the records of a store that has none', async () => {
    await store.deleteFrom('record_mentions').execute();
    await store.deleteFrom('event_records').execute();
    await relinkAllArticles(store, linkingKnowledge(knowledge));
    expect(await snapshot(store)).toEqual(fresh);
  });

  it('leaves consistent records when stopped between batches, and starts from zero the next time', async () => {
    let batches = 0;
    const s = await relinkAllArticles(store, linkingKnowledge(knowledge), { batch: 2, shouldStop: () => batches++ >= 1 });
    expect(s.interrupted).toBe(true);
    expect(s.done).toBe(2);
    const partial = await snapshot(store);
    expect(partial.links.length).toBeGreaterThan(0);
    expect(partial.links.length).toBeLessThan(fresh.links.length);
    for (const r of partial.records) {
      expect(r.mention_count).toBe(partial.links.filter((l) => l.record_id === r.id).length);
      const shown = (await getRecord(store, r.id))!;
      expect([r.independent_outlets, r.outlet_count, r.disputed === 1]).toEqual([shown.independentOutlets, shown.outlets.length, shown.disputed]);
    }
    await relinkAllArticles(store, linkingKnowledge(knowledge));
    expect(await snapshot(store)).toEqual(fresh);
  });

  it('runs from the CLI and explains itself in --help', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(await main(['--db', target, 'relink', '--json'])).toBe(0);
      expect(await main(['relink', '--help'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(written[0]!)).toMatchObject({ done: FILES.length, total: FILES.length, records: fresh.records.length, interrupted: false });
    expect(written.join('')).toMatch(/starts from zero/);
    expect(await snapshot(store)).toEqual(fresh);
  });
});

describe('dossier relink on the seed digest', needsFiles(SEED), () => {
  it('gives the records, ids and links a fresh ingest gave', async () => {
    const store = await openStore(await freshStoreTarget('relink-seed'));
    expect((await ingestFiles(store, [SEED], { analyzer })).errors).toEqual([]);
    const fresh = await snapshot(store);
    expect(fresh.records.some((r) => r.mention_count > 3)).toBe(true);
    await relinkAllArticles(store, linkingKnowledge(knowledge), { batch: 7 });
    expect(await snapshot(store)).toEqual(fresh);
    await store.destroy();
  }, 240_000);
});
