import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { type Analyzer, createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { expandInputs, ingestFiles } from '../../src/pipeline/ingest-files.js';
import { storeStats } from '../../src/store/articles-repository.js';
import { openTestStore } from '../support/test-store.js';

const FIXTURES = join(__dirname, '../fixtures/resolution');

/** The real analyzer, counting the articles it is given. */
function countingAnalyzer(): { analyzer: Analyzer; analysed: () => number } {
  const base = createAnalyzer(loadKnowledge());
  let n = 0;
  return {
    analyzer: {
      ...base,
      analyze: (raw) => {
        n++;
        return base.analyze(raw);
      },
    },
    analysed: () => n,
  };
}

describe('ingest of articles already stored', () => {
  it('finds them by id before analysing, and analyses again only an article whose layers are out of date', async () => {
    const store = await openTestStore('known');
    try {
      const { analyzer, analysed } = countingAnalyzer();
      const files = await expandInputs([FIXTURES]);
      const first = await ingestFiles(store, files, { analyzer });
      expect(first).toMatchObject({ articlesNew: 2, articlesKnown: 0 });
      expect(analysed()).toBe(2);
      const stats = await storeStats(store);

      const again = await ingestFiles(store, files, { analyzer });
      expect(again).toMatchObject({ articlesNew: 0, articlesKnown: 2, errors: [] });
      expect(analysed()).toBe(2);
      expect(await storeStats(store)).toEqual(stats);

      // One layer of one article as an older Dossier made it: that article alone is analysed, and its layers rewritten.
      const [layer] = analyzer.stageVersions;
      const article = await store.selectFrom('articles').select('id').orderBy('id').executeTakeFirstOrThrow();
      await store.updateTable('article_layers').set({ version: 'older' }).where('article_id', '=', article.id).where('layer', '=', layer!.layer).execute();
      const third = await ingestFiles(store, files, { analyzer });
      expect(third).toMatchObject({ articlesNew: 0, articlesKnown: 2 });
      expect(analysed()).toBe(3);
      const rewritten = await store.selectFrom('article_layers').select('version').where('article_id', '=', article.id).where('layer', '=', layer!.layer).executeTakeFirstOrThrow();
      expect(rewritten.version).toBe(layer!.version);
      expect(await storeStats(store)).toEqual(stats);
    } finally {
      await store.destroy();
    }
  });

  it('loads the knowledge only when an article is new: a run of known articles reads none of it', async () => {
    const store = await openTestStore('known-lazy');
    try {
      const files = await expandInputs([FIXTURES]);
      const loaded: string[] = [];
      const lazy = (run: string): Analyzer =>
        createAnalyzer(() => {
          loaded.push(run);
          return loadKnowledge();
        });
      const first = lazy('first');
      expect(first.stageVersions).toEqual(createAnalyzer(loadKnowledge()).stageVersions);
      expect(loaded).toEqual([]);
      const told: string[] = [];
      expect(await ingestFiles(store, files, { analyzer: first, onKnowledgeLoading: () => told.push('first') })).toMatchObject({ articlesNew: 2, articlesKnown: 0, errors: [] });
      expect(loaded).toEqual(['first']);
      expect(told).toEqual(['first']);
      expect(await ingestFiles(store, files, { analyzer: lazy('second'), onKnowledgeLoading: () => told.push('second') })).toMatchObject({ articlesNew: 0, articlesKnown: 2, errors: [] });
      expect(loaded).toEqual(['first']);
      expect(told).toEqual(['first']);
    } finally {
      await store.destroy();
    }
  });

  it('analyses an article repeated in one file once, and counts the copy as known', async () => {
    const store = await openTestStore('known-copies');
    try {
      const { analyzer, analysed } = countingAnalyzer();
      const dir = mkdtempSync(join(tmpdir(), 'dossier-known-'));
      const line = JSON.stringify({ title: 'Quay reopens', text: 'The port of Saltmere reopened its northern quay on Monday after a crane collapse.', outlet: 'Example Wire', date: '2024-06-03' });
      writeFileSync(join(dir, 'copies.jsonl'), `${line}\n${line}\n`);
      const run = await ingestFiles(store, [join(dir, 'copies.jsonl')], { analyzer });
      expect(run).toMatchObject({ articlesNew: 1, articlesKnown: 1, errors: [] });
      expect(analysed()).toBe(1);
    } finally {
      await store.destroy();
    }
  });
});
