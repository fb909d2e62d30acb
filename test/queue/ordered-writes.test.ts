import { beforeAll, describe, expect, it } from 'vitest';
import type { RawArticle } from '../../src/ingest/raw-article.js';
import type { Analyzer } from '../../src/pipeline/analyze-article.js';
import {
  batchProgress,
  registerBatch,
  restoreAnalyzed,
  serializeAnalyzed,
  stageArticle,
  type WriteOutcome,
  writeDueArticles,
} from '../../src/queue/ordered-writes.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { freshStoreTarget } from '../support/test-store.js';
import { queueCorpus } from './queue-corpus.js';
import { dumpStore } from './store-dump.js';

let analyzer: Analyzer;
let articles: RawArticle[];
let single: Record<string, string[]>;
let singleTarget: string;

beforeAll(async () => {
  const corpus = await queueCorpus('queue-single');
  ({ analyzer, articles, single, singleTarget } = corpus);
  expect(corpus.errors).toEqual([]);
});

const count = async (store: Store, table: 'articles' | 'event_records'): Promise<number> =>
  Number((await store.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the fixture corpus', () => {
  it('exercises the order-dependent writes: repeated passages and records reported by several articles', async () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    expect(single.repeats!.length).toBeGreaterThan(0);
    const store = await openStore(singleTarget);
    const shared = await store
      .selectFrom('record_mentions as m')
      .innerJoin('events as e', 'e.id', 'm.event_id')
      .select('m.record_id')
      .groupBy('m.record_id')
      .having((eb) => eb.fn.count('e.article_id').distinct(), '>', 1)
      .execute();
    await store.destroy();
    expect(shared.length).toBeGreaterThan(0);
  });
});

describe('ordered writes', () => {
  it('round-trips an analyzed article through its staged text', () => {
    const a = analyzer.analyze(articles[0]!);
    const back = restoreAnalyzed(serializeAnalyzed(a));
    expect(back.doc.text).toBe(a.doc.text);
    expect([...back.doc.rawOffsets]).toEqual([...a.doc.rawOffsets]);
    expect(back.doc.layers).toEqual(a.doc.layers);
    expect(back.raw).toEqual(a.raw);
  });

  it('analyzes again an article staged before headlines were text, whose offsets fit no text now', () => {
    const raw = articles.find((r) => r.title !== '' && !r.text.startsWith(r.title))!;
    const a = analyzer.analyze(raw);
    expect(a.doc.bodyStart).toBeGreaterThan(0);
    // A payload as the previous version staged it: no bodyStart, layers with offsets into the body alone.
    const old = analyzer.analyze({ ...raw, title: '' });
    const { bodyStart: _dropped, ...payload } = JSON.parse(serializeAnalyzed({ ...old, raw })) as Record<string, unknown>;
    expect(() => restoreAnalyzed(JSON.stringify(payload))).toThrow(/staged before headlines/);
    const again = restoreAnalyzed(JSON.stringify(payload), analyzer);
    expect(again.doc.text).toBe(a.doc.text);
    expect(again.doc.layers.events).toEqual(a.doc.layers.events);
  });

  it('writes articles staged in reverse order exactly as one process does, and none before its turn', async () => {
    const target = await freshStoreTarget('queue-ordered');
    const store = await openStore(target);
    await registerBatch(store, 'b1', articles.length);
    const written: WriteOutcome[] = [];
    for (let i = articles.length - 1; i >= 0; i--) {
      const a = analyzer.analyze(articles[i]!);
      await stageArticle(store, 'b1', i, { articleId: a.id, payload: serializeAnalyzed(a) });
      written.push(...(await writeDueArticles(store, analyzer)));
      if (i > 0) expect(await count(store, 'articles')).toBe(0);
    }
    expect(written.map((w) => w.index)).toEqual(articles.map((_, i) => i));
    expect(await batchProgress(store, 'b1')).toEqual({ total: articles.length, applied: articles.length });
    // A job retried after its article was written stages nothing and writes nothing.
    const again = analyzer.analyze(articles[3]!);
    await stageArticle(store, 'b1', 3, { articleId: again.id, payload: serializeAnalyzed(again) });
    expect(await writeDueArticles(store, analyzer)).toEqual([]);
    await store.destroy();
    expect(await dumpStore(target)).toEqual(single);
  });

  it('writes batches in the order they were registered', async () => {
    const target = await freshStoreTarget('queue-batches');
    const store = await openStore(target);
    const half = Math.floor(articles.length / 2);
    await registerBatch(store, 'first', half);
    await registerBatch(store, 'second', articles.length - half);
    for (let i = articles.length - 1; i >= 0; i--) {
      const a = analyzer.analyze(articles[i]!);
      const [batch, index] = i < half ? ['first', i] : ['second', i - half];
      await stageArticle(store, batch, index as number, { articleId: a.id, payload: serializeAnalyzed(a) });
      await writeDueArticles(store, analyzer);
    }
    await store.destroy();
    expect(await dumpStore(target)).toEqual(single);
  });

  it('skips an article that failed, names it, and writes the rest', async () => {
    const store = await openStore(await freshStoreTarget('queue-failed'));
    await registerBatch(store, 'b', 3);
    const [a0, a2] = [analyzer.analyze(articles[0]!), analyzer.analyze(articles[2]!)];
    await stageArticle(store, 'b', 2, { articleId: a2.id, payload: serializeAnalyzed(a2) });
    await stageArticle(store, 'b', 1, { articleId: 'a_x', error: 'digest.txt:9: analysis failed: boom' });
    await stageArticle(store, 'b', 0, { articleId: a0.id, payload: serializeAnalyzed(a0) });
    const out = await writeDueArticles(store, analyzer);
    expect(out.map((o) => [o.index, o.result, o.error])).toEqual([
      [0, 'new', null],
      [1, 'failed', 'digest.txt:9: analysis failed: boom'],
      [2, 'new', null],
    ]);
    expect(await count(store, 'articles')).toBe(2);
    await store.destroy();
  });
});
