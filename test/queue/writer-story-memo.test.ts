import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawArticle } from '../../src/ingest/raw-article.js';
import type { Analyzer } from '../../src/pipeline/analyze-article.js';
import { registerBatch, serializeAnalyzed, stageArticle, writeDueArticles } from '../../src/queue/ordered-writes.js';
import { StoryMemo } from '../../src/records/story-memo.js';
import { openStore } from '../../src/store/open-store.js';
import { storiesByIds } from '../../src/store/stories-repository.js';
import { freshStoreTarget } from '../support/test-store.js';
import { queueCorpus } from './queue-corpus.js';
import { dumpStore } from './store-dump.js';

// Every story row the linkers read whole, with the digest it had: the memo reads through this.
vi.mock('../../src/store/stories-repository.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/stories-repository.js')>();
  return { ...real, storiesByIds: vi.fn(real.storiesByIds) };
});

let analyzer: Analyzer;
let articles: RawArticle[];
let single: Record<string, string[]>;

/** `id@digest` of every story row read whole since the last reset, in read order. */
async function rowsRead(): Promise<string[]> {
  const calls = vi.mocked(storiesByIds).mock.results;
  const out: string[] = [];
  for (const r of calls) for (const s of await (r.value as ReturnType<typeof storiesByIds>)) out.push(`${s.id}@${s.digest}`);
  return out;
}

beforeAll(async () => {
  const corpus = await queueCorpus('memo-single');
  ({ analyzer, articles, single } = corpus);
  expect(corpus.errors).toEqual([]);
});

beforeEach(() => {
  vi.mocked(storiesByIds).mockClear();
});

/** Stages the articles in order and writes each as it is staged, as a worker does, with its memo. */
async function writeAll(label: string, memo: StoryMemo): Promise<string> {
  const target = await freshStoreTarget(label);
  const store = await openStore(target);
  await registerBatch(store, 'b', articles.length);
  for (let i = 0; i < articles.length; i++) {
    const a = analyzer.analyze(articles[i]!);
    await stageArticle(store, 'b', i, { articleId: a.id, payload: serializeAnalyzed(a) });
    expect((await writeDueArticles(store, analyzer, undefined, memo)).map((o) => o.result)).toEqual(['new']);
  }
  await store.destroy();
  return target;
}

describe("a queue writer's memo of the stories it read", () => {
  it('reads a story row again only when it changed since this writer read it', async () => {
    const target = await writeAll('memo-one', new StoryMemo());
    const read = await rowsRead();
    // The fixture articles share story windows: without the memo every story of the window is
    // read again for each article, unchanged rows included.
    expect(read.length).toBeGreaterThan(0);
    expect(read.length - new Set(read).size).toBe(0);
    expect(await dumpStore(target)).toEqual(single);
  });

  it('without a memo of its own, a writer reads the same unchanged rows again', async () => {
    const target = await freshStoreTarget('memo-none');
    const store = await openStore(target);
    await registerBatch(store, 'b', articles.length);
    for (let i = 0; i < articles.length; i++) {
      const a = analyzer.analyze(articles[i]!);
      await stageArticle(store, 'b', i, { articleId: a.id, payload: serializeAnalyzed(a) });
      await writeDueArticles(store, analyzer);
    }
    await store.destroy();
    const read = await rowsRead();
    // The case the first test rules out happens on this corpus: that test can fail.
    expect(read.length - new Set(read).size).toBeGreaterThan(0);
  });

  it('two writers taking turns, each with its own memo, are given no story another writer changed since', async () => {
    /** A memo that keeps what it gave the linker, story by story. */
    class GivingMemo extends StoryMemo {
      given: string[] = [];
      override async near(...args: Parameters<StoryMemo['near']>): ReturnType<StoryMemo['near']> {
        const read = await super.near(...args);
        this.given.push(...read.map((r) => `${r.sums.id}@${r.sums.digest}`));
        return read;
      }
    }
    const memos = [new GivingMemo(), new GivingMemo()];
    const target = await freshStoreTarget('memo-two');
    const store = await openStore(target);
    await registerBatch(store, 'b', articles.length);
    let stale = 0;
    let changedSince = 0;
    const lastGiven = memos.map(() => new Map<string, string>());
    for (let i = 0; i < articles.length; i++) {
      const memo = memos[i % 2]!;
      const held = new Set((await store.selectFrom('stories').select(['id', 'digest']).execute()).map((r) => `${r.id}@${r.digest}`));
      const a = analyzer.analyze(articles[i]!);
      await stageArticle(store, 'b', i, { articleId: a.id, payload: serializeAnalyzed(a) });
      memo.given = [];
      await writeDueArticles(store, analyzer, undefined, memo);
      for (const g of memo.given) {
        if (!held.has(g)) stale++;
        const [id, digest] = g.split('@') as [string, string];
        const before = lastGiven[i % 2]!.get(id);
        if (before !== undefined && before !== digest) changedSince++;
        lastGiven[i % 2]!.set(id, digest);
      }
    }
    await store.destroy();
    // Stories changed since this writer was given them came up (the case is exercised), and were read again.
    expect(changedSince).toBeGreaterThan(0);
    expect(stale).toBe(0);
    expect(await dumpStore(target)).toEqual(single);
  });
});
