import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { expandInputs, ingestFiles } from '../../src/pipeline/ingest-files.js';
import { reanalyzeStored } from '../../src/pipeline/reanalyze.js';
import { storeStats } from '../../src/store/articles-repository.js';
import { openTestStore } from '../support/test-store.js';

const FIXTURES = join(__dirname, '../fixtures/resolution');

describe('reanalyzeStored', () => {
  it('annotates articles stored by an older pipeline, then has nothing left to do', async () => {
    const store = await openTestStore('re');
    try {
      // Stored with the text stages only, as by a Dossier without these layers.
      const first = await ingestFiles(store, await expandInputs([FIXTURES]), { analyzer: createAnalyzer() });
      expect(first.articlesNew).toBe(2);
      expect((await storeStats(store)).entityMentions).toBe(0);
      const analyzer = createAnalyzer(loadKnowledge());
      const run = await reanalyzeStored(store, analyzer);
      expect(run).toMatchObject({ articles: 2, updated: 2, skipped: [] });
      const stats = await storeStats(store);
      expect(stats.entityMentions).toBeGreaterThan(10);
      expect(stats.timeMentions).toBeGreaterThanOrEqual(3);
      expect((await reanalyzeStored(store, analyzer)).updated).toBe(0);
      expect((await reanalyzeStored(store, analyzer, { force: true })).updated).toBe(2);
      expect((await storeStats(store)).entityMentions).toBe(stats.entityMentions);
    } finally {
      await store.destroy();
    }
  });
});
